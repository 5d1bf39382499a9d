/**
 * Runs in the browser (bundled by bench/table-render.ts): <ups-invoice-table>
 * in data mode (`.items`), measured by the shared code in grid-bench.ts.
 */
import '../../src/ups-invoice-table.js';
import type { UpsInvoiceTable } from '../../src/elements/invoice-table/invoice-table.js';
import { registerBench } from './grid-bench.js';

let table: UpsInvoiceTable;
const root = () => table.shadowRoot!;

registerBench({
  async mount(host) {
    table = document.createElement('ups-invoice-table');
    host.append(table);
    await table.updateComplete;
  },
  setItems(items) {
    table.items = items;
  },
  renderedNumbers: () => [...root().querySelectorAll('tbody th[scope="row"] .link')].map((b) => b.textContent!.trim()),
  amountHeader: () =>
    [...root().querySelectorAll<HTMLButtonElement>('th .sort')].find((b) => b.textContent!.trim() === 'Amount')!,
  scroller: () => root().querySelector<HTMLElement>('.frame')!,
  // The two spacer rows are not rows of data.
  rowElements: () => root().querySelectorAll('.frame tbody tr:not(.spacer)').length,
});
