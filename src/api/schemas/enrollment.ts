/**
 * Signing a company up to the billing center: the proof of one of its
 * accounts (see `invoice-proof.ts`) and the first user, who becomes the
 * company's administrator and is signed in at once.
 */
import './zod-config.js';
import * as z from 'zod/mini';
import { AccountNumber, CountryCode, CurrencyCode } from './common.js';
import { InvoiceProof } from './invoice-proof.js';
import { UserId } from './session.js';
import { Email, PersonName } from './users.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * What nearly every guessing list starts with. Short on purpose: the length
 * rule already rules out most of such lists, and this one ships to the
 * browser. Compared after lower-casing and dropping trailing digits and
 * symbols, so `Password2024!` counts as `password`.
 */
const COMMON_PASSWORD_STEMS = new Set([
  'password',
  'passw0rd',
  'motdepasse',
  'qwerty',
  'qwertyuiop',
  'azerty',
  'azertyuiop',
  'iloveyou',
  'welcome',
  'letmein',
  'administrator',
  'admin',
  'changeme',
  'abc',
  'ups',
  'upsbilling',
  'bonjour',
  'soleil',
  'monkey',
  'dragon',
  'sunshine',
  'football',
]);

/** Runs people type instead of a password, forwards or backwards, wrapping round (`…8901…`). */
const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
];

/** One character repeated, or a stretch of one of the runs above (`123456789012`, `abcdefghijkl`, `qwertyuiopas`). */
function isRunOrSequence(text: string): boolean {
  const lower = text.toLowerCase();
  if (new Set(lower).size === 1) return true;
  return SEQUENCES.some((sequence) => {
    const run = sequence.repeat(Math.ceil(lower.length / sequence.length) + 1);
    return run.includes(lower) || [...run].reverse().join('').includes(lower);
  });
}

/**
 * A password's quality apart from its length: the common-password and
 * sequence checks (NIST SP 800-63B §5.1.1.2: no composition rules, but no
 * well-known or repetitive values). `null` when it is fine.
 */
export function passwordWeakness(password: string): 'password_too_common' | null {
  const stem = password.toLowerCase().replace(/[\d\W_]+$/u, '');
  if (COMMON_PASSWORD_STEMS.has(stem) || isRunOrSequence(password)) return 'password_too_common';
  return null;
}

/**
 * A password a person chose: 12 to 128 characters, any characters (spaces
 * too: pass phrases are welcome), not common, not a run. No composition
 * rules: they make passwords harder to remember, not to guess.
 */
export const NewPassword = z.string().check(
  z.minLength(PASSWORD_MIN_LENGTH),
  z.maxLength(PASSWORD_MAX_LENGTH),
  z.refine((password) => passwordWeakness(password) === null, { params: { fieldCode: 'password_too_common' } }),
);

/** The first user of the company: its administrator. */
export const FirstUser = z
  .strictObject({
    userId: UserId,
    email: Email,
    name: PersonName,
    password: NewPassword,
  })
  .check(
    z.refine((user) => !user.password.toLowerCase().includes(user.userId.toLowerCase()), {
      path: ['password'],
      params: { fieldCode: 'password_contains_user_id' },
    }),
  );
export type FirstUser = z.infer<typeof FirstUser>;

export const EnrollmentRequest = z.strictObject({
  invoice: InvoiceProof,
  /** The company's name in the billing center; by default the account's name on UPS's records. */
  companyName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  user: FirstUser,
});
export type EnrollmentRequest = z.infer<typeof EnrollmentRequest>;

/**
 * The account an invoice proved, before the first user is asked for: the
 * element shows it ("Harbor Supply — Savannah, US") and may offer its name
 * as the company's.
 */
export const EnrollmentCheck = z.object({
  accountNumber: AccountNumber,
  accountName: z.string(),
  country: CountryCode,
  currency: CurrencyCode,
});
export type EnrollmentCheck = z.infer<typeof EnrollmentCheck>;
