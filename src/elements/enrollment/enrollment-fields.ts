/**
 * The enrolment's two paths, their steps, how the server's field paths and
 * codes land on the fields, and which step shows each field: a refusal of a
 * value typed on an earlier step takes the user back there, to the field.
 */
import type { BillingClient } from '../../api/client.js';
import { isBillingApiError } from '../../api/errors.js';
import type { SummaryItem } from '../../internal/error-summary.js';
import { firstMessage, placeFieldErrors } from '../../internal/field-errors.js';
import type { FieldContext } from '../../internal/fields.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

/**
 * `invoice`: a company that already receives UPS invoices proves one dated
 * within 45 days. `signup`: someone who does not creates a user ID, then
 * opens a payment account. `account`: the same, for a signed-in user who has
 * an ID but no company yet (they skip the ID).
 */
export type EnrollmentPath = 'invoice' | 'signup' | 'account';

export type Step =
  | 'start'
  | 'country'
  | 'account'
  | 'invoice'
  | 'user'
  | 'done'
  | 'signup-user'
  | 'signup-company'
  | 'signup-method'
  | 'signup-done';

export const PATH_STEPS: Readonly<Record<EnrollmentPath, readonly Step[]>> = {
  invoice: ['start', 'country', 'account', 'invoice', 'user', 'done'],
  signup: ['start', 'signup-user', 'signup-company', 'signup-method', 'signup-done'],
  account: ['signup-company', 'signup-method', 'signup-done'],
};

/** The steps whose fields live in light DOM (see enrollment-light.ts). */
export const LIGHT_STEPS: ReadonlySet<Step> = new Set(['user', 'signup-user']);

/** Field id → the step it is typed on, per path. */
const INVOICE_FIELDS: Readonly<Record<string, Step>> = {
  country: 'country',
  account: 'account',
  'invoice-number': 'invoice',
  'invoice-date': 'invoice',
  amount: 'invoice',
  'control-id': 'invoice',
  company: 'user',
  'user-id': 'user',
  email: 'user',
  name: 'user',
  password: 'user',
  confirm: 'user',
};

const SIGNUP_FIELDS: Readonly<Record<string, Step>> = {
  'user-id': 'signup-user',
  email: 'signup-user',
  name: 'signup-user',
  password: 'signup-user',
  company: 'signup-company',
  country: 'signup-company',
  line1: 'signup-company',
  line2: 'signup-company',
  city: 'signup-company',
  'postal-code': 'signup-company',
  region: 'signup-company',
  'contact-name': 'signup-company',
  'contact-email': 'signup-company',
  'contact-phone': 'signup-company',
  'add-type': 'signup-method',
};

export function stepOfField(path: EnrollmentPath, id: string): Step | undefined {
  return (path === 'invoice' ? INVOICE_FIELDS : SIGNUP_FIELDS)[id];
}

const PATHS: Readonly<Record<string, string>> = {
  country: 'country',
  accountNumber: 'account',
  invoiceNumber: 'invoice-number',
  invoiceDate: 'invoice-date',
  amount: 'amount',
  controlId: 'control-id',
  companyName: 'company',
  'user.userId': 'user-id',
  'user.email': 'email',
  'user.name': 'name',
  'user.password': 'password',
  // The sign-up's own request: the user at the top level, then the payment account.
  userId: 'user-id',
  email: 'email',
  name: 'name',
  password: 'password',
  'billingAddress.line1': 'line1',
  'billingAddress.line2': 'line2',
  'billingAddress.city': 'city',
  'billingAddress.postalCode': 'postal-code',
  'billingAddress.region': 'region',
  'contact.name': 'contact-name',
  'contact.email': 'contact-email',
  'contact.phone': 'contact-phone',
  'method.token': 'add-type',
};

/** A server path (`invoice.amount`, `user.password`, `billingAddress.city`) → the field id, or null. */
export function fieldFor(path: string): string | null {
  return PATHS[path.replace(/^invoice\./, '')] ?? null;
}

/** The label of each field, for the error summary's "Label: message" entries. */
export const LABELS: Readonly<Record<string, MessageKey>> = {
  country: 'enrollment.country.label',
  account: 'enrollment.account.label',
  'invoice-number': 'enrollment.invoice.number',
  'invoice-date': 'enrollment.invoice.date',
  amount: 'enrollment.invoice.amount',
  'control-id': 'enrollment.invoice.controlId',
  company: 'enrollment.user.company',
  'user-id': 'enrollment.user.userId',
  email: 'enrollment.user.email',
  name: 'enrollment.user.name',
  password: 'enrollment.user.password',
  confirm: 'enrollment.user.confirm',
  line1: 'enrollment.address.line1',
  line2: 'enrollment.address.line2',
  city: 'enrollment.address.city',
  'postal-code': 'enrollment.address.postalCode',
  region: 'enrollment.address.region',
  'contact-name': 'enrollment.contact.name',
  'contact-email': 'enrollment.contact.email',
  'contact-phone': 'enrollment.contact.phone',
  'add-type': 'enrollment.method.label',
};

