/**
 * The AutoPay runner: on a day D, pays the invoices each active rule has
 * fallen due for (see `schedule.ts`), skips those over the rule's maximum,
 * and first takes rules out of service when they can no longer pay.
 *
 * Several server instances (and `npm run ops -- run-autopay`) may run it at
 * the same moment over one PostgreSQL. What makes that safe is the primary
 * key of `autopay_outcomes`: an invoice is worked on only by the run whose
 * `insert … on conflict do nothing` created its row (the claim). Every other
 * transition is a conditional UPDATE (`where status = 'active'`, `where
 * outcome = 'claimed'`) that only one instance can win, and the payment
 * itself carries the idempotency key `autopay:<invoice id>`, so a run that
 * takes over a crashed claim finishes the same payment, never a second one.
 */
import type { Sql } from '../db/db.js';
import { ProblemError } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { chargePayment, preparePayment, type Payer } from '../payments/payments.js';
import { addDays, dueOn, type ScheduleRule } from './schedule.js';
import { eligibleInvoices, PAYABLE, type EligibleInvoice } from './eligible.js';

export type AutopayOutcome = 'paid' | 'scheduled' | 'skipped_over_maximum' | 'failed';

/** What a run did with one invoice. */
export interface AutopayInvoiceResult {
  invoiceNumber: string;
  accountNumber: string;
  dueDate: string;
  amountDue: number;
  currency: string;
  ruleId: string;
  outcome: AutopayOutcome;
  confirmationNumber: string | null;
  failureCode: string | null;
}

export interface AutopayRunResult {
  /** The `autopay_runs` row; null when an idle interval run was not recorded. */
  runId: string | null;
  day: string;
  instance: string;
  ended: string[];
  suspended: { ruleId: string; reason: 'method_removed' | 'method_expired' }[];
  invoices: AutopayInvoiceResult[];
}

export interface AutopayRunOptions {
  /** Names this process in `autopay_runs`; default `AUTOPAY_INSTANCE` or `hostname:pid`. */
  instance?: string;
  /** Record a run that found nothing to do (default true; the interval passes false to keep the table small). */
  recordIdle?: boolean;
}

/** A claim untouched this long belongs to a run that died half-way; a later run finishes it. */
export const STALE_CLAIM_SECONDS = 60;

interface RuleRow extends ScheduleRule {
  id: string;
  company_id: string;
  /**
   * Who pays: the owner of the rule's method, whose wallet it is. That is the
   * rule's creator, unless another user since edited the rule onto their own method.
   */
  payer_id: string;
  account_id: string | null;
  plan_id: string | null;
  method_id: string;
  amount_type: 'total_due' | 'up_to';
  maximum: number | null;
  currency: string;
}

// What paying needs; the type and country only matter to the preview.
type CandidateRow = Omit<EligibleInvoice, 'type' | 'country'>;

/**
 * `AUTOPAY_INSTANCE`, else `hostname:pid`. Looked up only when a run is not
 * given a name, and without a static `node:os` import: the runner also runs
 * in a browser page (Storybook's in-page server, which names its runs), where
 * there is no process and no OS. `getBuiltinModule` (Node ≥ 20.16) loads the
 * module at call time, so bundlers never see it.
 */
export function defaultInstance(): string {
  const node = globalThis.process as NodeJS.Process | undefined;
  const named = node?.env['AUTOPAY_INSTANCE'];
  if (named) return named;
  const os = node?.getBuiltinModule?.('node:os');
  if (!node || !os) throw new Error('Outside Node, name the AutoPay run: runAutopay(…, { instance })');
  return `${os.hostname()}:${node.pid}`;
}

const todayOf = (services: Services) => services.now().toISOString().slice(0, 10);

/**
 * Services whose clock reads `day`: payments check their processing date
 * against "today", so a run for another day (ops `--date`) must see that day
 * as today, or every payment would be refused as out of its window.
 */
function asOf(services: Services, day: string): Services {
  if (todayOf(services) === day) return services;
  return { ...services, now: () => new Date(`${day}T12:00:00Z`) };
}

