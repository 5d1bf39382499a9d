/**
 * Which invoices an AutoPay rule covers. One query for the runner (which
 * pays them) and the preview (which shows them), so the two cannot disagree:
 * the rule's account, or its plan's accounts; debits still owing in the
 * rule's currency and a payable status; issued after the rule was made; not
 * yet seen by AutoPay. A plan's rule leaves alone the accounts that have
 * a rule of their own, even a suspended one: its maximum and its fix are the
 * account's.
 */
import type { InvoiceType } from '../../src/api/schemas/invoice.js';
import type { Sql } from '../db/db.js';

export const PAYABLE = ['open', 'past_due', 'payment_returned'];

export interface RuleScopeRow {
  company_id: string;
  account_id: string | null;
  plan_id: string | null;
  currency: string;
}

export interface EligibleInvoice {
  id: number;
  number: string;
  account_number: string;
  due_date: string;
  invoice_date: string;
  amount_due: number;
  currency: string;
  type: InvoiceType;
  /** The account's country: which methods may pay depends on it. */
  country: string;
}

/**
 * `ruleId` null stands for a rule not saved yet: it would start now. The
 * creation time is compared in SQL, where it keeps its microseconds.
 * `narrow` only trims the rows read for one run day; `dueOn` still decides.
 */
export async function eligibleInvoices(
  sql: Sql,
  rule: RuleScopeRow,
  ruleId: string | null,
  narrow?: { day: string; latestDue: string | null },
): Promise<EligibleInvoice[]> {
  return sql.query<EligibleInvoice>(
    `select i.id, i.number, i.account_number, i.due_date, i.invoice_date, i.amount_due, i.currency, i.type, a.country
       from invoices i join accounts a on a.id = i.account_id
      where i.company_id = $1
        and (i.account_id = $2::uuid or i.plan_id = $3::uuid
             or i.account_id in (select id from accounts where plan_id = $3::uuid))
        and ($2::uuid is not null or not exists (
              select 1 from autopay_rules own where own.account_id = i.account_id and own.status <> 'ended'))
        and i.amount > 0 and i.amount_due > 0 and i.status = any($4::text[])
        and i.currency = $5
        and i.created_at >= coalesce((select created_at from autopay_rules where id = $6::uuid), now())
        and ($7::date is null or i.invoice_date <= $7::date) and ($8::date is null or i.due_date <= $8::date)
        and not exists (select 1 from autopay_outcomes o where o.invoice_id = i.id)
      order by i.due_date, i.id`,
    [
      rule.company_id,
      rule.account_id,
      rule.plan_id,
      PAYABLE,
      rule.currency,
      ruleId,
      narrow?.day ?? null,
      narrow?.latestDue ?? null,
    ],
  );
}
