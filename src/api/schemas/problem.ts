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
  // Accounts, enrolment, inbound charges
  /**
   * Enrolment or Add account: no invoice of this account matches the values given (which one is
   * never said). Each such answer counts towards the account's attempt limit.
   */
  'invoice_mismatch',
  /** The invoice date given is more than 45 days ago (`too_old`) or in the future (`in_future`); `detail` is `45`. */
  'invoice_date_out_of_window',
  /**
   * The account is enrolled by another company; `detail` is that company's name. Its
   * administrator can add the person as a user. Said only once the invoice values matched.
   */
  'account_in_other_company',
  /** Add account: the account is already one of the caller's company. */
  'account_already_enrolled',
  /** Cancel enrolment: the account is billed through a billing plan; UPS takes it out of the plan first. */
  'account_in_plan',
  /** Cancel enrolment: payments of its invoices are scheduled or under way; `detail` lists their confirmation numbers. */
  'payments_in_progress',
  /** Inbound charges: the shipper account is already an exception of this account. */
  'exception_exists',
  /** Inbound charges: an account holds at most 1,000 exceptions; `detail` is how many more fit. */
  'too_many_exceptions',
  /** Inbound charges import: the file no longer gives the number of good rows the user confirmed; check it again. */
  'import_changed',
  // Disputes
  /** More files than a dispute takes (`detail` is the limit, 5). */
  'too_many_files',
  /** A file over the size limit (`detail` is the limit in bytes); `fieldErrors` names it (`files.N`). */
  'file_too_large',
  /** A file whose content is not PDF, PNG or JPEG, whatever its name says; `fieldErrors` names it. */
  'file_type_not_allowed',
  /** A shipment or charge line that is not on the disputed invoice (or not one the caller may see). */
  'line_not_on_invoice',
  /** The disputed amount is more than the disputed lines charged, or the expected amount is not less. */
  'amount_above_charge',
  /** An open dispute already covers one of these lines (or the whole invoice); `detail` is its number. */
  'dispute_exists',
  /** The dispute is decided or withdrawn: it cannot move any more. */
  'dispute_closed',
  // Sign-up
  /** Sign-up: the country is not one the billing center serves. */
  'country_not_served',
  /** Opening a payment account: the caller already belongs to a company. */
  'already_in_company',
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
  /**
   * An amount not typed as digits with an optional decimal separator and at most two decimals
   * (`1234.56` or `1234,56`): a currency sign, a space or a thousands separator was typed.
   */
  'amount_format',
  /** A date too far in the past for the rule (an invoice more than 45 days old). */
  'too_old',
  /** A date after today where only past dates make sense. */
  'in_future',
  /** A password found in lists of common passwords, or a run or sequence of characters. */
  'password_too_common',
  /** A password containing the user ID. */
  'password_contains_user_id',
  /** Add account: the account is already the company's. */
  'already_enrolled',
  /** The account is enrolled by another company. */
  'enrolled_elsewhere',
  /** A value repeated where each must be unique (e.g. a row of an import). */
  'duplicate',
  /** The account's own number where another account's is needed. */
  'own_account',
  /** A row of an import with more columns than the format has. */
  'too_many_columns',
  /** More files than allowed. */
  'too_many_files',
  /** A file over the size limit. */
  'file_too_large',
  /** A file of a type not accepted (recognised by its content). */
  'file_type',
  /** A line that is not on the invoice. */
  'not_on_invoice',
  /** More than the line or invoice charged (or, for an expected amount, not less). */
  'above_charge',
  /** An open dispute already covers this line. */
  'dispute_exists',
  /** A country the billing center does not serve. */
  'not_served',
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
