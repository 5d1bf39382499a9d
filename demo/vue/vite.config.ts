import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

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
