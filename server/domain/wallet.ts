/**
 * The wallet: each user's saved payment methods (their own only — another
 * user's method is "not found"). The server keeps what a person needs to
 * recognise a method and the gateway's opaque token; never the numbers.
 */
import type {
  AddMethodRequest,
  BillingAddress,
  RemoveMethodRequest,
  UpdateMethodRequest,
  WalletMethod,
} from '../../src/api/schemas/wallet.js';
import { cardExpired } from '../../src/internal/validators.js';
import type { Sql } from '../db/db.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { consumeToken } from '../payments/tokens.js';
import type { Caller } from './caller.js';

interface MethodRow {
  id: string;
  type: WalletMethod['method']['type'];
  brand: string | null;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  holder: string | null;
  nickname: string | null;
  billing_address: BillingAddress | null;
  is_default: boolean;
}

const COLUMNS =
  'm.id, m.type, m.brand, m.last4, m.exp_month, m.exp_year, m.holder, m.nickname, m.billing_address, m.is_default';

/** The last moment a card can be used: the end of its expiry month (UTC). */
export function cardEnd(month: number, year: number): Date {
  return new Date(Date.UTC(year, month, 1) - 1);
}

const SOON_MS = 30 * 86_400_000;

async function present(sql: Sql, rows: MethodRow[], now: Date): Promise<WalletMethod[]> {
  const uses = rows.length
    ? await sql.query<{ method_id: string; id: string; type: 'account' | 'plan'; number: string }>(
        `select r.method_id, r.id, case when r.account_id is null then 'plan' else 'account' end as type,
                coalesce(a.number, p.number) as number
           from autopay_rules r left join accounts a on a.id = r.account_id left join plans p on p.id = r.plan_id
          where r.method_id = any($1::uuid[]) and r.status <> 'ended' order by 4`,
        [rows.map((r) => r.id)],
      )
    : [];
  return rows.map((r) => {
    const dated = r.exp_month !== null && r.exp_year !== null;
    const expired = dated && cardExpired(r.exp_month!, r.exp_year!, now);
    return {
      id: r.id,
      method: { type: r.type, brand: r.brand, last4: r.last4 },
      holder: r.holder,
      nickname: r.nickname,
      expMonth: r.exp_month,
      expYear: r.exp_year,
      billingAddress: r.billing_address,
      isDefault: r.is_default,
      expired,
      expiresSoon: dated && !expired && cardEnd(r.exp_month!, r.exp_year!).getTime() - now.getTime() <= SOON_MS,
      usedBy: uses
        .filter((u) => u.method_id === r.id)
        .map((u) => ({ ruleId: u.id, scope: { type: u.type, number: u.number } })),
    };
  });
}

export async function listWallet(sql: Sql, caller: Caller, now: Date): Promise<WalletMethod[]> {
  const rows = await sql.query<MethodRow>(
    `select ${COLUMNS} from payment_methods m
      where m.user_id = $1 and m.removed_at is null order by m.is_default desc, m.created_at, m.id`,
    [caller.id],
  );
  return present(sql, rows, now);
}

/** The caller's own live method, locked for the change; anyone else's is "not found". */
async function ownMethod(tx: Sql, caller: Caller, id: string): Promise<MethodRow> {
  const [row] = await tx.query<MethodRow>(
    `select ${COLUMNS} from payment_methods m where m.id = $1 and m.user_id = $2 and m.removed_at is null for update`,
    [id, caller.id],
  );
  if (!row) throw notFound();
  return row;
}

async function methodView(tx: Sql, id: string, now: Date): Promise<WalletMethod> {
  const rows = await tx.query<MethodRow>(`select ${COLUMNS} from payment_methods m where m.id = $1`, [id]);
  return (await present(tx, rows, now))[0]!;
}

async function makeDefault(tx: Sql, caller: Caller, id: string): Promise<void> {
  await tx.query(`update payment_methods set is_default = (id = $2) where user_id = $1 and removed_at is null`, [
    caller.id,
    id,
  ]);
}