/** The 45-day rule and the password length, for the messages that name them. */
export const RULES = { days: 45, min: 12 };

/**
 * The message of a field code: this field's own wording first (`account`'s
 * `invalid_format` says "6 letters or digits"), then the enrolment's, then
 * the common one.
 */
export function fieldMessage(i18n: I18n, field: string, code: string): string {
  return firstMessage(i18n, [`enrollment.field.${field}.${code}`, `enrollment.field.${code}`, `field.${code}`], RULES);
}

/** What is wrong, worded in `i18n`: field messages by field id, and loose ones for the summary alone. */
export type Failure = (i18n: I18n) => { errors: Record<string, string>; loose?: string[] };

/**
 * What each path's flow needs of the element: its fields and errors, which
 * both paths share. Failures are given as how to word them, not as words, so
 * that the element words them again when the locale changes; they must read
 * only values taken when the failure happened, never the live form.
 */
export interface EnrollmentAccess {
  i18n(): I18n;
  /** The client for calls without a session (the provider's, or the element's own on a public page). */
  client(): Promise<BillingClient | undefined>;
  /** Whether the provider's session is the user's own (a signed-in user without a company). */
  signedIn(): boolean;
  ctx(): FieldContext;
  /** The same for the light-DOM fields, whose ids carry the instance prefix. */
  lightCtx(): FieldContext;
  lightId(name: string): string;
  value(id: string): string;
  set(values: Record<string, string>): void;
  busy(): boolean;
  setBusy(busy: boolean): void;
  clear(): void;
  /** Shows field messages (and loose ones in the summary), going back to the earliest step with one. */
  fail(failure: Failure): void;
  /** Problems not tied to the element's own fields (the card frame's), each with where it takes focus. */
  summary(items: (i18n: I18n) => SummaryItem[]): void;
  /** An API refusal, placed like `fail`. */
  problem(error: unknown): void;
  go(step: Step): void;
  next(): void;
  back(): void;
  /** Says `message` in the element's polite live region. */
  announce(message: string): void;
}

/** When a lock ends: as the server gave it (`detail`), else the refusal's time (`now`) plus `retryAfter`. */
function lockEnd(i18n: I18n, detail: string, retryAfter: number | undefined, now: number): string {
  let until = Date.parse(detail);
  if (Number.isNaN(until)) until = now + (retryAfter ?? 86_400) * 1000;
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'long', timeStyle: 'short' }).format(until);
}

/**
 * An API refusal as the enrolment shows it: field codes beside their fields,
 * the rest as loose messages for the summary; `step` where the refusal
 * itself says which step to go back to.
 */
export function problemPlacement(
  i18n: I18n,
  error: unknown,
  where: { path: EnrollmentPath; step: Step; account: string; now?: number },
): { errors: Record<string, string>; loose: string[]; step?: Step } {
  if (!isBillingApiError(error)) return { errors: {}, loose: [i18n.error('unknown')] };
  if (error.code === 'rate_limited') {
    const time = lockEnd(i18n, error.message, error.retryAfter, where.now ?? Date.now());
    const key = where.path === 'invoice' ? 'enrollment.error.rate_limited' : 'enrollment.error.signup_rate_limited';
    return { errors: {}, loose: [i18n.t(key, { time })] };
  }
  if (error.code === 'account_in_other_company') {
    // `detail` (the error's message) names the company: its administrator can add this person as a user.
    const company = error.message;
    return {
      errors: {},
      loose: [i18n.t('enrollment.error.account_in_other_company', { account: where.account, company })],
    };
  }
  if (error.code === 'invoice_mismatch') {
    // One answer whatever value was wrong: no field is singled out.
    const back: Step | undefined = where.step === 'user' ? 'invoice' : undefined;
    return { errors: {}, loose: [i18n.t('enrollment.error.invoice_mismatch')], ...(back ? { step: back } : {}) };
  }
  const placed = placeFieldErrors(error.fieldErrors, fieldFor, (code, path, id) =>
    fieldMessage(i18n, id ?? path, code),
  );
  const loose = placed.loose.map(({ message }) => message);
  if (!Object.keys(placed.errors).length) {
    const own = `enrollment.error.${error.code}` as MessageKey;
    loose.push(i18n.t(own) === own ? i18n.error(error.code) : i18n.t(own));
  }
  return { errors: placed.errors, loose };
}
