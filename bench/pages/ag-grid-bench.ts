/**
 * Runs in the browser (bundled by bench/table-render.ts): ag-grid-community,
 * the second anchor, in data mode (`rowData` with the client-side row model:
 * it sorts and windows in the browser), with <ups-invoice-table>'s seven data
 * columns formatted the same way, measured by the shared code in grid-bench.ts.
 *
 * ag-grid-community is a dependency of the benchmark only (bench/package.json,
 * `npm ci --prefix bench`), not of the library. CI installs only the root
 * package: there, bench/pages/anchors.d.ts stands in for it (typed `any`) so
 * that `tsc -p .` passes; where bench/node_modules is installed, this page is
 * checked against the package's own types.
 */
import {
  ClientSideRowModelModule,
  createGrid,
  ModuleRegistry,
  type ColDef,
  type GridApi,
  type ValueFormatterParams,
} from 'ag-grid-community';
import type { Invoice } from '../../src/api/schemas/invoice.js';
import { format, GRID_HEIGHT, registerBench, ROW_HEIGHT } from './grid-bench.js';

// Only the client-side row model (sorting is in ag-grid's core): the smallest ag-grid that does the job.
ModuleRegistry.registerModules([ClientSideRowModelModule]);

let api: GridApi<Invoice>;
let element: HTMLElement;

const text =
  <T>(show: (value: T) => string) =>
  (params: ValueFormatterParams<Invoice, T>) =>
    params.value == null ? '' : show(params.value);

const columns: ColDef<Invoice>[] = [
  { colId: 'number', field: 'number', headerName: 'Invoice number' },
  { colId: 'account', field: 'accountNumber', headerName: 'Account' },
  { colId: 'invoiceDate', field: 'invoiceDate', headerName: 'Invoice date', valueFormatter: text(format.date) },
  { colId: 'dueDate', field: 'dueDate', headerName: 'Due date', valueFormatter: text(format.date) },
  // Sorted by the number (minor units), shown formatted, as the others do.
  { colId: 'amount', field: 'amount.amount', headerName: 'Amount', valueFormatter: text(format.money) },
  { colId: 'amountDue', field: 'amountDue.amount', headerName: 'Amount due', valueFormatter: text(format.money) },
  { colId: 'status', field: 'status', headerName: 'Status', valueFormatter: text(format.status) },
];

registerBench({
  mount(host) {
    element = document.createElement('div');
    element.style.height = `${GRID_HEIGHT}px`;
    host.append(element);
    api = createGrid(element, {
      columnDefs: columns,
      // Sortable only: the others offer no filters or menus here either.
      defaultColDef: { sortable: true, suppressHeaderMenuButton: true },
      rowHeight: ROW_HEIGHT,
      // Rows would slide to their new places for 400 ms after a sort: the others show the new order at once.
      animateRows: false,
    });
  },
  setItems(items) {
    api.setGridOption('rowData', items);
  },
  renderedNumbers: () => [...element.querySelectorAll('.ag-row [col-id="number"]')].map((c) => c.textContent!),
  amountHeader: () => element.querySelector<HTMLElement>('.ag-header-cell[col-id="amount"] .ag-header-cell-label')!,
  scroller: () => element.querySelector<HTMLElement>('.ag-grid-viewport')!,
  rowElements: () => element.querySelectorAll('.ag-row').length,
});
