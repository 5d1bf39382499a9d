import { defineConfig } from 'vite';

/**
 * Storybook's Vite config. PGlite must not be pre-bundled: it loads its
 * WASM and data files relative to its own module URL.
 */
export default defineConfig({
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 20_000 },
  worker: { format: 'es' },
});