/** Runs AutoPay for `day` (default: the services' today). Safe to call again, and from several instances at once. */
export async function runAutopay(
  services: Services,
  day: string = todayOf(services),
  options: AutopayRunOptions = {},
): Promise<AutopayRunResult> {
  const clock = asOf(services, day);
  const instance = options.instance ?? defaultInstance();
  const result: AutopayRunResult = { runId: null, day, instance, ended: [], suspended: [], invoices: [] };
  // The run row is written on first need, so that idle interval runs leave no trace.
  let runId: Promise<string> | undefined;
  const ensureRun = () =>
    (runId ??= services.db
      .query<{ id: string }>('insert into autopay_runs (run_date, instance) values ($1, $2) returning id', [
        day,
        instance,
      ])
      .then(([row]) => (result.runId = row!.id)));
  if (options.recordIdle ?? true) await ensureRun();

  result.ended = await endRules(clock, day);
  result.suspended = await suspendRules(clock, day);

  for (const stale of await staleClaims(clock, ensureRun)) {
    const done = await settleStale(clock, stale.rule, stale.invoice, stale.runId, day);
    if (done) result.invoices.push(done);
  }

  const rules = await services.db.query<RuleRow>(
    // Account rules first: where an account has its own rule and its plan has one too, the account's pays.
    `select r.id, r.company_id, coalesce(m.user_id, r.created_by) as payer_id, r.account_id, r.plan_id, r.method_id,
            r.amount_type, r.maximum, r.currency, r.schedule_type, r.days_before, r.weekday, r.effective_until
       from autopay_rules r left join payment_methods m on m.id = r.method_id
      where r.status = 'active' and (r.effective_until is null or r.effective_until >= $1::date)
      order by r.account_id is null, r.created_at, r.id`,
    [day],
  );
  for (const rule of rules) {
    for (const invoice of await candidates(services.db, rule, day)) {
      if (!dueOn(rule, invoice, day)) continue;
      const id = await ensureRun();
      const done = await claimAndSettle(clock, rule, invoice, id, day);
      if (done) result.invoices.push(done);
    }
  }

  if (result.ended.length || result.suspended.length || result.invoices.length) await ensureRun();
  if (runId) {
    const count = (...outcomes: AutopayOutcome[]) => result.invoices.filter((i) => outcomes.includes(i.outcome)).length;
    await services.db.query(
      `update autopay_runs set finished_at = now(), paid = $2, skipped = $3, failed = $4, suspended = $5 where id = $1`,
      [
        await runId,
        count('paid', 'scheduled'),
        count('skipped_over_maximum'),
        count('failed'),
        result.suspended.length,
      ],
    );
  }
  return result;
}

/** Rules past their last day end, suspended or not: they free their account or plan for a new rule. */
async function endRules(services: Services, day: string): Promise<string[]> {
  return services.db.transaction(async (tx) => {
    // `status <> 'ended'` is re-checked under the row lock: of two instances, one ends each rule.
    const rows = await tx.query<{ id: string; company_id: string; effective_until: string }>(
      `update autopay_rules set status = 'ended', updated_at = now()
        where status <> 'ended' and effective_until < $1::date
        returning id, company_id, effective_until`,
      [day],
    );
    for (const row of rows) {
      await services.audit(tx, {
        companyId: row.company_id,
        actorId: null,
        action: 'autopay.rule_ended',
        target: row.id,
        data: { effectiveUntil: row.effective_until, runDate: day },
      });
    }
    return rows.map((r) => r.id);
  });
}

/**
 * Rules that cannot pay any more are suspended with the reason shown to the
 * user: the method was removed from the wallet, or the card has expired as of
 * `day` (a card is good through the last day of its expiry month).
 */
async function suspendRules(services: Services, day: string): Promise<AutopayRunResult['suspended']> {
  const month = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
  return services.db.transaction(async (tx) => {
    const rows = await tx.query<{
      id: string;
      company_id: string;
      suspended_reason: 'method_removed' | 'method_expired';
    }>(
      `update autopay_rules r
          set status = 'suspended', updated_at = now(),
              suspended_reason = case when m.id is null or m.removed_at is not null then 'method_removed'
                                      else 'method_expired' end
         from autopay_rules s left join payment_methods m on m.id = s.method_id
        where r.id = s.id and r.status = 'active'
          and (m.id is null or m.removed_at is not null
               or (m.type = 'card' and m.exp_year * 12 + m.exp_month < $1))
        returning r.id, r.company_id, r.suspended_reason`,
      [month],
    );
    for (const row of rows) {
      await services.audit(tx, {
        companyId: row.company_id,
        actorId: null,
        action: 'autopay.rule_suspended',
        target: row.id,
        data: { reason: row.suspended_reason, runDate: day },
      });
    }
    return rows.map((r) => ({ ruleId: r.id, reason: r.suspended_reason }));
  });
}

