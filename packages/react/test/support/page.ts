import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { STRICT_CSP, startStaticServer, type ServedFile, type StaticServer } from '../../../browser/test/support/server';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The built package under test (`pnpm --filter @defender-errors/react build`). */
export const DIST_ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

/** Bundles test/pages/harness.tsx with React's production build and the package's built `dist`. */
async function bundleHarness(): Promise<string> {
  if (!existsSync(DIST_ENTRY)) throw new Error(`${DIST_ENTRY} is missing: build first (pnpm --filter @defender-errors/react build).`);
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../pages/harness.tsx', import.meta.url))],
    absWorkingDir: packageRoot,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    write: false,
    charset: 'utf8',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { '@defender-errors/react': DIST_ENTRY },
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Serves the harness at `/` under the strict CSP with Trusted Types, at `/no-csp` without, plus `extra` files. */
export async function serveHarness(extra: ReadonlyMap<string, ServedFile> = new Map()): Promise<StaticServer> {
  const script = await bundleHarness();
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>@defender-errors/react</title><script type="module" src="/page.js"></script></head><body><main id="app"></main><div id="reference"></div></body></html>';
  const files = new Map<string, ServedFile>(extra);
  files.set('/', { body: html, type: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP } });
  files.set('/no-csp', { body: html, type: 'text/html; charset=utf-8' });
  files.set('/page.js', { body: script, type: 'text/javascript; charset=utf-8' });
  files.set('/favicon.ico', { body: '', type: 'image/x-icon' });
  return startStaticServer(files);
}
