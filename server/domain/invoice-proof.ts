/**
 * The 45-day rule: proving an account with one of its recent invoices, for
 * enrolment and Add account alike (see src/api/schemas/invoice-proof.ts).
 *
 * Order matters, for what each answer may tell:
 *
 * 1. the typed date alone: more than 45 days ago, or in the future, is
 *    refused with a field code before anything is looked up — it says
 *    nothing about any account, so it costs no attempt;
 * 2. the account's attempt limit (and the address's, on public routes);
 * 3. every value against the account's invoices: any mismatch, an unknown
 *    account included, is one uniform `invoice_mismatch` and one failed
 *    attempt, so the answers never tell which value was wrong nor whether
 *    the account exists.
 *
 * Only a caller that passed all three learns anything about the account,
 * such as the company that already enrolled it.
 */
import {
  INVOICE_PROOF_MAX_AGE_DAYS,
  controlIdRequired,
  type InvoiceProof,
} from '../../src/api/schemas/invoice-proof.js';
import { fromDecimal } from '../documents/decimal.js';
import { ProblemError } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { assertUnderLimit, clearFailures, recordFailure, type Limit } from './attempts.js';

/** The account an invoice proved, with the company that has it, if any. */
export interface ProvenAccount {
  id: string;
  number: string;
  name: string;
  country: string;
  currency: string;
  companyId: string | null;
  companyName: string | null;
}

const DAY = 86_400_000;

/** Failures per account are counted in one bucket for enrolment and Add account: two doors, one limit. */
export const PROOF_ACCOUNT_BUCKET = 'invoice-proof:account';
export const PROOF_IP_BUCKET = 'invoice-proof:ip';

/** Refuses an invoice date more than 45 days before today (day 45 passes) or after it. */
export function assertInvoiceDateInWindow(invoiceDate: string, now: Date, field = 'invoiceDate'): void {
  const today = Date.parse(now.toISOString().slice(0, 10));
  const age = Math.round((today - Date.parse(invoiceDate)) / DAY);
  const code = age > INVOICE_PROOF_MAX_AGE_DAYS ? 'too_old' : age < 0 ? 'in_future' : null;
  if (code) {
    throw new ProblemError(422, 'invoice_date_out_of_window', {
      fieldErrors: { [field]: code },
      detail: String(INVOICE_PROOF_MAX_AGE_DAYS),
    });
  }
}

interface ProofOptions {
  /** The client's address, counted on public routes (enrolment). */
  ip?: string;
  /** Where the proof sits in the request, for field paths: `invoice.` in an enrolment. */
  prefix?: string;
}

/**
 * Checks a proof and returns the account it proves, or throws. A failure is
 * recorded in its own transaction, so it counts even though the request
 * fails; success clears the account's failures.
 */
export async function proveAccount(
  services: Services,
  proof: InvoiceProof,
  options: ProofOptions = {},
): Promise<ProvenAccount> {
  const { db, config } = services;
  const now = services.now();
  assertInvoiceDateInWindow(proof.invoiceDate, now, `${options.prefix ?? ''}invoiceDate`);

  const limits: Limit[] = [
    {
      bucket: PROOF_ACCOUNT_BUCKET,
      key: proof.accountNumber,
      max: config.proofMaxFailures,
      windowSeconds: config.proofWindowSeconds,
    },
  ];
  if (options.ip !== undefined) {
    limits.push({
      bucket: PROOF_IP_BUCKET,
      key: options.ip,
      max: config.proofMaxFailures * 5,
      windowSeconds: config.proofWindowSeconds,
    });
  }
  try {
    for (const limit of limits) await assertUnderLimit(db, limit, now);
  } catch (error) {
    // The lock message says when: `retryAfter` in seconds, and the instant itself in `detail`.
    if (error instanceof ProblemError && error.problem.retryAfter !== undefined) {
      error.problem.detail = new Date(now.getTime() + error.problem.retryAfter * 1000).toISOString();
    }
    throw error;
  }

  const [row] = await db.query<{
    id: string;
    number: string;
    name: string;
    country: string;
    currency: string;
    company_id: string | null;
    company_name: string | null;
    invoice_date: string | null;
    amount: number | null;
    invoice_currency: string | null;
    control_id: string | null;
  }>(
    // Invoice numbers are stored upper case: comparing with upper() of the typed one ignores case.
    `select a.id, a.number, a.name, a.country, a.currency, a.company_id, c.name as company_name,
            i.invoice_date, i.amount, i.currency as invoice_currency, i.control_id
       from accounts a
       left join companies c on c.id = a.company_id
       left join invoices i on i.account_id = a.id and i.number = upper($2)
      where a.number = $1`,
    [proof.accountNumber, proof.invoiceNumber],
  );
  const typedAmount = row?.invoice_currency ? fromDecimal(proof.amount, row.invoice_currency) : null;
  const matches =
    row !== undefined &&
    row.country === proof.country &&
    row.invoice_date === proof.invoiceDate &&
    typedAmount !== null &&
    typedAmount === row.amount &&
    (!controlIdRequired(proof.country) ||
      (row.control_id !== null && row.control_id.toUpperCase() === proof.controlId?.toUpperCase()));
  if (!matches) {
    await db.transaction(async (tx) => {
      for (const limit of limits) await recordFailure(tx, limit.bucket, limit.key, now);
    });
    throw new ProblemError(422, 'invoice_mismatch');
  }
  await clearFailures(db, PROOF_ACCOUNT_BUCKET, proof.accountNumber);
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    country: row.country,
    currency: row.currency,
    companyId: row.company_id,
    companyName: row.company_name,
  };
}

/** The refusal for an account another company has: who to ask is that company's administrator. */
export const accountInOtherCompany = (companyName: string, field = 'accountNumber') =>
  new ProblemError(409, 'account_in_other_company', {
    detail: companyName,
    fieldErrors: { [field]: 'enrolled_elsewhere' },
  });
