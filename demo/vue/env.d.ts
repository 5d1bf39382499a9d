/// <reference types="vite/client" />
// Lets TypeScript (and the root type check) import single-file components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
