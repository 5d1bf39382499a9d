/**
 * AutoPay rules: one live rule per account or plan, on what the caller may
 * see. The runner (server/autopay/runner.ts) pays by them; this module
 * creates, changes, cancels and describes them, with a preview of the next
 * run computed by the same schedule code the runner uses.
 */
import type {
  AutopayRule,
  AutopayRuleList,
  AutopayRuleRequest,
  InvoiceOutcome,
  NextRun,
} from '../../src/api/schemas/autopay.js';
import { cardExpired } from '../../src/internal/validators.js';
import { AUTOPAY_AGREEMENT } from '../autopay/agreement.js';
import { eligibleInvoices, type EligibleInvoice } from '../autopay/eligible.js';
import { addDays, dueOn, isoWeekday, nextRunDate, type ScheduleRule } from '../autopay/schedule.js';
import type { Sql } from '../db/db.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Services } from '../http/services.js';
import type { Caller } from './caller.js';
import { can } from './roles.js';
import { methodAllowed } from '../payments/config.js';

interface RuleRow extends ScheduleRule {
  id: string;
  company_id: string;
  account_id: string | null;
  plan_id: string | null;
  scope_type: 'account' | 'plan';
  number: string;
  name: string;
  currency: string;
  method_id: string | null;
  m_type: 'card' | 'ach' | 'sepa' | 'paypal' | null;
  m_brand: string | null;
  m_last4: string | null;
  amount_type: 'total_due' | 'up_to';
  maximum: number | null;
  status: 'active' | 'suspended' | 'ended';
  suspended_reason: 'method_removed' | 'method_expired' | null;
  agreement_version: string;
  accepted_by_name: string;
  /** Timestamps arrive as ISO strings (server/db/db.ts parses them). */
  accepted_at: string;
  created_at: string;
}

const RULE_SELECT = `
  select r.id, r.company_id, r.account_id, r.plan_id, case when r.account_id is null then 'plan' else 'account' end as scope_type,
         coalesce(a.number, p.number) as number, coalesce(a.name, p.name) as name, r.currency,
         r.method_id, m.type as m_type, m.brand as m_brand, m.last4 as m_last4,
         r.amount_type, r.maximum as maximum, r.schedule_type, r.days_before, r.weekday,
         r.effective_until::text as effective_until, r.status, r.suspended_reason, r.agreement_version,
         u.name as accepted_by_name, r.accepted_at, r.created_at
    from autopay_rules r
    left join accounts a on a.id = r.account_id
    left join plans p on p.id = r.plan_id
    left join payment_methods m on m.id = r.method_id
    join users u on u.id = r.accepted_by`;

/** Rules on the accounts and plans the caller may see. */
const VISIBLE = `r.company_id = $1 and (r.account_id = any($2::uuid[]) or $3::boolean or p.number = any($4::text[]))`;
const visibleParams = (caller: Caller) => [
  caller.companyId,
  caller.visibleAccountIds,
  caller.scopeAll,
  caller.scopePlans,
];

const today = (services: Services) => services.now().toISOString().slice(0, 10);

function nextRun(
  rule: ScheduleRule & { amount_type: string; maximum: number | null },
  invoices: EligibleInvoice[],
  day: string,
  methodType: string | null,
): NextRun | null {
  let date = nextRunDate(rule, invoices, day);
  if (date === null && rule.schedule_type === 'weekly') {
    // No invoice yet: a weekly rule still has a next day, which is worth telling.
    const candidate = addDays(day, ((((rule.weekday ?? 1) - isoWeekday(day)) % 7) + 7) % 7);
    if (rule.effective_until === null || candidate <= rule.effective_until) date = candidate;
  }
  if (date === null) return null;
  return {
    date,
    invoices: invoices
      .filter((invoice) => dueOn(rule, invoice, date))
      .map((invoice) => ({
        invoiceNumber: invoice.number,
        dueDate: invoice.due_date,
        amountDue: { amount: invoice.amount_due, currency: invoice.currency },
        action:
          rule.amount_type === 'up_to' && invoice.amount_due > rule.maximum!
            ? 'skip_over_maximum'
            : methodType && !methodAllowed(invoice.country, methodType, invoice.type)
              ? 'method_not_allowed'
              : 'pay',
      })),
  };
}

