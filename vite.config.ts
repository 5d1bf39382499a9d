import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the demo host pages into dist/demo (served by `npm start`).
 * Storybook reuses this config. Decorators are lowered by TypeScript's
 * legacy transform (tsconfig: experimentalDecorators), which Vite's Oxc
 * honours; standard decorators would reach the browser untranspiled.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'demo'),
  build: {
    outDir: resolve(import.meta.dirname, 'dist/demo'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
