/**
 * Issues a company's next invoices, as UPS's billing would week after week:
 * the demo's way to bring new invoices in for AutoPay to pay
 * (`npm run ops -- issue-invoices`). Amounts, lines and terms come from the
 * demo generator; what makes them *new* is set here: every one unpaid and
 * created now, so that rules made before now apply to them.
 */
import { applyWaitingCredits } from '../disputes/credits.js';
import type { Db } from './db.js';
import { generateInvoices } from './generate.js';

export interface IssueOptions {
  companyId: string;
  /** Weeks of invoices to issue per account. */
  weeks: number;
  /** `YYYY-MM-DD`: no invoice is dated before this day. */
  today: string;
  /** Seed of the generator; random by default. */
  seed?: number;
}

export interface IssuedInvoice {
  number: string;
  account_number: string;
  invoice_date: string;
  due_date: string;
  type: string;
  amount: number;
  currency: string;
  autopay: boolean;
  /** What is due after credits of approved disputes (the amount less `credit`). */
  amount_due: number;
  /** Credits of approved disputes the invoice carries, in minor units; 0 for most. */
  credit: number;
  /** Numbers of the disputes whose credit it carries. */
  disputes: string[];
}

const DAY = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * Per account, invoices dated over the `weeks` weeks after its latest
 * invoice (or from `today`, if that is later: never back-dated), as many per
 * week as the account had over its last 13 weeks (at least one). Credits
 * of approved disputes waiting for the next invoice are applied to them.
 * One transaction: all or nothing.
 */
export async function issueInvoices(db: Db, options: IssueOptions): Promise<IssuedInvoice[]> {
  return db.transaction(async (tx) => {
    const accounts = await tx.query<{
      id: string;
      number: string;
      country: string;
      currency: string;
      plan_id: string | null;
      latest: string | null;
      recent: number;
    }>(
      `select a.id, a.number, a.country, a.currency, a.plan_id, max(i.invoice_date)::text as latest,
              (count(i.id) filter (where i.invoice_date > $2::date - 91))::int as recent
         from accounts a left join invoices i on i.account_id = a.id
        where a.company_id = $1 group by a.id order by a.number`,
      [options.companyId, options.today],
    );
    const [before] = await tx.query<{ max: number | null }>('select max(id) as max from invoices');
    let seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    for (const account of accounts) {
      const next = account.latest ? addDays(account.latest, 1) : options.today;
      const from = next > options.today ? next : options.today;
      await generateInvoices(tx, {
        companyId: options.companyId,
        accounts: [
          {
            id: account.id,
            number: account.number,
            country: account.country,
            currency: account.currency,
            planId: account.plan_id,
          },
        ],
        count: Math.max(1, Math.round((account.recent / 13) * options.weeks)),
        from,
        to: addDays(from, options.weeks * 7 - 1),
        // As of their first day: none is past due.
        today: from,
        seed: seed++,
        lines: 'full',
      });
    }
    const fresh = `select id from invoices where company_id = $1 and id > $2`;
    const params = [options.companyId, before?.max ?? 0];
    // The generator gives some invoices the payment of an invoice already paid or on its way; new ones owe everything.
    const payments = `select payment_id from payment_allocations where invoice_id in (${fresh})`;
    const paid = await tx.query<{ payment_id: string }>(payments, params);
    await tx.query(`delete from payment_allocations where invoice_id in (${fresh})`, params);
    await tx.query('delete from payments where id = any($1::uuid[])', [paid.map((p) => p.payment_id)]);
    const rows = await tx.query<Omit<IssuedInvoice, 'credit' | 'disputes' | 'amount_due'> & { id: number }>(
      `update invoices i
          set status = 'open', amount_due = i.amount, created_at = now(),
              -- Marked when a live AutoPay rule covers the account or its plan (credits are never paid).
              autopay = i.amount > 0 and exists (select 1 from autopay_rules r
                                 where r.status = 'active' and r.company_id = i.company_id
                                   and (r.account_id = i.account_id or r.plan_id = i.plan_id
                                        or r.plan_id = (select plan_id from accounts where id = i.account_id)))
        where i.id in (${fresh})
        returning i.id, i.number, i.account_number, i.invoice_date, i.due_date, i.type, i.amount, i.currency, i.autopay`,
      params,
    );
    const credits = await applyWaitingCredits(
      tx,
      options.companyId,
      rows.map((r) => r.id),
    );
    const issued: IssuedInvoice[] = rows.map(({ id: _id, ...row }) => {
      const own = credits.filter((c) => c.invoiceNumber === row.number);
      const credit = own.reduce((sum, c) => sum + c.amount, 0);
      // A credit is a line of the invoice: its amount is lower by it, as is what it owes.
      return {
        ...row,
        amount: row.amount - credit,
        amount_due: row.amount - credit,
        credit,
        disputes: own.map((c) => c.disputeNumber),
      };
    });
    return issued.sort((a, b) =>
      a.account_number === b.account_number
        ? a.invoice_date.localeCompare(b.invoice_date) || a.number.localeCompare(b.number)
        : a.account_number.localeCompare(b.account_number),
    );
  });
}
