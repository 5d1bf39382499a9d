/**
 * Signing a company up, without a session. Endpoints under `/api/v1`; see
 * `index.ts`. Both count failed proofs against the account's attempt limit,
 * shared with Add account (5 per account in 24 hours), and per address.
 */
import { endpoint } from '../endpoint.js';
import { EnrollmentCheck, EnrollmentRequest } from '../schemas/enrollment.js';
import { InvoiceProof } from '../schemas/invoice-proof.js';
import { SignInResponse } from '../schemas/session.js';

/**
 * Checks the invoice values before the first user is asked for, and names
 * the account they prove. Refuses like `enrollCompany` would; writes nothing
 * but a failed attempt.
 */
export const checkEnrollmentInvoice = endpoint('POST', '/enrollment/invoice-check', {
  body: InvoiceProof,
  response: EnrollmentCheck,
  auth: false,
});

/**
 * Creates the company with the proved account and its first user, an
 * administrator, and signs that user in. Refusals: those of the proof
 * (`invoice_date_out_of_window`, `invoice_mismatch`, `rate_limited`),
 * `account_in_other_company` (409, `detail`: that company's name: ask its
 * administrator to be added as a user), `user_id_taken` (409).
 */
export const enrollCompany = endpoint('POST', '/enrollment', {
  body: EnrollmentRequest,
  response: SignInResponse,
  status: 201,
  auth: false,
});
