/**
 * How the server's field paths and codes land on the enrolment's fields,
 * and which step shows each field: a refusal of a value typed on an earlier
 * step takes the user back there, to the field.
 */
import { firstMessage } from '../../internal/field-errors.js';
import type { I18n } from '../../internal/i18n.js';

export type Step = 'country' | 'account' | 'invoice' | 'user' | 'done';
export const STEPS: readonly Step[] = ['country', 'account', 'invoice', 'user', 'done'];

/** Field id → the step it is typed on. The user step's fields live in light DOM (see enrollment.ts). */
export const FIELD_STEP: Readonly<Record<string, Step>> = {
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
};

/** A server path (`invoice.amount`, `user.password`, `amount`) → the field id, or null. */
export function fieldFor(path: string): string | null {
  return PATHS[path.replace(/^invoice\./, '')] ?? null;
}

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
