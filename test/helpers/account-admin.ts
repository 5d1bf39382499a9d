/**
 * Shared by the account administration, enrolment and inbound-charge tests:
 * the database state those routes may change (to prove a refusal changed
 * nothing), refusals checked against it, and invoice proofs built from the
 * printed values of seeded or freshly made accounts enrolled nowhere.
 */
import assert from 'node:assert/strict';
import type { Db } from '../../server/db/db.js';
import {
  UNENROLLED_ACCOUNTS,
  insertUnenrolledAccount,
  printedInvoices,
  type PrintedInvoice,
  type UnenrolledAccountSeed,
} from '../../server/db/seed-unenrolled.js';
import { toDecimal } from '../../server/documents/decimal.js';
import { today } from './database.js';

export interface Problem {
  status: number;
  code: string;
  detail?: string;
  fieldErrors?: Record<string, string>;
  retryAfter?: number;
}

/**
 * Everything these routes may write, but the attempt counter (a refused
 * proof counts by design: tests check it on its own) and sign-in bookkeeping.
 */
export async function snapshot(db: Db) {
  return {
    companies: await db.query('select id, name, country, currency from companies order by id'),
    accounts: await db.query(
      'select id, company_id, number, nickname, xml_enrolled, plan_id, enrolled_at from accounts order by id',
    ),
    invoices: await db.query('select id, company_id, plan_id from invoices order by id'),
    users: await db.query('select id, company_id, user_id, role, password_hash, removed_at from users order by id'),
    scope: await db.query('select user_id, account_id, plan_id from user_scope order by user_id, account_id, plan_id'),
    rules: await db.query('select id, status from autopay_rules order by id'),
    settings: await db.query('select * from inbound_charge_settings order by account_id'),
    exceptions: await db.query('select * from inbound_charge_exceptions order by account_id, shipper_account'),
    audit: await db.query(
      `select id, action, target, data from audit_log where action not like 'session.%' order by id`,
    ),
  };
}

/** Sends a request that must be refused; checks the answer and that nothing changed. */
export async function refused(
  db: Db,
  send: () => Promise<Response>,
  status: number,
  code: string,
  fieldErrors?: Record<string, string>,
): Promise<Problem> {
  const before = await snapshot(db);
  const response = await send();
  const problem = (await response.json()) as Problem;
  assert.equal(response.status, status, JSON.stringify(problem));
  assert.equal(problem.code, code, JSON.stringify(problem));
  if (fieldErrors) assert.deepEqual(problem.fieldErrors, fieldErrors);
  assert.deepEqual(await snapshot(db), before, 'a refusal changes nothing');
  return problem;
}

/** Failed proofs recorded for an account. */
export async function attemptsOf(db: Db, accountNumber: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from attempts where bucket = 'invoice-proof:account' and key = $1`,
    [accountNumber],
  );
  return row!.n;
}

/** A seeded account enrolled nowhere, and its invoice `ageDays` old. */
export function seededInvoice(accountNumber: string, ageDays: number): PrintedInvoice {
  const account = UNENROLLED_ACCOUNTS.find((a) => a.number === accountNumber)!;
  return printedInvoices(account, today()).find((i) => i.ageDays === ageDays)!;
}

let serial = 0;

/**
 * A fresh account enrolled nowhere, through the seed's own code, so a test
 * can use one up (enrol it, lock it) without touching another test's.
 */
export async function freshAccount(
  db: Db,
  country: 'US' | 'FR' = 'US',
  ages: readonly number[] = [3, 17, 45, 46],
): Promise<{ account: UnenrolledAccountSeed; invoices: Record<number, PrintedInvoice> }> {
  serial++;
  const account = {
    number: `T${country[0]}${String(serial).padStart(4, '0')}`,
    name: `Test Shipper ${serial}`,
    country,
    currency: country === 'US' ? 'USD' : 'EUR',
  };
  const printed = await insertUnenrolledAccount(db, account, today(), ages);
  return { account, invoices: Object.fromEntries(printed.map((p) => [p.ageDays, p])) };
}

/** The request body proving an account with `invoice`, as a person would type it. */
export function proofOf(invoice: PrintedInvoice, country: string, overrides: Record<string, unknown> = {}) {
  return {
    country,
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.number,
    invoiceDate: invoice.invoiceDate,
    amount: invoice.amount,
    ...(invoice.controlId ? { controlId: invoice.controlId } : {}),
    ...overrides,
  };
}

/** A recent invoice of an enrolled account, as printed: for proofs of accounts some company already has. */
export async function recentInvoiceOf(db: Db, accountNumber: string): Promise<PrintedInvoice> {
  const [row] = await db.query<{
    number: string;
    invoice_date: string;
    amount: number;
    currency: string;
    control_id: string | null;
  }>(
    `select number, invoice_date, amount, currency, control_id from invoices
      where account_number = $1 and invoice_date >= $2::date - 45 and amount > 0
      order by invoice_date desc limit 1`,
    [accountNumber, today()],
  );
  assert.ok(row, `a recent invoice of ${accountNumber}`);
  return {
    accountNumber,
    number: row.number,
    invoiceDate: row.invoice_date,
    amount: toDecimal(row.amount, row.currency),
    amountMinor: row.amount,
    currency: row.currency,
    controlId: row.control_id,
    ageDays: Math.round((Date.parse(today()) - Date.parse(row.invoice_date)) / 86_400_000),
  };
}