async function recentOutcomes(sql: Sql, ruleId: string): Promise<InvoiceOutcome[]> {
  const rows = await sql.query<{
    number: string;
    amount_due: number;
    currency: string;
    outcome: InvoiceOutcome['outcome'];
    run_date: string;
    confirmation_number: string | null;
    failure_code: string | null;
  }>(
    `select i.number, o.amount_due as amount_due, o.currency, o.outcome, o.run_date::text as run_date,
            p.confirmation_number, coalesce(o.failure_code, p.failure_code) as failure_code
       from autopay_outcomes o join invoices i on i.id = o.invoice_id left join payments p on p.id = o.payment_id
      where o.rule_id = $1 and o.outcome <> 'claimed'
      order by o.run_date desc, o.updated_at desc limit 5`,
    [ruleId],
  );
  return rows.map((r) => ({
    invoiceNumber: r.number,
    amountDue: { amount: r.amount_due, currency: r.currency },
    outcome: r.outcome,
    date: r.run_date,
    confirmationNumber: r.confirmation_number,
    failureCode: r.failure_code,
  }));
}

async function present(services: Services, sql: Sql, caller: Caller, row: RuleRow): Promise<AutopayRule> {
  const live = row.status === 'active';
  return {
    id: row.id,
    scope: { type: row.scope_type, number: row.number, name: row.name, currency: row.currency },
    methodId: row.method_id,
    method: row.m_type ? { type: row.m_type, brand: row.m_brand, last4: row.m_last4 } : null,
    amount:
      row.amount_type === 'up_to'
        ? { type: 'up_to', maximum: { amount: row.maximum!, currency: row.currency } }
        : { type: 'total_due' },
    schedule:
      row.schedule_type === 'weekly'
        ? { type: 'weekly', weekday: row.weekday! }
        : { type: 'days_before_due', days: row.days_before! },
    effectiveUntil: row.effective_until,
    status: row.status,
    suspendedReason: row.suspended_reason,
    agreement: {
      version: row.agreement_version,
      acceptedBy: row.accepted_by_name,
      acceptedAt: row.accepted_at,
    },
    createdAt: row.created_at,
    editable: can(caller.role, 'autopay:write') && row.status !== 'ended',
    nextRun: live ? nextRun(row, await eligibleInvoices(sql, row, row.id), today(services), row.m_type) : null,
    recent: await recentOutcomes(sql, row.id),
  };
}

export async function listRules(services: Services, caller: Caller): Promise<AutopayRuleList> {
  const sql = services.db;
  const rows = await sql.query<RuleRow>(
    `${RULE_SELECT} where ${VISIBLE} and r.status <> 'ended' order by 5`,
    visibleParams(caller),
  );
  const items = await Promise.all(rows.map((row) => present(services, sql, caller, row)));
  const available = await sql.query<{ type: 'account' | 'plan'; number: string; name: string; currency: string }>(
    `select 'account' as type, a.number, a.name, a.currency from accounts a
      where a.company_id = $1 and a.id = any($2::uuid[])
        and not exists (select 1 from autopay_rules r where r.account_id = a.id and r.status <> 'ended')
     union all
     select 'plan' as type, p.number, p.name, p.currency from plans p
      where p.company_id = $1 and ($3::boolean or p.number = any($4::text[]))
        and not exists (select 1 from autopay_rules r where r.plan_id = p.id and r.status <> 'ended')
     order by 1, 2`,
    visibleParams(caller),
  );
  return { items, available };
}

interface ResolvedScope {
  company_id: string;
  account_id: string | null;
  plan_id: string | null;
  currency: string;
}

/** The account or plan of a request, if the caller may see it; anything else is "not found". */
async function resolveScope(sql: Sql, caller: Caller, scope: AutopayRuleRequest['scope']): Promise<ResolvedScope> {
  const [row] =
    scope.type === 'account'
      ? await sql.query<ResolvedScope>(
          `select company_id, id as account_id, null as plan_id, currency from accounts
            where number = $1 and company_id = $2 and id = any($3::uuid[])`,
          [scope.number, caller.companyId, caller.visibleAccountIds],
        )
      : await sql.query<ResolvedScope>(
          `select company_id, null as account_id, id as plan_id, currency from plans
            where number = $1 and company_id = $2 and ($3::boolean or number = any($4::text[]))`,
          [scope.number, caller.companyId, caller.scopeAll, caller.scopePlans],
        );
  if (!row) throw new ProblemError(404, 'not_found', { fieldErrors: { scope: 'invalid_value' } });
  return row;
}

/**
 * Every refusal of a rule request, before anything is written: the maximum,
 * its currency, the end date, the agreement version and the method.
 * `keepMethodId` is a rule's current method, which may stay even when it is
 * another user's (an administrator editing a manager's rule).
 */
