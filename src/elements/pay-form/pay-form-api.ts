/**
 * The pay form's calls to the API, loaded after the form's first render: on
 * a guest page, the client (ky) and the schemas (zod) are most of the bytes,
 * and the first screen — three fields — needs none of them. The form asks
 * for this module when the browser is idle, so it is there before the payer
 * presses anything.
 */
import { BillingClient } from '../../api/client.js';
import { createGuestPayment, guestLookup } from '../../api/endpoints/guest.js';
import { createBankToken, getPaymentTypes } from '../../api/endpoints/payment-methods.js';
import type { BankTokenRequest, GuestLookupRequest, GuestPaymentRequest } from '../../api/schemas/payment.js';

export const createClient = (baseUrl: string) => new BillingClient({ baseUrl });

export const paymentTypes = (client: BillingClient, country: string, signal: AbortSignal) =>
  client.call(getPaymentTypes, { query: { country } }, { signal });

export const lookup = (client: BillingClient, body: GuestLookupRequest) => client.call(guestLookup, { body });

export const bankToken = (client: BillingClient, body: BankTokenRequest) => client.call(createBankToken, { body });

export const payAsGuest = (client: BillingClient, body: GuestPaymentRequest, key: string) =>
  client.call(createGuestPayment, { body }, { headers: { 'idempotency-key': key } });
