import type { Invoice } from '../api/schemas/invoice.js';

/** The user asked to pay these invoices: the host opens `<ups-pay-form>` with them. */
export type UpsPayRequestEvent = CustomEvent<{ readonly invoices: readonly Invoice[] }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-pay-request': UpsPayRequestEvent;
  }
}
