/** Defines `<ups-invoice-table>`. */
import { UpsInvoiceTable } from './elements/invoice-table/invoice-table.js';
import { define } from './internal/define.js';

define('ups-invoice-table', UpsInvoiceTable);

export { UpsInvoiceTable };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-invoice-table': UpsInvoiceTable;
  }
}
