/**
 * Signing up without an invoice (see `schemas/signup.ts`). Endpoints under
 * `/api/v1`; see `index.ts`.
 */
import { endpoint } from '../endpoint.js';
import { SignInResponse } from '../schemas/session.js';
import { PaymentAccount, PaymentAccountRequest, ServedCountries, SignUpRequest } from '../schemas/signup.js';

/**
 * Creates a user ID and signs its owner in; they belong to no company yet
 * (`company: null`, `user.role: null`). Refusals: `validation_failed` (400)
 * with field codes (`password`: `too_short`, `password_too_common`,
 * `password_contains_user_id`; `email`: `invalid_format`), `user_id_taken`
 * (409, `userId`: `taken`; compared without regard to case), `rate_limited`
 * (429 with `Retry-After`: sign-ups per address are limited).
 */
export const signUp = endpoint('POST', '/signup', {
  body: SignUpRequest,
  response: SignInResponse,
  status: 201,
  auth: false,
});

/**
 * Opens a payment account for a signed-in caller without a company: creates
 * the company, makes the caller its administrator and saves the first
 * payment method, all or nothing. Refusals: `already_in_company` (409),
 * `country_not_served` (422, `country`: `not_served`),
 * `payment_token_invalid` (422, `method.token`: `invalid_value`: unknown,
 * used or expired token), `payment_method_not_allowed` (422, `method.token`:
 * `not_allowed`: a way to pay the country does not offer, e.g. SEPA in the
 * US), `validation_failed` (400).
 */
export const openPaymentAccount = endpoint('POST', '/signup/payment-account', {
  body: PaymentAccountRequest,
  response: PaymentAccount,
  status: 201,
});

/** The countries a payment account may be opened in (server configuration), for the country list. */
export const listServedCountries = endpoint('GET', '/signup/countries', { response: ServedCountries, auth: false });
