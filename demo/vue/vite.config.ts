import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
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
 * The Vue host, built into dist/demo/vue and served at /vue/ beside the portal
 * (`npm run build:demo` builds it after the portal, which empties dist/demo).
 * Templates are compiled here, at build time: Vue's runtime compiler would need
 * `eval`, which the demo's strict CSP forbids.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/vue/',
  plugins: [
    librarySourceHasSideEffects(),
    vue({
      template: {
        // The billing elements are custom elements, not Vue components: Vue
        // then sets their properties (or attributes) and listens to their events.
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('ups-') },
      },
    }),
  ],
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/demo/vue'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
