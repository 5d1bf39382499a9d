/**
 * Problem documents (RFC 9457). Domain code throws `ProblemError`; the app's
 * error handler turns it into `application/problem+json`. Anything else that
 * escapes is logged and answered with a bare `internal_error`: never a stack.
 */
import type { Problem, ProblemCode } from '../../src/api/schemas/problem.js';

const TITLES: Record<ProblemCode, string> = {
  validation_failed: 'The request has invalid values',
  malformed_json: 'The request body is not valid JSON',
  unsupported_media_type: 'The request body must be application/json',
  payload_too_large: 'The request body is too large',
  unauthenticated: 'Sign-in required',
  token_invalid: 'The session token is not valid',
  token_expired: 'The session has expired',
  invalid_credentials: 'User ID or password is incorrect',
  forbidden: 'Your role does not allow this action',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  rate_limited: 'Too many attempts',
  conflict: 'The request conflicts with the current state',
  internal_error: 'Something went wrong on our side',
  xml_not_enrolled: 'This account is not enrolled in XML invoices',
  too_many_invoices: 'Too many invoices for one download',
  idempotency_key_required: 'An Idempotency-Key header is required',
  idempotency_in_flight: 'A request with this Idempotency-Key is still being processed',
  idempotency_key_mismatch: 'This Idempotency-Key was used with a different request',
  payment_token_invalid: 'The payment method token is unknown, used or expired',
  already_paid: 'An invoice is already paid or being paid',
  amount_mismatch: 'Each invoice must be paid in full',
  mixed_currencies: 'The invoices are in different currencies',
  total_not_positive: 'The total to pay must be more than zero',
  processing_date_out_of_window: 'The processing date is outside the allowed window',
  payment_method_not_allowed: 'This payment method cannot pay these invoices',
  declined_insufficient_funds: 'Payment declined: insufficient funds',
  declined_expired_card: 'Payment declined: the card has expired',
  declined_do_not_honor: 'Payment declined by the card issuer',
  gateway_unavailable: 'The payment service did not answer; nothing was charged',
  identification_failed: 'No invoice matches these details',
  not_cancellable: 'This payment can no longer be cancelled',
  bank_details_not_editable: 'Bank account numbers cannot be changed; remove the method and add it again',
  not_editable: 'This value cannot be changed for this payment method',
  expiry_in_past: 'The expiry date is in the past',
  method_in_use: 'AutoPay rules use this payment method',
  autopay_rule_exists: 'This account or plan already has an AutoPay rule',
  maximum_not_positive: 'The maximum must be more than zero',
  currency_mismatch: 'The amount is not in the currency of the account or plan',
  agreement_outdated: 'The AutoPay agreement has changed',
  method_unusable: 'This payment method is removed or expired',
  user_id_taken: 'This user ID is already in use',
  last_administrator: 'The company must keep at least one administrator',
  recovery_mismatch: 'These details do not match our records',
  already_administrator: 'This user is already an administrator',
  invoice_mismatch: 'No invoice of this account matches these values',
  invoice_date_out_of_window: 'The invoice must be dated within the last 45 days',
  account_in_other_company: 'This account is enrolled by another company; ask its administrator for access',
  account_already_enrolled: 'This account is already enrolled in your company',
  account_in_plan: 'This account is billed through a billing plan',
  payments_in_progress: 'Payments of this account’s invoices are scheduled or under way',
  exception_exists: 'This shipper account is already an exception',
  too_many_exceptions: 'Too many exceptions for one account',
  import_changed: 'The file no longer matches what was confirmed',
  too_many_files: 'Too many files',
  file_too_large: 'A file is too large',
  file_type_not_allowed: 'Only PDF, PNG and JPEG files are accepted',
  line_not_on_invoice: 'This line is not on the invoice',
  amount_above_charge: 'The amount is more than was charged',
  dispute_exists: 'An open dispute already covers this',
  dispute_closed: 'This dispute is closed',
  country_not_served: 'This country is not served',
  already_in_company: 'You already belong to a company',
};

export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(status: number, code: ProblemCode | (string & {}), extras: Partial<Problem> = {}) {
    const title = TITLES[code as ProblemCode] ?? code;
    super(title);
    this.problem = { type: `urn:ups-billing:problem:${code}`, title, status, code, ...extras };
  }
}

export const notFound = () => new ProblemError(404, 'not_found');
export const forbidden = () => new ProblemError(403, 'forbidden');

export function problemBody(problem: Problem): string {
  return JSON.stringify(problem);
}

export function problemResponse(problem: Problem): Response {
  const headers = new Headers({ 'content-type': 'application/problem+json' });
  if (problem.retryAfter !== undefined) headers.set('retry-after', String(problem.retryAfter));
  return new Response(problemBody(problem), { status: problem.status, headers });
}
