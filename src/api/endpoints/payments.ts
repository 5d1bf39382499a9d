/** Paying invoices, signed in, and the payment activity. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint } from '../endpoint.js';
import {
  ConfirmationParams,
  CreatePaymentRequest,
  PaymentListQuery,
  PaymentPage,
  PaymentReceipt,
} from '../schemas/payment.js';

/** Pays invoices now, or schedules the payment for its processing date. Needs an `Idempotency-Key`. */
export const createPayment = endpoint('POST', '/payments', {
  body: CreatePaymentRequest,
  response: PaymentReceipt,
  status: 201,
  idempotent: true,
});

/** Payments touching the caller's invoices: scheduled, processing, completed, returned… */
export const listPayments = endpoint('GET', '/payments', { query: PaymentListQuery, response: PaymentPage });

/** One payment's receipt. */
export const getPayment = endpoint('GET', '/payments/{confirmation}', {
  params: ConfirmationParams,
  response: PaymentReceipt,
});

/** Cancels a scheduled payment before its date. */
export const cancelPayment = endpoint('POST', '/payments/{confirmation}/cancel', {
  params: ConfirmationParams,
  response: PaymentReceipt,
});
