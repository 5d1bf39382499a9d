import type { Invoice } from '../api/schemas/invoice.js';

/** The user asked to see an invoice (its number, or "View" in its actions). */
export type UpsInvoiceOpenEvent = CustomEvent<{ readonly invoice: Invoice }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-invoice-open': UpsInvoiceOpenEvent;
  }
}
