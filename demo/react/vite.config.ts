import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Keeps every module of the library's source in the build, imported for its
 * effects or not. package.json's `sideEffects` lists only the published files
 * (dist/…), so without this the bundler drops `src/ups-*.ts` — the modules
 * that define the tags — and `src/api/schemas/zod-config.ts`, when they are
 * imported from source as here. The portal's build (vite.config.ts) has the
 * same problem until `sideEffects` also names `./src/**`.
 */
function librarySourceHasSideEffects(): Plugin {
  const src = resolve(import.meta.dirname, '../../src') + '/';
  return {
    name: 'library-source-has-side-effects',
    transform(code, id) {
      return id.startsWith(src) ? { code, moduleSideEffects: true } : null;
    },
  };
}

/**
 * The React host, built into dist/demo/react and served at /react/ beside the
 * portal (`npm run build:demo` builds it after the portal, which empties dist/demo).
 * The library's decorators are lowered as in the portal build: Oxc reads
 * `experimentalDecorators` from the root tsconfig.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/react/',
  plugins: [react(), librarySourceHasSideEffects()],
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/demo/react'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
