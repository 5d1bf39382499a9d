import { defineConfig } from 'vite';
import { storyCardFrame } from './card-frame.js';

/**
 * Storybook's Vite config. PGlite must not be pre-bundled: it loads its
 * WASM and data files relative to its own module URL. The card frame gets a
 * page of its own beside iframe.html (see card-frame.ts).
 */
export default defineConfig({
  plugins: [storyCardFrame()],
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 20_000 },
  worker: { format: 'es' },
});
