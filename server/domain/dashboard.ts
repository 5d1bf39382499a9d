/**
 * Dashboard figures over the caller's scope, per currency. "Outstanding"
 * means open, past due, or with a returned payment: owed and not covered by
 * a scheduled or pending payment.
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
  return { asOf: today, currencies, alerts };
}
