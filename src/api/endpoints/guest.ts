/** Paying an invoice without signing in. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint } from '../endpoint.js';
import { GuestInvoice, GuestLookupRequest, GuestPaymentRequest, PaymentReceipt } from '../schemas/payment.js';

/** Identifies one invoice by account number, invoice number and amount due (or invoice date). */
export const guestLookup = endpoint('POST', '/guest/invoice-lookup', {
  body: GuestLookupRequest,
  response: GuestInvoice,
  auth: false,
});

/** Pays the identified invoice in full, now. Needs an `Idempotency-Key`. */
export const createGuestPayment = endpoint('POST', '/guest/payments', {
  body: GuestPaymentRequest,
  response: PaymentReceipt,
  status: 201,
  auth: false,
  idempotent: true,
});
