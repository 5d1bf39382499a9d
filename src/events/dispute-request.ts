import type { Invoice } from '../api/schemas/invoice.js';

/** The user asked to dispute an invoice: the host opens `<ups-dispute-form>` for it. */
export type UpsDisputeRequestEvent = CustomEvent<{ readonly invoice: Invoice }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-dispute-request': UpsDisputeRequestEvent;
  }
}
