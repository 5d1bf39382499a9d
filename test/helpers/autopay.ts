/**
 * AutoPay fixtures written straight into the tables — wallet cards, rules,
 * freshly issued invoices — for tests of what the runner and the dashboard
 * do with them. (The rule API has its own tests at the HTTP boundary.)
 */
import { addDays } from '../../server/autopay/schedule.js';
import type { Db } from '../../server/db/db.js';
import type { PaymentGateway } from '../../server/payments/gateway.js';

export interface RuleSeed {
  account?: string;
  plan?: string;
  method: string | null;
  /** User ID of the rule's creator, whose wallet it pays from; default admin1. */
  by?: string;
  /** An `up_to` rule with this maximum; default `total_due`. */
  maximum?: number;
  daysBefore?: number;
  /** A weekly rule on this ISO weekday; default `days_before_due`. */
  weekday?: number;
  effectiveUntil?: string;
  status?: 'active' | 'suspended';
}

export interface InvoiceSeed {
  account: string;
  amount: number;
  due: string;
  date?: string;
  /** SQL for created_at; default now(): issued after any rule made before. */
  createdAt?: string;
}

let serial = 0;

export function autopayFixtures(db: Db, gateway: PaymentGateway) {
  return {
    async userUuid(userId: string): Promise<string> {
      const [row] = await db.query<{ id: string }>('select id from users where user_id = $1', [userId]);
      return row!.id;
    },

    /** A card in `userId`'s wallet, tokenized by the test gateway (so its number decides approve or decline). */
    async addCard(
      userId = 'admin1',
      options: { number?: string; expMonth?: number; expYear?: number } = {},
    ): Promise<string> {
      const card = await gateway.tokenizeCard({
        number: options.number ?? '4242424242424242',
        expMonth: options.expMonth ?? 12,
        expYear: options.expYear ?? 2040,
        cvc: '123',
        holder: 'Test Holder',
        postalCode: '30301',
      });
      const [row] = await db.query<{ id: string }>(
        `insert into payment_methods (company_id, user_id, type, brand, last4, exp_month, exp_year, holder, gateway_token)
         select company_id, id, 'card', $2, $3, $4, $5, 'Test Holder', $6 from users where user_id = $1 returning id`,
        [userId, card.brand, card.last4, card.expMonth, card.expYear, card.gatewayToken],
      );
      return row!.id;
    },

    /** A US bank account (ACH) in `userId`'s wallet: its debits are 'processing' until they settle. */
    async addBank(userId = 'admin1'): Promise<string> {
      const bank = await gateway.tokenizeBank({
        type: 'ach',
        routing: '011000015',
        account: '000123456789',
        holder: 'Test',
      });
      const [row] = await db.query<{ id: string }>(
        `insert into payment_methods (company_id, user_id, type, last4, holder, gateway_token)
         select company_id, id, 'ach', $2, 'Test Holder', $3 from users where user_id = $1 returning id`,
        [userId, bank.last4, bank.gatewayToken],
      );
      return row!.id;
    },

    async addRule(rule: RuleSeed): Promise<string> {
      const [row] = await db.query<{ id: string }>(
        `insert into autopay_rules (company_id, created_by, account_id, plan_id, method_id, amount_type, maximum, currency,
                                    schedule_type, days_before, weekday, effective_until, agreement_version, accepted_by,
                                    status, suspended_reason)
         select u.company_id, u.id, (select id from accounts where number = $2), (select id from plans where number = $3),
                $4, $5, $6,
                coalesce((select currency from accounts where number = $2), (select currency from plans where number = $3)),
                $7, $8, $9, $10, 'test', u.id, $11, case when $11 = 'suspended' then 'method_expired' end
           from users u where u.user_id = $1 returning id`,
        [
          rule.by ?? 'admin1',
          rule.account ?? null,
          rule.plan ?? null,
          rule.method,
          rule.maximum === undefined ? 'total_due' : 'up_to',
          rule.maximum ?? null,
          rule.weekday === undefined ? 'days_before_due' : 'weekly',
          rule.weekday === undefined ? (rule.daysBefore ?? 0) : null,
          rule.weekday ?? null,
          rule.effectiveUntil ?? null,
          rule.status ?? 'active',
        ],
      );
      return row!.id;
    },

    /** A delivery invoice, open and owing its whole amount; returns its number. */
    async addInvoice(invoice: InvoiceSeed): Promise<string> {
      const number = `${invoice.account}T${String(++serial).padStart(5, '0')}`;
      await db.query(
        `insert into invoices (company_id, account_id, account_number, plan_id, number, invoice_date, due_date, type,
                               currency, amount, amount_due, status, created_at)
         select a.company_id, a.id, a.number, a.plan_id, $2, $3, $4, 'delivery_service', a.currency, $5, $5, 'open',
                ${invoice.createdAt ?? 'now()'}
           from accounts a where a.number = $1`,
        [invoice.account, number, invoice.date ?? addDays(invoice.due, -15), invoice.due, invoice.amount],
      );
      return number;
    },
  };
}
