/**
 * UPS accounts that no company has enrolled yet, each with recent invoices
 * whose printed values are known: enrolment and Add account can be shown in
 * the demo and tested against them. Their invoices are dated relative to
 * "today" so that one is always exactly 45 days old (accepted) and one 46
 * (refused).
 */
import { controlIdRequired } from '../../src/api/schemas/invoice-proof.js';
import { toDecimal } from '../documents/decimal.js';
import type { Sql } from './db.js';

export interface UnenrolledAccountSeed {
  number: string;
  name: string;
  country: string;
  currency: string;
}

export const UNENROLLED_ACCOUNTS: readonly UnenrolledAccountSeed[] = [
  { number: 'H4B7R2', name: 'Harbor Supply — Savannah', country: 'US', currency: 'USD' },
  { number: 'H4B7R3', name: 'Harbor Supply — Charleston', country: 'US', currency: 'USD' },
  { number: 'L9C2M4', name: 'Lumière Cosmétiques — Grasse', country: 'FR', currency: 'EUR' },
  { number: 'L9C2M5', name: 'Lumière Cosmétiques — Nice', country: 'FR', currency: 'EUR' },
];

/** How many days before "today" each seeded account has an invoice. */
export const UNENROLLED_INVOICE_AGES = [3, 17, 31, 45, 46, 75] as const;

/** An invoice as printed on paper: what a person types to enrol. */
export interface PrintedInvoice {
  accountNumber: string;
  number: string;
  invoiceDate: string;
  /** The printed total, `1234.56`. */
  amount: string;
  amountMinor: number;
  currency: string;
  /** Printed only in the countries that use one. */
  controlId: string | null;
  ageDays: number;
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The invoices of a seeded account on `today`, deterministic: the number is
 * the account's plus the age (`H4B7R2X00045`), amounts between 1,000 and
 * 5,000 so that thousands separators are tempting to type.
 */
export function printedInvoices(
  account: UnenrolledAccountSeed,
  today: string,
  ages: readonly number[] = UNENROLLED_INVOICE_AGES,
) {
  const base = Date.parse(`${today}T00:00:00Z`);
  const salt = [...account.number].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7) % 9_973;
  return ages.map((ageDays, k): PrintedInvoice => {
    const amountMinor = 100_000 + ((ageDays * 7_919 + k * 104_729 + salt * 13) % 400_000);
    return {
      accountNumber: account.number,
      number: `${account.number}X${String(ageDays).padStart(5, '0')}`,
      invoiceDate: isoDay(base - ageDays * DAY),
      amount: toDecimal(amountMinor, account.currency),
      amountMinor,
      currency: account.currency,
      controlId: controlIdRequired(account.country)
        ? `C${((ageDays * 1_297 + salt) % 36 ** 4).toString(36).toUpperCase().padStart(4, '0')}`
        : null,
      ageDays,
    };
  });
}

/**
 * Inserts an account enrolled in no company with the given invoices (open,
 * or past due once their due date is gone), one shipment each and charge
 * lines that add up to the printed total.
 */
export async function insertUnenrolledAccount(
  tx: Sql,
  account: UnenrolledAccountSeed,
  today: string,
  ages: readonly number[] = UNENROLLED_INVOICE_AGES,
): Promise<PrintedInvoice[]> {
  const [row] = await tx.query<{ id: string }>(
    `insert into accounts (company_id, number, name, country, currency, enrolled_at)
     values (null, $1, $2, $3, $4, null) returning id`,
    [account.number, account.name, account.country, account.currency],
  );
  const invoices = printedInvoices(account, today, ages);
  const terms = account.country === 'US' ? 15 : 30;
  for (const invoice of invoices) {
    const due = isoDay(Date.parse(`${invoice.invoiceDate}T00:00:00Z`) + terms * DAY);
    const [inserted] = await tx.query<{ id: number }>(
      `insert into invoices (company_id, account_id, account_number, plan_id, number, invoice_date, due_date, type,
                             currency, amount, amount_due, status, control_id, created_at)
       values (null, $1, $2, null, $3, $4, $5, 'delivery_service', $6, $7, $7, $8, $9, $4::date)
       returning id`,
      [
        row!.id,
        account.number,
        invoice.number,
        invoice.invoiceDate,
        due,
        account.currency,
        invoice.amountMinor,
        due < today ? 'past_due' : 'open',
        invoice.controlId,
      ],
    );
    const us = account.country === 'US';
    const [shipment] = await tx.query<{ id: number }>(
      `insert into shipments (invoice_id, tracking_number, ship_date, service, billed_weight, weight_unit,
                              sender_city, sender_country, receiver_city, receiver_country)
       values ($1, $2, $3::date - 2, $4, 12.5, $5, $6, $7, $8, $7) returning id`,
      [
        inserted!.id,
        `1Z${account.number}01${String(invoice.ageDays).padStart(8, '0')}`,
        invoice.invoiceDate,
        us ? 'UPS Ground' : 'UPS Standard',
        us ? 'lb' : 'kg',
        us ? 'Savannah' : 'Grasse',
        account.country,
        us ? 'Atlanta' : 'Paris',
      ],
    );
    // Freight and a 16 % fuel surcharge that add up to the printed total exactly.
    const freight = Math.round(invoice.amountMinor / 1.16);
    await tx.query(
      `insert into charges (invoice_id, shipment_id, code, description, amount)
       values ($1, $2, 'freight', 'Transportation', $3), ($1, $2, 'fuel_surcharge', 'Fuel surcharge', $4)`,
      [inserted!.id, shipment!.id, freight, invoice.amountMinor - freight],
    );
  }
  return invoices;
}

export async function seedUnenrolledAccounts(tx: Sql, today: string): Promise<void> {
  for (const account of UNENROLLED_ACCOUNTS) await insertUnenrolledAccount(tx, account, today);
}