async function check(
  services: Services,
  tx: Sql,
  caller: Caller,
  body: AutopayRuleRequest,
  scope: ResolvedScope,
  keepMethodId: string | null,
): Promise<void> {
  if (body.amount.type === 'up_to') {
    if (body.amount.maximum.amount <= 0) {
      throw new ProblemError(422, 'maximum_not_positive', { fieldErrors: { 'amount.maximum.amount': 'not_positive' } });
    }
    if (body.amount.maximum.currency !== scope.currency) {
      throw new ProblemError(422, 'currency_mismatch', {
        fieldErrors: { 'amount.maximum.currency': 'currency_mismatch' },
        detail: scope.currency,
      });
    }
  }
  if (body.effectiveUntil !== null && body.effectiveUntil < today(services)) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { effectiveUntil: 'in_past' } });
  }
  if (body.agreementVersion !== AUTOPAY_AGREEMENT.version) {
    throw new ProblemError(409, 'agreement_outdated', {
      fieldErrors: { agreementVersion: 'invalid_value' },
      detail: AUTOPAY_AGREEMENT.version,
    });
  }
  const [method] = await tx.query<{ exp_month: number | null; exp_year: number | null; removed: boolean }>(
    `select exp_month, exp_year, removed_at is not null as removed from payment_methods
      where id = $1 and company_id = $2 and (user_id = $3 or id = $4)`,
    [body.methodId, caller.companyId, caller.id, keepMethodId],
  );
  const problem = !method
    ? 'invalid_value'
    : method.removed
      ? 'method_removed'
      : method.exp_month !== null && cardExpired(method.exp_month, method.exp_year!, services.now())
        ? 'method_expired'
        : null;
  if (problem) throw new ProblemError(422, 'method_unusable', { fieldErrors: { methodId: problem } });
}

/** Whether a request keeps a rule's amount, schedule and end date as they are. */
function sameTerms(rule: RuleRow, body: AutopayRuleRequest): boolean {
  const [methodId, amountType, maximum, scheduleType, days, weekday, until] = ruleColumns(body);
  return (
    methodId === rule.method_id &&
    amountType === rule.amount_type &&
    (maximum ?? null) === (rule.maximum ?? null) &&
    scheduleType === rule.schedule_type &&
    (days ?? null) === (rule.days_before ?? null) &&
    (weekday ?? null) === (rule.weekday ?? null) &&
    (until ?? null) === (rule.effective_until ?? null)
  );
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';
const ruleExists = () => new ProblemError(409, 'autopay_rule_exists', { fieldErrors: { scope: 'rule_exists' } });

function ruleColumns(body: AutopayRuleRequest) {
  return [
    body.methodId,
    body.amount.type,
    body.amount.type === 'up_to' ? body.amount.maximum.amount : null,
    body.schedule.type,
    body.schedule.type === 'days_before_due' ? body.schedule.days : null,
    body.schedule.type === 'weekly' ? body.schedule.weekday : null,
    body.effectiveUntil,
    body.agreementVersion,
  ];
}

async function ruleView(services: Services, sql: Sql, caller: Caller, id: string): Promise<AutopayRule> {
  const [row] = await sql.query<RuleRow>(`${RULE_SELECT} where r.id = $1`, [id]);
  return present(services, sql, caller, row!);
}

export async function createRule(services: Services, caller: Caller, body: AutopayRuleRequest): Promise<AutopayRule> {
  try {
    return await services.db.transaction(async (tx) => {
      const scope = await resolveScope(tx, caller, body.scope);
      await check(services, tx, caller, body, scope, null);
      const [taken] = await tx.query(
        `select 1 from autopay_rules where coalesce(account_id, plan_id) = coalesce($1::uuid, $2::uuid) and status <> 'ended'`,
        [scope.account_id, scope.plan_id],
      );
      if (taken) throw ruleExists();
      const [rule] = await tx.query<{ id: string }>(
        `insert into autopay_rules (company_id, created_by, account_id, plan_id, currency, method_id, amount_type,
                                    maximum, schedule_type, days_before, weekday, effective_until, agreement_version,
                                    accepted_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $2) returning id`,
        [caller.companyId, caller.id, scope.account_id, scope.plan_id, scope.currency, ...ruleColumns(body)],
      );
      await services.audit(tx, {
        companyId: caller.companyId,
        actorId: caller.id,
        action: 'autopay.create',
        target: rule!.id,
        data: { scope: body.scope, amount: body.amount, schedule: body.schedule, agreement: body.agreementVersion },
      });
      return ruleView(services, tx, caller, rule!.id);
    });
  } catch (error) {
    // Two users creating a rule on one scope at once: the unique index decides, and the loser hears why.
    if (isUniqueViolation(error)) throw ruleExists();
    throw error;
  }
}

/** A live rule the caller may see, locked for a change. */
async function visibleRule(tx: Sql, caller: Caller, id: string): Promise<RuleRow> {
  const [row] = await tx.query<RuleRow>(
    `${RULE_SELECT} where r.id = $5 and ${VISIBLE} and r.status <> 'ended' for update of r`,
    [...visibleParams(caller), id],
  );
  if (!row) throw notFound();
  return row;
}

export async function updateRule(
  services: Services,
  caller: Caller,
  id: string,
  body: AutopayRuleRequest,
  require: () => void,
): Promise<AutopayRule> {
  return services.db.transaction(async (tx) => {
    const rule = await visibleRule(tx, caller, id);
    require();
    if (body.scope.type !== rule.scope_type || body.scope.number !== rule.number) {
      throw new ProblemError(422, 'not_editable', { fieldErrors: { scope: 'not_editable' } });
    }
    await check(services, tx, caller, body, rule, rule.method_id);
    // Another user's card may stay on a rule only on the terms its owner accepted: new terms need the editor's own method.
    const [owner] = await tx.query<{ user_id: string }>(`select user_id from payment_methods where id = $1`, [
      body.methodId,
    ]);
    if (owner && owner.user_id !== caller.id && !sameTerms(rule, body)) {
      throw new ProblemError(422, 'method_unusable', { fieldErrors: { methodId: 'not_allowed' } });
    }
    // A usable method resumes a suspended rule: that is how a user fixes one.
    await tx.query(
      `update autopay_rules
          set method_id = $2, amount_type = $3, maximum = $4, schedule_type = $5, days_before = $6, weekday = $7,
              effective_until = $8, agreement_version = $9, accepted_by = $10, accepted_at = now(),
              status = 'active', suspended_reason = null, updated_at = now()
        where id = $1`,
      [id, ...ruleColumns(body), caller.id],
    );
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'autopay.update',
      target: id,
      data: { amount: body.amount, schedule: body.schedule, agreement: body.agreementVersion },
    });
    return ruleView(services, tx, caller, id);
  });
}

