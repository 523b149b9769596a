import { defineConfig } from 'vite';

// The page: built to dist/public and served by the demo's own server (src/server), which sets a
// strict CSP with Trusted Types. No inline scripts or styles, so the policy needs no exceptions.
export default defineConfig({
  root: '.',
  publicDir: 'public',
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
