/**
 * Demo wallets and AutoPay rules, so that every state of the wallet and of
 * AutoPay can be seen right after `npm start`: a default card, a card that
 * expired last month, one that expires this month, a bank account, and two
 * rules — one active, one suspended because its card expired.
 */
import type { Sql } from './db.js';
import { AUTOPAY_AGREEMENT } from '../autopay/agreement.js';

/** Seeded methods charge through the test gateway's always-approve vault entry. */
const SEEDED_TOKEN = 'tg_seeded_approve';

interface MethodSeed {
  type: 'card' | 'ach' | 'sepa' | 'paypal';
  brand?: string;
  last4?: string;
  exp?: { month: number; year: number };
  holder?: string;
  nickname?: string;
  isDefault?: boolean;
  address?: { line1: string; city: string; postalCode: string; country: string };
}

async function insertMethods(tx: Sql, userId: string, methods: MethodSeed[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const m of methods) {
    const [row] = await tx.query<{ id: string }>(
      `insert into payment_methods (company_id, user_id, type, brand, last4, exp_month, exp_year, holder, nickname,
                                    is_default, billing_address, gateway_token)
       select company_id, id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 from users where user_id = $1 returning id`,
      [
        userId,
        m.type,
        m.brand ?? null,
        m.last4 ?? null,
        m.exp?.month ?? null,
        m.exp?.year ?? null,
        m.holder ?? null,
        m.nickname ?? null,
        m.isDefault ?? false,
        m.address ? JSON.stringify(m.address) : null,
        SEEDED_TOKEN,
      ],
    );
    ids.set(m.nickname ?? `${m.brand ?? m.type} ${m.last4 ?? ''}`.trim(), row!.id);
  }
  return ids;
}

export async function seedWallets(tx: Sql, today: string): Promise<void> {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const lastMonth = month === 1 ? { month: 12, year: year - 1 } : { month: month - 1, year };
  const atlanta = { line1: '1200 Peachtree St NE', city: 'Atlanta', postalCode: '30309', country: 'US' };
  const admin = await insertMethods(tx, 'admin1', [
    {
      type: 'card',
      brand: 'visa',
      last4: '4242',
      exp: { month: 12, year: year + 3 },
      holder: 'Alice Martin',
      nickname: 'Company Visa',
      isDefault: true,
      address: atlanta,
    },
    {
      type: 'card',
      brand: 'mastercard',
      last4: '4444',
      exp: lastMonth,
      holder: 'Alice Martin',
      nickname: 'Old Mastercard',
    },
    { type: 'card', brand: 'amex', last4: '0005', exp: { month, year }, holder: 'Alice Martin', address: atlanta },
    { type: 'ach', last4: '6789', holder: 'Demo Co', nickname: 'Operating account' },
  ]);
  await insertMethods(tx, 'manager1', [
    {
      type: 'card',
      brand: 'visa',
      last4: '1881',
      exp: { month: 6, year: year + 2 },
      holder: 'Marc Dubois',
      isDefault: true,
    },
  ]);
  await insertMethods(tx, 'payer1', [
    {
      type: 'card',
      brand: 'visa',
      last4: '4242',
      exp: { month: 9, year: year + 2 },
      holder: 'Priya Shah',
      isDefault: true,
    },
  ]);

  const rule = async (account: string, method: string, extra: string, values: unknown[]) =>
    tx.query(
      `insert into autopay_rules (company_id, created_by, account_id, currency, method_id, agreement_version, accepted_by,
                                  amount_type, maximum, schedule_type, days_before, weekday, status, suspended_reason)
       select u.company_id, u.id, a.id, a.currency, $3, $4, u.id, ${extra}
         from users u join accounts a on a.number = $2 where u.user_id = $1`,
      ['admin1', account, admin.get(method), AUTOPAY_AGREEMENT.version, ...values],
    );
  // Newark pays everything 3 days before it is due; Seattle's card expired, so its rule waits for a fix.
  await rule('Y67V08', 'Company Visa', `'up_to', 500000, 'days_before_due', 3, null, 'active', null`, []);
  await rule('K2M8Q5', 'Old Mastercard', `'total_due', null, 'weekly', null, 1, 'suspended', 'method_expired'`, []);
}
