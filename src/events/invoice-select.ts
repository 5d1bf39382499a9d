import type { Invoice } from '../api/schemas/invoice.js';

/**
 * The user changed the selection. `invoices` are the selected invoices the
 * table has loaded; with `allMatching`, every invoice matching the filters
 * is selected (`count` of them), loaded or not.
 */
export type UpsInvoiceSelectEvent = CustomEvent<{
  readonly invoices: readonly Invoice[];
  readonly allMatching: boolean;
  readonly count: number;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-invoice-select': UpsInvoiceSelectEvent;
  }
}