export async function cancelRule(services: Services, caller: Caller, id: string, require: () => void): Promise<void> {
  await services.db.transaction(async (tx) => {
    await visibleRule(tx, caller, id);
    require();
    await tx.query(`update autopay_rules set status = 'ended', updated_at = now() where id = $1`, [id]);
    await services.audit(tx, { companyId: caller.companyId, actorId: caller.id, action: 'autopay.cancel', target: id });
  });
}

/** What a rule would do next, without writing anything. On a scope with a rule, that rule's start counts. */
export async function previewRule(
  services: Services,
  caller: Caller,
  body: AutopayRuleRequest,
): Promise<{ nextRun: NextRun | null }> {
  const sql = services.db;
  const scope = await resolveScope(sql, caller, body.scope);
  const [existing] = await sql.query<{ id: string; method_id: string | null }>(
    `select id, method_id from autopay_rules
      where coalesce(account_id, plan_id) = coalesce($1::uuid, $2::uuid) and status <> 'ended'`,
    [scope.account_id, scope.plan_id],
  );
  // The agreement is accepted when saving; a preview only needs the rest to be right.
  const checked = { ...body, agreementVersion: AUTOPAY_AGREEMENT.version };
  await check(services, sql, caller, checked, scope, existing?.method_id ?? null);
  const rule = {
    schedule_type: body.schedule.type,
    days_before: body.schedule.type === 'days_before_due' ? body.schedule.days : null,
    weekday: body.schedule.type === 'weekly' ? body.schedule.weekday : null,
    effective_until: body.effectiveUntil,
    amount_type: body.amount.type,
    maximum: body.amount.type === 'up_to' ? body.amount.maximum.amount : null,
  };
  const invoices = await eligibleInvoices(sql, scope, existing?.id ?? null);
  const [method] = await sql.query<{ type: string }>(`select type from payment_methods where id = $1`, [body.methodId]);
  return { nextRun: nextRun(rule, invoices, today(services), method?.type ?? null) };
}
