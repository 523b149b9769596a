import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built to dist/public and served by server/main.mjs under a strict CSP with Trusted Types, next to
// the demo's API. No inline scripts or styles, so the policy needs no exceptions.
export default defineConfig({
  plugins: [react()],
  publicDir: 'public',
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
