import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The React host, built into dist/demo/react and served at /react/ beside the
 * portal (`npm run build:demo` builds it after the portal, which empties dist/demo).
 * The library's decorators are lowered as in the portal build: Oxc reads
 * `experimentalDecorators` from the root tsconfig.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/react/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/demo/react'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
