import type { PaymentReceipt } from '../api/schemas/payment.js';

/**
 * The user cancelled a scheduled payment and the server confirmed it:
 * `receipt` is the payment as it now is (`status: 'cancelled'`). Its invoices
 * are payable again, so a host refreshes what shows them.
 */
export type UpsPaymentCancelEvent = CustomEvent<{ readonly receipt: PaymentReceipt }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-payment-cancel': UpsPaymentCancelEvent;
  }
}
