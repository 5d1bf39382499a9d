/**
 * Where an approved dispute's credit lands. An import invoice that still
 * owes at least the credit takes it at once; any other credit waits for the
 * account's next issued invoice (`issueInvoices` calls `applyWaitingCredits`
 * in its own transaction), spilling onto the one after when it is bigger.
 *
 * A credit is a charge line of code `adjustment` on the invoice that carries
 * it, and lowers that invoice's amount and amount due alike: the amount stays
 * the sum of its lines, and the amount due stays the amount less what was
 * paid. An invoice the credit pays off in full becomes paid.
 */
import type { Sql } from '../db/db.js';

/** Statuses in which nothing is on its way to pay the invoice: lowering what it owes cannot overpay a payment. */
const SETTLEABLE = `('open', 'past_due', 'payment_returned')`;

export const creditDescription = (number: string) => `Credit — dispute ${number}`;

/** Puts `amount` of dispute `dispute`'s credit on invoice `invoiceId`, which must owe at least that much. */
export async function applyCredit(
  sql: Sql,
  dispute: { id: string; number: string },
  invoiceId: number,
  amount: number,
): Promise<void> {
  await sql.query(
    `insert into charges (invoice_id, shipment_id, code, description, amount) values ($1, null, 'adjustment', $2, $3)`,
    [invoiceId, creditDescription(dispute.number), -amount],
  );
  await sql.query(
    `update invoices set amount = amount - $2, amount_due = amount_due - $2,
            status = case when amount_due = $2 and status in ${SETTLEABLE} then 'paid' else status end
      where id = $1`,
    [invoiceId, amount],
  );
  await sql.query(
    `insert into dispute_credits (dispute_id, invoice_id, amount) values ($1, $2, $3)
     on conflict (dispute_id, invoice_id) do update set amount = dispute_credits.amount + excluded.amount`,
    [dispute.id, invoiceId, amount],
  );
  await sql.query('update disputes set credit_invoice_id = coalesce(credit_invoice_id, $2) where id = $1', [
    dispute.id,
    invoiceId,
  ]);
}

/**
 * Whether the disputed invoice itself takes the credit: an import invoice
 * (duties and taxes are settled on the invoice they were billed on) that
 * still owes at least the credit, with no payment scheduled or under way.
 * The caller holds the invoice's row lock.
 */
export async function takesCreditAtOnce(sql: Sql, invoiceId: number, amount: number): Promise<boolean> {
  const [row] = await sql.query<{ ok: boolean }>(
    `select (i.type = 'import' and i.status in ${SETTLEABLE} and i.amount_due >= $2
             and not exists (select 1 from autopay_outcomes o where o.invoice_id = i.id and o.outcome = 'claimed')) as ok
       from invoices i where i.id = $1`,
    [invoiceId, amount],
  );
  return Boolean(row?.ok);
}

export interface AppliedCredit {
  disputeNumber: string;
  invoiceNumber: string;
  amount: number;
  currency: string;
}

/**
 * Applies waiting credits of a company's accounts to invoices just issued
 * (`invoiceIds`): the oldest decision first, onto the account's first new
 * debit invoice, the rest onto the next one. What no new invoice can take
 * keeps waiting.
 */
export async function applyWaitingCredits(sql: Sql, companyId: string, invoiceIds: number[]): Promise<AppliedCredit[]> {
  if (!invoiceIds.length) return [];
  const waiting = await sql.query<{ id: string; number: string; account_id: string; credit_pending: number }>(
    `select d.id, d.number, d.account_id, d.credit_pending from disputes d
      where d.company_id = $1 and d.credit_pending > 0
        and d.account_id in (select account_id from invoices where id = any($2::bigint[]))
      order by d.decided_at, d.number
      for update`,
    [companyId, invoiceIds],
  );
  if (!waiting.length) return [];
  const fresh = await sql.query<{
    id: number;
    number: string;
    account_id: string;
    amount_due: number;
    currency: string;
  }>(
    `select id, number, account_id, amount_due, currency from invoices
      where id = any($1::bigint[]) and amount > 0 and amount_due > 0 and status in ${SETTLEABLE}
      order by invoice_date, id
      for update`,
    [invoiceIds],
  );
  const applied: AppliedCredit[] = [];
  for (const dispute of waiting) {
    let pending = dispute.credit_pending;
    for (const invoice of fresh) {
      if (pending === 0) break;
      if (invoice.account_id !== dispute.account_id || invoice.amount_due === 0) continue;
      const amount = Math.min(pending, invoice.amount_due);
      await applyCredit(sql, dispute, invoice.id, amount);
      invoice.amount_due -= amount;
      pending -= amount;
      applied.push({
        disputeNumber: dispute.number,
        invoiceNumber: invoice.number,
        amount,
        currency: invoice.currency,
      });
      // UPS's billing acts here, not a user: no actor.
      await sql.query(
        `insert into audit_log (company_id, actor_id, action, target, data) values ($1, null, 'dispute.credit', $2, $3)`,
        [companyId, dispute.number, JSON.stringify({ invoice: invoice.number, amount, currency: invoice.currency })],
      );
    }
    if (pending !== dispute.credit_pending) {
      await sql.query('update disputes set credit_pending = $2, updated_at = now() where id = $1', [
        dispute.id,
        pending,
      ]);
    }
  }
  return applied;
}
