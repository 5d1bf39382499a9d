import type { MethodSummary } from '../api/schemas/invoice.js';
import type { PaymentReceipt } from '../api/schemas/payment.js';
import type { Money } from '../api/schemas/common.js';

/** Before a payment is sent. Cancelable: `preventDefault()` stops it. */
export type UpsPaymentSubmitEvent = CustomEvent<{
  readonly invoices: readonly string[];
  readonly total: Money;
  readonly processingDate: string;
  readonly method: MethodSummary;
}>;

/** The payment went through, or was scheduled. */
export type UpsPaymentSuccessEvent = CustomEvent<{ readonly receipt: PaymentReceipt }>;

/** The payment was refused or failed; `code` is the problem code (e.g. `declined_insufficient_funds`). */
export type UpsPaymentErrorEvent = CustomEvent<{ readonly code: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-payment-submit': UpsPaymentSubmitEvent;
    'ups-payment-success': UpsPaymentSuccessEvent;
    'ups-payment-error': UpsPaymentErrorEvent;
  }
}