/**
 * The invoices `rule` may pay as of `day`, before the schedule decides which
 * are due: its account's, or its plan's accounts'; debits still owing, in a
 * payable status, issued after the rule was made, not yet seen by AutoPay.
 * The date conditions here only narrow the rows read; `dueOn` decides. The
 * rule's creation time is compared in SQL: read into JavaScript it would lose
 * its microseconds.
 */
async function candidates(sql: Sql, rule: RuleRow, day: string): Promise<CandidateRow[]> {
  const latestDue = rule.schedule_type === 'days_before_due' ? addDays(day, rule.days_before ?? 0) : null;
  return eligibleInvoices(sql, rule, rule.id, { day, latestDue });
}

/**
 * The rule's terms as they are now, locked against a change until the claim
 * commits: a rule cancelled, ended or given a lower maximum while a run was
 * under way must not pay by its old terms. Null when it no longer pays.
 */
async function currentTerms(tx: Sql, rule: RuleRow, day: string): Promise<RuleRow | null> {
  const [row] = await tx.query<Pick<RuleRow, 'payer_id' | 'method_id' | 'amount_type' | 'maximum'>>(
    `select coalesce(m.user_id, r.created_by) as payer_id, r.method_id, r.amount_type, r.maximum
       from autopay_rules r left join payment_methods m on m.id = r.method_id
      where r.id = $1 and r.status = 'active' and (r.effective_until is null or r.effective_until >= $2::date)
      for share of r`,
    [rule.id, day],
  );
  return row ? { ...rule, ...row } : null;
}

/** Claims `invoice` for this run; only the run that inserts the outcome row goes on. */
async function claim(tx: Sql, rule: RuleRow, invoice: CandidateRow, runId: string, day: string): Promise<boolean> {
  // The account stays the rule's company's until the claim commits (cancelling enrolment waits, then sees it).
  const [account] = await tx.query<{ company_id: string | null }>(
    `select a.company_id from accounts a join invoices i on i.account_id = a.id where i.id = $1 for share of a`,
    [invoice.id],
  );
  if (account?.company_id !== rule.company_id) return false;
  // The insert re-checks the invoice: one paid by hand since it was read is not claimed at all.
  const rows = await tx.query(
    `insert into autopay_outcomes (invoice_id, rule_id, run_id, run_date, outcome, amount_due, currency)
     select i.id, $2, $3, $4, 'claimed', i.amount_due, i.currency from invoices i
      where i.id = $1 and i.amount_due = $5 and i.status = any($6::text[]) and i.company_id = $7
     on conflict (invoice_id) do nothing returning invoice_id`,
    [invoice.id, rule.id, runId, day, invoice.amount_due, PAYABLE, rule.company_id],
  );
  return rows.length === 1;
}

async function claimAndSettle(
  services: Services,
  rule: RuleRow,
  invoice: CandidateRow,
  runId: string,
  day: string,
): Promise<AutopayInvoiceResult | null> {
  // The claim commits before any payment starts, so every other run sees it. Over the maximum (as the rule
  // says now), the invoice is claimed and skipped in that one transaction: never partially paid, nothing charged.
  type Claimed = { done: AutopayInvoiceResult | null } | { pay: RuleRow } | null;
  const claimed = await services.db.transaction(async (tx): Promise<Claimed> => {
    const terms = await currentTerms(tx, rule, day);
    if (!terms || !(await claim(tx, terms, invoice, runId, day))) return null;
    if (terms.amount_type === 'up_to' && invoice.amount_due > terms.maximum!) {
      return { done: await finish(tx, services, terms, invoice, { outcome: 'skipped_over_maximum' }) };
    }
    return { pay: terms };
  });
  if (!claimed) return null;
  if ('done' in claimed) return claimed.done;
  return settleClaim(services, claimed.pay, invoice, runId);
}

