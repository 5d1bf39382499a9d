import type { Charge, Invoice, Shipment } from '../api/schemas/invoice.js';

/**
 * The user asked to dispute an invoice, or one shipment or charge line of it.
 * Cancelable: a host that opens `<ups-dispute-form>` itself calls
 * `preventDefault()`; otherwise the element that asked opens the form in a dialog.
 */
export type UpsDisputeRequestEvent = CustomEvent<{
  readonly invoice: Invoice;
  readonly shipment?: Shipment | undefined;
  readonly charge?: Charge | undefined;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-dispute-request': UpsDisputeRequestEvent;
  }
}
