/**
 * RFC 9457 problem documents. Every error the server returns has this shape,
 * and its `code` is stable: the client maps it to a localized message, so the
 * wording can change without breaking hosts that branch on codes.
 */
import './zod-config.js';
import * as z from 'zod/mini';

/** Problem codes the server may answer with. Add codes; never rename one. */
export const PROBLEM_CODES = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'token_invalid',
  'token_expired',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'rate_limited',
  'conflict',
  'internal_error',
  /** XML invoices were asked for an account not enrolled in XML. */
  'xml_not_enrolled',
  /** An export of "all matching" would hold more invoices than one download allows. */
  'too_many_invoices',
  // Payments
  'idempotency_key_required',
  'idempotency_in_flight',
  'idempotency_key_mismatch',
  'payment_token_invalid',
  /** An invoice of the cart is paid, or a payment for it is already scheduled or under way. */
  'already_paid',
  'amount_mismatch',
  'mixed_currencies',
  'total_not_positive',
  'processing_date_out_of_window',
  /** The way of paying cannot pay one of the invoices (e.g. duties by card), or is not offered in the country. */
  'payment_method_not_allowed',
  'declined_insufficient_funds',
  'declined_expired_card',
  'declined_do_not_honor',
  /** The gateway did not answer: nothing was charged; try again. */
  'gateway_unavailable',
  /** Guest payment: the invoice details do not match (which one is never said). */
  'identification_failed',
  /** Only scheduled payments can be cancelled, and only before their date. */
  'not_cancellable',
  /** Bank account numbers cannot change: remove the method and add it again. */
  'bank_details_not_editable',
  /** A field that does not apply to this kind of method (e.g. an expiry on a bank account). */
  'not_editable',
  /** A card expiry before the current month. */
  'expiry_in_past',
  /** The method pays AutoPay rules: say, for each, which method replaces it or that it is suspended. */
  'method_in_use',
  /** The account or plan already has an AutoPay rule. */
  'autopay_rule_exists',
  /** An AutoPay maximum must be more than zero. */
  'maximum_not_positive',
  /** An amount in another currency than the account's or plan's. */
  'currency_mismatch',
  /** The AutoPay agreement changed since it was shown: show the new text and ask again. */
  'agreement_outdated',
  /** The payment method is removed or expired. */
  'method_unusable',
  // Administration
  /** User IDs are sign-in names, unique without regard to case across every company. */
  'user_id_taken',
  /** The change would leave the company without an administrator: the last one is never removed or demoted. */
  'last_administrator',
  /** Recovery: the administrator details given do not match the company's records (which one is never said). */
  'recovery_mismatch',
  /** Recovery: the person named as the new administrator already is one. */
  'already_administrator',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * Codes attached to individual fields in `fieldErrors`. They are kept apart
 * from problem codes: a field code says what is wrong with one value.
 */
export const FIELD_CODES = [
  'required',
  'invalid_type',
  'invalid_format',
  'invalid_value',
  'too_small',
  'too_big',
  'too_long',
  'too_short',
  'unknown_field',
  /** The end of a range is before its start. */
  'range_inverted',
  'card_number_invalid',
  'card_expired',
  'cvc_invalid',
  'routing_number_invalid',
  'iban_invalid',
  'mandate_outdated',
  /** A processing date outside today … earliest due date. */
  'out_of_window',
  /** Not the full amount due (partial payment is off). */
  'amount_mismatch',
  /** A date (e.g. a card expiry) before today. */
  'in_past',
  /** This value cannot be changed. */
  'not_editable',
  /** An AutoPay rule using the method needs a decision before it is removed. */
  'decision_required',
  /** The account or plan already has an AutoPay rule. */
  'rule_exists',
  /** Zero or less where more than zero is needed. */
  'not_positive',
  /** Another currency than expected. */
  'currency_mismatch',
  /** The payment method has expired. */
  'method_expired',
  /** The payment method was removed. */
  'method_removed',
  /** Already in use by someone else (e.g. a user ID). */
  'taken',
  /** The caller's role may not give this value (e.g. a manager giving the administrator role). */
  'not_allowed',
  /** The company's last administrator cannot lose the role. */
  'last_administrator',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: z.string(),
  detail: z.optional(z.string()),
  /** Field path (dot separated, e.g. `lines.2.amount`) → field code. */
  fieldErrors: z.optional(z.record(z.string(), z.string())),
  /** Seconds until a rate-limited request may be retried; mirrors `Retry-After`. */
  retryAfter: z.optional(z.int()),
});
export type Problem = z.infer<typeof Problem>;
