/**
 * Runs in the browser (bundled by bench/table-render.ts): @vaadin/grid, the
 * anchor, in data mode (`items`: its array data provider sorts and pages in
 * the browser), with <ups-invoice-table>'s seven data columns formatted the
 * same way, measured by the shared code in grid-bench.ts.
 *
 * @vaadin/grid is a dependency of the benchmark only (bench/package.json,
 * `npm ci --prefix bench`), not of the library. CI installs only the root
 * package: there, bench/pages/anchors.d.ts stands in for it (typed `any`) so
 * that `tsc -p .` passes; where bench/node_modules is installed, this page is
 * checked against the package's own types.
 */
import type { Grid } from '@vaadin/grid/vaadin-grid.js';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import type { Invoice } from '../../src/api/schemas/invoice.js';
import { format, GRID_HEIGHT, registerBench, ROW_HEIGHT } from './grid-bench.js';

// Vaadin 25's base styles (no Lumo). Rows of ROW_HEIGHT as in the others: cell padding inline only, one line of ROW_HEIGHT.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  vaadin-grid { height: ${GRID_HEIGHT}px; --vaadin-grid-cell-padding: 0 16px; }
  vaadin-grid-cell-content { line-height: ${ROW_HEIGHT - 1}px; }
`);
document.adoptedStyleSheets = [sheet];

let grid: Grid<Invoice>;

type Renderer = (invoice: Invoice) => string;
function column(tag: 'vaadin-grid-column' | 'vaadin-grid-sort-column', header: string, path: string, text: Renderer) {
  const col = document.createElement(tag) as GridColumn<Invoice>;
  col.header = header;
  // The sort column sorts by `path`; the renderer shows the formatted value.
  col.path = path;
  col.renderer = (root: HTMLElement, _column: unknown, model: { item: Invoice }) => {
    root.textContent = text(model.item);
  };
  return col;
}

registerBench({
  mount(host) {
    grid = document.createElement('vaadin-grid') as Grid<Invoice>;
    grid.append(
      column('vaadin-grid-column', 'Invoice number', 'number', (i) => i.number),
      column('vaadin-grid-column', 'Account', 'accountNumber', (i) => i.accountNumber),
      column('vaadin-grid-column', 'Invoice date', 'invoiceDate', (i) => format.date(i.invoiceDate)),
      column('vaadin-grid-column', 'Due date', 'dueDate', (i) => format.date(i.dueDate)),
      column('vaadin-grid-sort-column', 'Amount', 'amount.amount', (i) => format.money(i.amount.amount)),
      column('vaadin-grid-column', 'Amount due', 'amountDue.amount', (i) => format.money(i.amountDue.amount)),
      column('vaadin-grid-column', 'Status', 'status', (i) => format.status(i.status)),
    );
    host.append(grid);
  },
  setItems(items) {
    grid.items = items;
  },
  // Cell contents are light DOM, slotted into the grid's cells; the number column's hold the invoice numbers.
  renderedNumbers: () =>
    [...grid.querySelectorAll('vaadin-grid-cell-content')]
      .map((c) => c.textContent!)
      .filter((t) => t.startsWith('HOST')),
  amountHeader: () => grid.querySelector('vaadin-grid-sorter') as HTMLElement,
  scroller: () => grid.shadowRoot!.querySelector('#table') as HTMLElement,
  rowElements: () => grid.shadowRoot!.querySelectorAll('#items > tr').length,
});