export async function addMethod(services: Services, caller: Caller, body: AddMethodRequest): Promise<WalletMethod> {
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const method = await consumeToken(tx, body.token, now);
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      `select count(*)::int as count from payment_methods where user_id = $1 and removed_at is null`,
      [caller.id],
    );
    const [saved] = await tx.query<{ id: string }>(
      `insert into payment_methods (company_id, user_id, type, brand, last4, exp_month, exp_year, holder, nickname,
                                    billing_address, gateway_token)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        caller.companyId,
        caller.id,
        method.type,
        method.brand,
        method.last4,
        method.expMonth,
        method.expYear,
        method.holder,
        body.nickname || null,
        body.billingAddress ? JSON.stringify(body.billingAddress) : null,
        method.gatewayToken,
      ],
    );
    // The first method is the default: a wallet always has one when it has any.
    if (body.makeDefault || count === 0) await makeDefault(tx, caller, saved!.id);
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'wallet.add',
      target: saved!.id,
      data: { type: method.type, brand: method.brand, last4: method.last4 },
    });
    return methodView(tx, saved!.id, now);
  });
}

const BANK_FIELDS = ['routingNumber', 'accountNumber', 'iban'] as const;
const CARD_FIELDS = ['expMonth', 'expYear', 'holder', 'billingAddress'] as const;

export async function updateMethod(
  services: Services,
  caller: Caller,
  id: string,
  body: UpdateMethodRequest,
  require: () => void,
): Promise<WalletMethod> {
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const row = await ownMethod(tx, caller, id);
    require();
    const bank = BANK_FIELDS.filter((field) => body[field] !== undefined);
    if (bank.length) {
      throw new ProblemError(422, 'bank_details_not_editable', {
        fieldErrors: Object.fromEntries(bank.map((field) => [field, 'not_editable'])),
      });
    }
    const cardOnly = CARD_FIELDS.filter((field) => body[field] !== undefined);
    if (cardOnly.length && row.type !== 'card') {
      throw new ProblemError(422, 'not_editable', {
        fieldErrors: Object.fromEntries(cardOnly.map((field) => [field, 'not_editable'])),
      });
    }
    if ((body.expMonth === undefined) !== (body.expYear === undefined)) {
      const missing = body.expMonth === undefined ? 'expMonth' : 'expYear';
      throw new ProblemError(400, 'validation_failed', { fieldErrors: { [missing]: 'required' } });
    }
    const newExpiry = body.expMonth !== undefined && body.expYear !== undefined;
    if (newExpiry && cardExpired(body.expMonth!, body.expYear!, now)) {
      throw new ProblemError(422, 'expiry_in_past', { fieldErrors: { expMonth: 'in_past', expYear: 'in_past' } });
    }

    await tx.query(
      `update payment_methods
          set nickname = case when $2::boolean then $3 else nickname end,
              exp_month = coalesce($4, exp_month), exp_year = coalesce($5, exp_year),
              holder = coalesce($6, holder), billing_address = coalesce($7::jsonb, billing_address)
        where id = $1`,
      [
        id,
        body.nickname !== undefined,
        body.nickname || null,
        body.expMonth ?? null,
        body.expYear ?? null,
        body.holder ?? null,
        body.billingAddress ? JSON.stringify(body.billingAddress) : null,
      ],
    );
    if (body.makeDefault) await makeDefault(tx, caller, id);
    // A card brought back in date resumes the rules its expiry suspended.
    if (newExpiry) {
      await tx.query(
        `update autopay_rules set status = 'active', suspended_reason = null, updated_at = now()
          where method_id = $1 and status = 'suspended' and suspended_reason = 'method_expired'`,
        [id],
      );
    }
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'wallet.update',
      target: id,
      data: { fields: Object.keys(body) },
    });
    return methodView(tx, id, now);
  });
}

export async function removeMethod(
  services: Services,
  caller: Caller,
  id: string,
  body: RemoveMethodRequest,
  require: () => void,
): Promise<void> {
  const now = services.now();
  await services.db.transaction(async (tx) => {
    const row = await ownMethod(tx, caller, id);
    require();
    const rules = await tx.query<{ id: string; status: string }>(
      `select id, status from autopay_rules where method_id = $1 and status <> 'ended' order by id for update`,
      [id],
    );
    const decisions = new Map((body.rules ?? []).map((decision) => [decision.ruleId, decision]));
    const fieldErrors: Record<string, string> = {};
    for (const rule of rules) if (!decisions.has(rule.id)) fieldErrors[`rules.${rule.id}`] = 'decision_required';
    if (Object.keys(fieldErrors).length) {
      throw new ProblemError(409, 'method_in_use', { fieldErrors, detail: rules.map((r) => r.id).join(', ') });
    }
    for (const ruleId of decisions.keys()) {
      if (!rules.some((rule) => rule.id === ruleId)) fieldErrors[`rules.${ruleId}`] = 'invalid_value';
    }
    for (const decision of decisions.values()) {
      if (decision.action !== 'switch' || fieldErrors[`rules.${decision.ruleId}`]) continue;
      const [target] = await tx.query<MethodRow>(
        `select ${COLUMNS} from payment_methods m where m.id = $1 and m.user_id = $2 and m.removed_at is null`,
        [decision.methodId, caller.id],
      );
      const key = `rules.${decision.ruleId}.methodId`;
      if (!target || target.id === id) fieldErrors[key] = 'invalid_value';
      else if (target.exp_month !== null && cardExpired(target.exp_month, target.exp_year!, now)) {
        fieldErrors[key] = 'method_expired';
      }
    }
    if (Object.keys(fieldErrors).length) throw new ProblemError(422, 'method_unusable', { fieldErrors });

    for (const decision of decisions.values()) {
      if (decision.action === 'switch') {
        await tx.query(
          `update autopay_rules set method_id = $2, status = 'active', suspended_reason = null, updated_at = now()
            where id = $1`,
          [decision.ruleId, decision.methodId],
        );
      } else {
        await tx.query(
          `update autopay_rules set method_id = null, status = 'suspended', suspended_reason = 'method_removed',
                  updated_at = now() where id = $1`,
          [decision.ruleId],
        );
      }
      await services.audit(tx, {
        companyId: caller.companyId,
        actorId: caller.id,
        action: decision.action === 'switch' ? 'autopay.switch_method' : 'autopay.suspend',
        target: decision.ruleId,
        data: { removedMethod: id, ...(decision.action === 'switch' ? { methodId: decision.methodId } : {}) },
      });
    }
    await tx.query(`update payment_methods set removed_at = now(), is_default = false where id = $1`, [id]);
    if (row.is_default) {
      // The oldest remaining method takes over, so the wallet keeps a default.
      await tx.query(
        `update payment_methods set is_default = true
          where id = (select id from payment_methods where user_id = $1 and removed_at is null
                       order by created_at, id limit 1)`,
        [caller.id],
      );
    }
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'wallet.remove',
      target: id,
      data: { type: row.type, last4: row.last4 },
    });
  });
}
