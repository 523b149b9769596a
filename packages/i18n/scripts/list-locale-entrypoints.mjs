// Prints the per-locale subpath exports (./locales/<lng>) for `attw --include-entrypoints`,
// which does not expand the `./locales/*` wildcard by itself.
import { readdirSync } from 'node:fs';

console.log(
  readdirSync(new URL('../dist/locales/', import.meta.url))
    .filter((file) => file.endsWith('.js'))
    .map((file) => `./locales/${file.slice(0, -3)}`)
    .join(' '),
);
