/*
 * The anchor grids are the benchmark's own dependencies (bench/package.json),
 * which CI does not install. Where bench/node_modules is missing, these
 * wildcard declarations stand in for them, typed `any`, so that `tsc -p .`
 * still passes. A wildcard module declaration is only a fallback, used when the
 * module itself is not found: where `npm ci --prefix bench` has run, the pages
 * are checked against the packages' own types.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars */
declare module '@vaadin/grid/*' {
  export type Grid<T = any> = any;
  export type GridColumn<T = any> = any;
}
declare module 'ag-grid-*' {
  export type ColDef<T = any> = any;
  export type GridApi<T = any> = any;
  export type ValueFormatterParams<T = any, V = any> = any;
  export const ClientSideRowModelModule: any;
  export const ModuleRegistry: any;
  export const createGrid: any;
}