interface Settled {
  outcome: AutopayOutcome;
  paymentId?: string | null;
  confirmationNumber?: string | null;
  failureCode?: string | null;
}

/** Pays a claimed invoice in full and records the outcome; null when another run recorded it first. */
async function settleClaim(
  services: Services,
  rule: RuleRow,
  invoice: CandidateRow,
  runId: string,
): Promise<AutopayInvoiceResult | null> {
  const key = `autopay:${invoice.id}`;
  let settled: Settled | null;
  try {
    settled = await pay(services, rule, invoice, key);
  } catch (error) {
    // Not a refusal but a fault (database, network): the claim stays, and a later run retries it.
    services.log.error('autopay payment failed', {
      invoice: invoice.number,
      run: runId,
      error: String((error as Error)?.message ?? error),
    });
    return null;
  }
  if (!settled) return null;
  const outcome = settled;
  return services.db.transaction((tx) => finish(tx, services, rule, invoice, outcome));
}

/** Payment states as AutoPay outcomes; null while the payment is still being decided. */
async function paymentOutcome(sql: Sql, paymentId: string): Promise<Settled | null> {
  const [row] = await sql.query<{ status: string; confirmation_number: string; failure_code: string | null }>(
    'select status, confirmation_number, failure_code from payments where id = $1',
    [paymentId],
  );
  if (!row || row.status === 'authorizing') return null;
  const base = { paymentId, confirmationNumber: row.confirmation_number };
  // A bank debit is 'processing' until it settles: the money is on its way, so AutoPay did pay.
  if (row.status === 'completed' || row.status === 'processing') return { ...base, outcome: 'paid' };
  if (row.status === 'scheduled') return { ...base, outcome: 'scheduled' };
  return { ...base, outcome: 'failed', failureCode: row.failure_code ?? row.status };
}

/**
 * The payment of one invoice under the key `autopay:<invoice id>`: created
 * once, or — after a crash, or when two runs race for a stale claim — the
 * one that exists is charged and finished instead of a second being made.
 */
async function pay(services: Services, rule: RuleRow, invoice: CandidateRow, key: string): Promise<Settled | null> {
  const existing = async () =>
    (await services.db.query<{ id: string }>('select id from payments where idempotency_key = $1', [key]))[0]?.id;
  let paymentId = await existing();
  if (!paymentId) {
    const payer: Payer = {
      companyId: rule.company_id,
      userId: rule.payer_id,
      kind: 'autopay',
      // The rule pays this invoice and nothing else.
      visibleInvoiceIds: async (numbers) =>
        new Map(numbers.includes(invoice.number) ? [[invoice.number, invoice.id]] : []),
    };
    try {
      const prepared = await preparePayment(
        services,
        payer,
        {
          invoices: [{ number: invoice.number, amount: invoice.amount_due }],
          processingDate: todayOf(services),
          source: { methodId: rule.method_id },
        },
        key,
      );
      paymentId = prepared.paymentId;
    } catch (error) {
      // Another run may have prepared it meanwhile (the invoice then looks "already paid"): follow that payment.
      paymentId = await existing();
      if (!paymentId) {
        if (error instanceof ProblemError) return { outcome: 'failed', failureCode: error.problem.code };
        throw error;
      }
    }
  }
  await chargePayment(services, paymentId);
  return paymentOutcome(services.db, paymentId);
}

