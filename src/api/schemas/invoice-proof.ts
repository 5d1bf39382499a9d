/**
 * Proof of an account: the values of one of its recent invoices, typed
 * exactly as printed. Enrolment (a new company) and Add account (an existing
 * company) both ask for it, with the same rules:
 *
 * - the invoice is dated within the last 45 days, day 45 included;
 * - the amount is the invoice's amount as printed (its total, not what is
 *   still due), typed as digits with an optional decimal separator;
 * - the invoice number is compared without regard to case, as is the
 *   control ID, which is asked only where the country's invoices print one;
 * - 5 failed attempts per account in 24 hours lock the account's proofs until
 *   the oldest failure is 24 hours old (`429 rate_limited`, `retryAfter`).
 */
import './zod-config.js';
import * as z from 'zod/mini';
import { AccountNumber, CountryCode, InvoiceNumber, IsoDate } from './common.js';

/** How old the invoice may be, in days: day 45 is accepted, day 46 refused. */
export const INVOICE_PROOF_MAX_AGE_DAYS = 45;

/**
 * Countries whose UPS invoices print a control ID beside the invoice number,
 * so enrolment asks for it there: the European Union, the EEA, the United
 * Kingdom and Switzerland. North American invoices have none. A product
 * decision: the element shows the field only for these countries, and the
 * server requires it for them.
 */
export const CONTROL_ID_COUNTRIES: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'CH',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GB',
  'GR',
  'HR',
  'HU',
  'IE',
  'IS',
  'IT',
  'LI',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

export const controlIdRequired = (country: string): boolean => CONTROL_ID_COUNTRIES.includes(country);

/**
 * An amount as printed on the invoice: digits, then optionally a point or a
 * comma (French invoices print `1 234,56`) and one or two decimals; a minus
 * for a credit. A currency sign, a space or a thousands separator is refused
 * with `amount_format`, which the element explains by showing the expected
 * form: those are exactly the typings whose meaning would have to be guessed
 * (`1,234` is a thousand in the US and one and a bit in France).
 */
export const PRINTED_AMOUNT = /^-?\d{1,12}(?:[.,]\d{1,2})?$/;

export const PrintedAmount = z.string().check(
  z.maxLength(32),
  z.refine((text) => PRINTED_AMOUNT.test(text), { params: { fieldCode: 'amount_format' } }),
);

/** A control ID as printed: a few letters and digits. */
export const ControlId = z.string().check(z.regex(/^[A-Za-z0-9]{4,12}$/));

const invoiceProofShape = {
  /** The account's country: it decides whether a control ID is asked. */
  country: CountryCode,
  accountNumber: AccountNumber,
  invoiceNumber: InvoiceNumber,
  invoiceDate: IsoDate,
  amount: PrintedAmount,
  /** Required where `controlIdRequired(country)`; ignored elsewhere. */
  controlId: z.optional(ControlId),
};

export const InvoiceProof = z.strictObject(invoiceProofShape).check(
  // The control ID, where the country's invoices print one.
  z.refine((value) => !controlIdRequired(value.country) || value.controlId !== undefined, {
    path: ['controlId'],
    params: { fieldCode: 'required' },
  }),
);
export type InvoiceProof = z.infer<typeof InvoiceProof>;
