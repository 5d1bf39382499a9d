/**
 * What people type into the wrong field. A payer who enters a card number as
 * the invoice number of the guest form, or as the user ID of the sign-in
 * form, must not find it in our tables: attempt counters and audit records
 * keep what was typed, so they keep it with any card number masked.
 */
import { luhn } from '../../src/internal/validators.js';

/**
 * A standalone run of 12 to 19 digits (passing the Luhn check below): what a card number looks like.
 * Not next to a letter, digit or dash, so that a UUID's last group is never taken for one.
 */
const DIGIT_RUN = /(?<![\w-])\d{12,19}(?![\w-])/g;

/** The text with every card-number-like run of digits masked but for its last four. */
export function maskCardNumbers(text: string): string {
  return text.replace(DIGIT_RUN, (digits) =>
    luhn(digits) ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : digits,
  );
}

/** The same, through every string of a JSON-like value (audit data). */
export function maskCardNumbersIn<T>(value: T): T {
  if (typeof value === 'string') return maskCardNumbers(value) as T;
  if (Array.isArray(value)) return value.map(maskCardNumbersIn) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskCardNumbersIn(v)])) as T;
  }
  return value;
}