/** Records the outcome of a claim (once: the first to record it wins) with its audit record. */
async function finish(
  tx: Sql,
  services: Services,
  rule: RuleRow,
  invoice: CandidateRow,
  settled: Settled,
): Promise<AutopayInvoiceResult | null> {
  const rows = await tx.query(
    `update autopay_outcomes set outcome = $2, payment_id = $3, failure_code = $4, updated_at = now()
      where invoice_id = $1 and outcome = 'claimed' returning invoice_id`,
    [invoice.id, settled.outcome, settled.paymentId ?? null, settled.failureCode ?? null],
  );
  if (!rows.length) return null;
  // The invoice list marks what AutoPay paid.
  if (settled.outcome === 'paid' || settled.outcome === 'scheduled') {
    await tx.query('update invoices set autopay = true where id = $1', [invoice.id]);
  }
  await services.audit(tx, {
    companyId: rule.company_id,
    actorId: null,
    action:
      settled.outcome === 'skipped_over_maximum' ? 'autopay.invoice_skipped' : `autopay.invoice_${settled.outcome}`,
    target: invoice.number,
    data: {
      rule: rule.id,
      amountDue: invoice.amount_due,
      currency: invoice.currency,
      ...(rule.maximum !== null ? { maximum: rule.maximum } : {}),
      ...(settled.paymentId ? { payment: settled.paymentId } : {}),
      ...(settled.failureCode ? { failureCode: settled.failureCode } : {}),
    },
  });
  return {
    invoiceNumber: invoice.number,
    accountNumber: invoice.account_number,
    dueDate: invoice.due_date,
    amountDue: invoice.amount_due,
    currency: invoice.currency,
    ruleId: rule.id,
    outcome: settled.outcome,
    confirmationNumber: settled.confirmationNumber ?? null,
    failureCode: settled.failureCode ?? null,
  };
}

/**
 * A claim a crashed run left: a payment it already prepared is finished (the
 * gateway's idempotency makes that the same charge); otherwise it is paid only
 * if the rule still pays, and recorded as failed (`rule_ended`) if not.
 */
async function settleStale(
  services: Services,
  rule: RuleRow,
  invoice: CandidateRow,
  runId: string,
  day: string,
): Promise<AutopayInvoiceResult | null> {
  const [prepared] = await services.db.query('select 1 from payments where idempotency_key = $1', [
    `autopay:${invoice.id}`,
  ]);
  if (prepared) return settleClaim(services, rule, invoice, runId);
  const terms = await services.db.transaction(async (tx) => {
    const current = await currentTerms(tx, rule, day);
    if (current) return current;
    await finish(tx, services, rule, invoice, { outcome: 'failed', failureCode: 'rule_ended' });
    return null;
  });
  return terms ? settleClaim(services, terms, invoice, runId) : null;
}

/**
 * Claims left 'claimed' longer than `STALE_CLAIM_SECONDS` by a run that died.
 * Each is taken over with a conditional update, so one run alone retries it.
 * Their age is measured on the database's clock, the one all instances share.
 */
async function staleClaims(
  services: Services,
  ensureRun: () => Promise<string>,
): Promise<{ rule: RuleRow; invoice: CandidateRow; runId: string }[]> {
  const rows = await services.db.query<RuleRow & CandidateRow & { rule_id: string; invoice_id: number }>(
    `select o.invoice_id, o.amount_due, o.currency, r.id as rule_id, r.company_id,
            coalesce(m.user_id, r.created_by) as payer_id, r.account_id, r.plan_id, r.method_id, r.amount_type,
            r.maximum, r.schedule_type, r.days_before, r.weekday, r.effective_until, i.number, i.account_number, i.due_date, i.invoice_date
       from autopay_outcomes o join autopay_rules r on r.id = o.rule_id join invoices i on i.id = o.invoice_id
            left join payment_methods m on m.id = r.method_id
      where o.outcome = 'claimed' and o.updated_at < now() - make_interval(secs => $1)
      order by o.invoice_id limit 100`,
    [STALE_CLAIM_SECONDS],
  );
  const taken = [];
  for (const row of rows) {
    // The claim moves to this run, which will record what became of it.
    const runId = await ensureRun();
    const [won] = await services.db.query(
      `update autopay_outcomes set updated_at = now(), run_id = $3
        where invoice_id = $1 and outcome = 'claimed' and updated_at < now() - make_interval(secs => $2)
        returning invoice_id`,
      [row.invoice_id, STALE_CLAIM_SECONDS, runId],
    );
    if (!won) continue;
    taken.push({
      runId,
      rule: { ...row, id: row.rule_id },
      invoice: {
        id: row.invoice_id,
        number: row.number,
        account_number: row.account_number,
        due_date: row.due_date,
        invoice_date: row.invoice_date,
        amount_due: row.amount_due,
        currency: row.currency,
      },
    });
  }
  return taken;
}
