/**
 * Dashboard figures over the caller's scope, per currency. "Outstanding"
 * means open, past due, or with a returned payment: owed and not covered by
 * a scheduled or pending payment. Alerts carry stable codes the element
 * turns into messages: `past_due`, `autopay_suspended`, `autopay_skipped`,
 * `card_expiring`, `dispute_resolved`.
 */
import type { Dashboard, DashboardAlert } from '../../src/api/schemas/dashboard.js';
import type { Sql } from '../db/db.js';
import type { Caller } from './caller.js';
import { visibleTo, Where } from './invoice-filter.js';

export async function dashboard(sql: Sql, caller: Caller, today: string): Promise<Dashboard> {
  const where = visibleTo(new Where(), caller);
  where.clauses.push(`i.status in ('open', 'past_due', 'payment_returned')`);
  const day = where.param(today);
  const rows = await sql.query<{
    currency: string;
    balance: number;
    past_due: number;
    due_week: number;
    current: number;
    d30: number;
    d60: number;
    d90: number;
    d90plus: number;
    open_count: number;
    past_due_count: number;
  }>(
    `select i.currency,
            coalesce(sum(i.amount_due), 0) as balance,
            coalesce(sum(i.amount_due) filter (where i.amount > 0 and i.due_date < ${day}::date), 0) as past_due,
            coalesce(sum(i.amount_due) filter (where i.amount > 0 and i.due_date between ${day}::date and ${day}::date + 7), 0) as due_week,
            coalesce(sum(i.amount_due) filter (where i.amount > 0 and i.due_date >= ${day}::date), 0) as current,
            coalesce(sum(i.amount_due) filter (where i.amount > 0 and ${day}::date - i.due_date between 1 and 30), 0) as d30,
            coalesce(sum(i.amount_due) filter (where i.amount > 0 and ${day}::date - i.due_date between 31 and 60), 0) as d60,
            coalesce(sum(i.amount_due) filter (where i.amount > 0 and ${day}::date - i.due_date between 61 and 90), 0) as d90,
            coalesce(sum(i.amount_due) filter (where i.amount > 0 and ${day}::date - i.due_date > 90), 0) as d90plus,
            count(*) filter (where i.amount > 0)::int as open_count,
            count(*) filter (where i.amount > 0 and i.due_date < ${day}::date)::int as past_due_count
       from invoices i where ${where}
      group by i.currency order by i.currency`,
    where.params,
  );
  const currencies = rows.map((r) => {
    const money = (amount: number) => ({ amount, currency: r.currency });
    return {
      currency: r.currency,
      balanceDue: money(r.balance),
      pastDue: money(r.past_due),
      dueNext7Days: money(r.due_week),
      aging: {
        current: money(r.current),
        days1to30: money(r.d30),
        days31to60: money(r.d60),
        days61to90: money(r.d90),
        days90plus: money(r.d90plus),
      },
      openInvoices: r.open_count,
      pastDueInvoices: r.past_due_count,
    };
  });
  const alerts: DashboardAlert[] = [];
  const pastDueCount = currencies.reduce((n, c) => n + c.pastDueInvoices, 0);
  if (pastDueCount > 0) {
    alerts.push({
      code: 'past_due',
      severity: 'critical',
      count: pastDueCount,
      amounts: currencies.filter((c) => c.pastDue.amount > 0).map((c) => c.pastDue),
    });
  }
  alerts.push(...(await autopayAlerts(sql, caller, today)));
  const resolved = await disputesResolved(sql, caller, today);
  if (resolved) alerts.push(resolved);
  return { asOf: today, currencies, alerts };
}

/**
 * What AutoPay could not do, and what will stop it: rules suspended (their
 * invoices will not be paid until someone fixes the method: critical),
 * invoices skipped over a rule's maximum and still unpaid (the user must pay
 * them by hand), and the caller's own cards expired or expiring within 30
 * days (a rule using one would be suspended).
 */
async function autopayAlerts(sql: Sql, caller: Caller, today: string): Promise<DashboardAlert[]> {
  const alerts: DashboardAlert[] = [];
  // Rules in scope as the AutoPay list shows them: on a visible account, or on a plan of the caller's scope.
  const [suspended] = await sql.query<{ n: number }>(
    `select count(*)::int as n from autopay_rules r left join plans p on p.id = r.plan_id
      where r.company_id = $1 and r.status = 'suspended'
        and ($2::boolean or r.account_id = any($3::uuid[]) or p.number = any($4::text[]))`,
    [caller.companyId, caller.scopeAll, caller.visibleAccountIds, caller.scopePlans],
  );
  if (suspended!.n > 0)
    alerts.push({ code: 'autopay_suspended', severity: 'critical', count: suspended!.n, amounts: [] });

  const where = visibleTo(new Where(), caller);
  where.clauses.push(`i.status in ('open', 'past_due', 'payment_returned')`, 'i.amount_due > 0');
  const skipped = await sql.query<{ currency: string; n: number; amount: number }>(
    `select i.currency, count(*)::int as n, sum(i.amount_due) as amount
       from invoices i join autopay_outcomes o on o.invoice_id = i.id and o.outcome = 'skipped_over_maximum'
      where ${where} group by i.currency order by i.currency`,
    where.params,
  );
  if (skipped.length) {
    alerts.push({
      code: 'autopay_skipped',
      severity: 'warning',
      count: skipped.reduce((n, r) => n + r.n, 0),
      amounts: skipped.map((r) => ({ amount: r.amount, currency: r.currency })),
    });
  }

  // A card is good through the last day of its expiry month.
  const [cards] = await sql.query<{ n: number; expired: number }>(
    `select count(*)::int as n, (count(*) filter (where last_day < $2::date))::int as expired
       from (select (make_date(exp_year, exp_month, 1) + interval '1 month' - interval '1 day')::date as last_day
               from payment_methods
              where user_id = $1 and type = 'card' and removed_at is null and exp_year is not null) c
      where last_day <= $2::date + 30`,
    [caller.id, today],
  );
  if (cards!.n > 0) {
    alerts.push({
      code: 'card_expiring',
      severity: cards!.expired > 0 ? 'warning' : 'info',
      count: cards!.n,
      amounts: [],
    });
  }
  return alerts;
}

/**
 * Disputes UPS decided in the last 30 days, on invoices the caller sees:
 * the user learns the outcome without watching the list. The amounts are
 * what was credited, per currency (a denial adds to the count only).
 */
async function disputesResolved(sql: Sql, caller: Caller, today: string): Promise<DashboardAlert | null> {
  const where = visibleTo(new Where(), caller);
  where.clauses.push(
    'd.decided_at is not null',
    `d.decided_at >= ${where.param(today)}::date - 30`,
    `d.decided_at < ${where.param(today)}::date + 1`,
  );
  const rows = await sql.query<{ currency: string; n: number; credited: number }>(
    `select d.currency, count(*)::int as n, coalesce(sum(d.credited), 0) as credited
       from disputes d join invoices i on i.id = d.invoice_id and i.company_id = d.company_id
      where ${where} group by d.currency order by d.currency`,
    where.params,
  );
  const count = rows.reduce((n, r) => n + r.n, 0);
  if (!count) return null;
  return {
    code: 'dispute_resolved',
    severity: 'info',
    count,
    amounts: rows.filter((r) => r.credited > 0).map((r) => ({ amount: r.credited, currency: r.currency })),
  };
}
