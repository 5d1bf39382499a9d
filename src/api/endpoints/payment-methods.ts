/**
 * Ways to pay, and tokens for a method entered now. Open without a session:
 * guests pay too. Endpoints under `/api/v1`; see `index.ts`.
 */
import { endpoint } from '../endpoint.js';
import {
  BankTokenRequest,
  CardTokenRequest,
  PaymentToken,
  PaymentTypes,
  PaymentTypesQuery,
} from '../schemas/payment.js';

/** The ways to pay offered in a country, and where the card frame is. */
export const getPaymentTypes = endpoint('GET', '/payment-types', {
  query: PaymentTypesQuery,
  response: PaymentTypes,
  auth: false,
});

/** A single-use token for a card. Called only by the isolated card frame: the host page never sees the card. */
export const createCardToken = endpoint('POST', '/card-tokens', {
  body: CardTokenRequest,
  response: PaymentToken,
  status: 201,
  auth: false,
});

/** A single-use token for a bank account (ACH or SEPA) or a PayPal link. */
export const createBankToken = endpoint('POST', '/bank-tokens', {
  body: BankTokenRequest,
  response: PaymentToken,
  status: 201,
  auth: false,
});
