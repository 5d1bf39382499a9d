/** The wallet: each user's saved payment methods (their own only). */
import type { WalletMethod } from '../../src/api/schemas/wallet.js';
import { cardExpired } from '../../src/internal/validators.js';
import type { Sql } from '../db/db.js';
import type { Caller } from './caller.js';

export async function listWallet(sql: Sql, caller: Caller, now: Date): Promise<WalletMethod[]> {
  const rows = await sql.query<{
    id: string;
    type: WalletMethod['method']['type'];
    brand: string | null;
    last4: string | null;
    exp_month: number | null;
    exp_year: number | null;
    holder: string | null;
    nickname: string | null;
    is_default: boolean;
  }>(
    `select id, type, brand, last4, exp_month, exp_year, holder, nickname, is_default from payment_methods
      where user_id = $1 and removed_at is null order by is_default desc, created_at`,
    [caller.id],
  );
  return rows.map((r) => ({
    id: r.id,
    method: { type: r.type, brand: r.brand, last4: r.last4 },
    holder: r.holder,
    nickname: r.nickname,
    expMonth: r.exp_month,
    expYear: r.exp_year,
    isDefault: r.is_default,
    expired: r.exp_month !== null && r.exp_year !== null && cardExpired(r.exp_month, r.exp_year, now),
  }));
}
