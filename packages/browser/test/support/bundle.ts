import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { STRICT_CSP, startStaticServer, type ServedFile, type StaticServer } from './server';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The built package under test (`pnpm --filter @defender-errors/browser build`). */
export const DIST_ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

/** Bundles a page script against the built `dist` (code splitting on, so locales become chunks). */
export async function bundlePage(entry: string): Promise<Map<string, string>> {
  if (!existsSync(DIST_ENTRY)) {
    throw new Error(`${DIST_ENTRY} is missing: build first (pnpm --filter @defender-errors/browser build).`);
  }
  const result = await build({
    entryPoints: { page: fileURLToPath(new URL(`../pages/${entry}`, import.meta.url)) },
    absWorkingDir: packageRoot,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'virtual-out',
    write: false,
    charset: 'utf8',
    logLevel: 'silent',
    alias: { '@defender-errors/browser': DIST_ENTRY },
    chunkNames: 'chunks/[name]-[hash]',
  });
  const files = new Map<string, string>();
  for (const file of result.outputFiles) {
    const relative = file.path.slice(file.path.indexOf('virtual-out/') + 'virtual-out/'.length);
    files.set(`/${relative}`, file.text);
  }
  return files;
}

/** The HTML shell of a test page: one module script, nothing inline. */
export function pageHtml(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script type="module" src="/page.js"></script></head><body><main id="app"><div id="errors"></div></main></body></html>`;
}

/** Serves a bundled page at `/` with the strict CSP and Trusted Types, and at `/no-csp` without. */
export async function servePage(entry: string, extra: ReadonlyMap<string, ServedFile> = new Map()): Promise<StaticServer & { scripts: Map<string, string> }> {
  const scripts = await bundlePage(entry);
  const files = new Map<string, ServedFile>(extra);
  const html = pageHtml(`defender-errors: ${entry}`);
  files.set('/', { body: html, type: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP } });
  files.set('/no-csp', { body: html, type: 'text/html; charset=utf-8' });
  files.set('/favicon.ico', { body: '', type: 'image/x-icon' });
  for (const [path, text] of scripts) files.set(path, { body: text, type: 'text/javascript; charset=utf-8' });
  const server = await startStaticServer(files);
  return Object.assign(server, { scripts });
}
