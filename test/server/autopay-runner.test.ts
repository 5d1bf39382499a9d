/**
 * The AutoPay runner on a real database (PGlite here, PostgreSQL in CI's
 * second pass), charging through the test gateway. Rules and invoices are
 * written straight into the tables: the rule API has its own tests, and this
 * file is about what a run does with what it finds.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createServices } from '../../server/app.js';
import { runAutopay } from '../../server/autopay/runner.js';
import { addDays, isoWeekday } from '../../server/autopay/schedule.js';
import type { Db } from '../../server/db/db.js';
import { silentLogger, type Services } from '../../server/http/services.js';
import { issueInvoices } from '../../server/db/issue-invoices.js';
import { preparePayment } from '../../server/payments/payments.js';
import { startScheduler } from '../../server/payments/scheduler.js';
import { autopayFixtures } from '../helpers/autopay.js';
import { freshDatabase, today } from '../helpers/database.js';

let db: Db;
let services: Services;
let fixtures: ReturnType<typeof autopayFixtures>;
const addCard: (typeof fixtures)['addCard'] = (...args) => fixtures.addCard(...args);
const addRule: (typeof fixtures)['addRule'] = (rule) => fixtures.addRule(rule);
const addInvoice: (typeof fixtures)['addInvoice'] = (invoice) => fixtures.addInvoice(invoice);
const userUuid: (typeof fixtures)['userUuid'] = (userId) => fixtures.userUuid(userId);

beforeEach(async () => {
  db = await freshDatabase();
  services = createServices({ db, log: silentLogger });
  fixtures = autopayFixtures(db, services.gateway);
});
afterEach(() => db.close());

async function invoiceState(number: string) {
  const [row] = await db.query<{
    status: string;
    amount_due: number;
    autopay: boolean;
    outcome: string | null;
    failure_code: string | null;
    rule_id: string | null;
    payments: number;
    charges: number;
  }>(
    `select i.status, i.amount_due, i.autopay, o.outcome, o.failure_code, o.rule_id,
            (select count(*)::int from payment_allocations a where a.invoice_id = i.id) as payments,
            (select count(*)::int from test_gateway_charges c
              where c.idempotency_key in (select payment_id::text from payment_allocations a where a.invoice_id = i.id)) as charges
       from invoices i left join autopay_outcomes o on o.invoice_id = i.id where i.number = $1`,
    [number],
  );
  return row!;
}

const audits = (action: string, target: string) =>
  db.query<{ data: Record<string, unknown> | null; actor_id: string | null }>(
    'select data, actor_id from audit_log where action = $1 and target = $2',
    [action, target],
  );

const day = today();

describe('AutoPay runner', () => {
  test('pays each due invoice in full once, by the rule’s method, and a rerun the same day does nothing', async () => {
    const method = await addCard();
    const rule = await addRule({ account: '4R7X21', method, daysBefore: 3 });
    const due = await addInvoice({ account: '4R7X21', amount: 12_345, due: addDays(day, 3) });
    const pastDue = await addInvoice({ account: '4R7X21', amount: 2_000, due: addDays(day, -5) });
    const later = await addInvoice({ account: '4R7X21', amount: 9_999, due: addDays(day, 4) });

    const run = await runAutopay(services, day, { instance: 'test-a' });
    assert.deepEqual(run.invoices.map((i) => [i.invoiceNumber, i.outcome]).sort(), [
      [due, 'paid'],
      [pastDue, 'paid'],
    ]);
    for (const number of [due, pastDue]) {
      const state = await invoiceState(number);
      assert.deepEqual(
        { ...state, rule_id: state.rule_id === rule },
        {
          status: 'paid',
          amount_due: 0,
          autopay: true,
          outcome: 'paid',
          failure_code: null,
          rule_id: true,
          payments: 1,
          charges: 1,
        },
      );
    }
    const [payment] = await db.query<{
      kind: string;
      amount: number;
      method_id: string;
      created_by: string;
      key: string;
    }>(
      `select p.kind, p.amount, p.method_id, p.created_by, p.idempotency_key as key from payments p
         join payment_allocations a on a.payment_id = p.id join invoices i on i.id = a.invoice_id where i.number = $1`,
      [due],
    );
    assert.equal(payment!.kind, 'autopay');
    assert.equal(payment!.amount, 12_345);
    assert.equal(payment!.method_id, method);
    assert.equal(payment!.created_by, await userUuid('admin1'));
    assert.match(payment!.key, /^autopay:\d+$/);
    assert.equal((await invoiceState(later)).status, 'open', 'not due yet: due date − 3 days is tomorrow');
    assert.equal((await invoiceState(later)).outcome, null);

    const [recorded] = await db.query<{ instance: string; paid: number; finished: boolean }>(
      'select instance, paid, finished_at is not null as finished from autopay_runs where id = $1',
      [run.runId],
    );
    assert.deepEqual(recorded, { instance: 'test-a', paid: 2, finished: true });
    const [audit] = await audits('autopay.invoice_paid', due);
    assert.equal(audit!.data!['rule'], rule);
    assert.equal(audit!.data!['amountDue'], 12_345);

    const again = await runAutopay(services, day, { recordIdle: false });
    assert.deepEqual(again.invoices, []);
    assert.equal(again.runId, null, 'an idle interval run leaves no row');
    assert.equal((await invoiceState(due)).charges, 1);
    const [count] = await db.query<{ n: number }>('select count(*)::int as n from autopay_outcomes');
    assert.equal(count!.n, 2);
  });

  test('an invoice over the maximum is skipped and never charged; one under it is paid', async () => {
    await addRule({ account: '4R7X21', method: await addCard(), maximum: 10_000 });
    const over = await addInvoice({ account: '4R7X21', amount: 10_001, due: day });
    const under = await addInvoice({ account: '4R7X21', amount: 10_000, due: day });

    const run = await runAutopay(services, day);
    assert.deepEqual(Object.fromEntries(run.invoices.map((i) => [i.invoiceNumber, i.outcome])), {
      [over]: 'skipped_over_maximum',
      [under]: 'paid',
    });
    const skipped = await invoiceState(over);
    assert.deepEqual(
      [skipped.status, skipped.amount_due, skipped.autopay, skipped.outcome, skipped.payments, skipped.charges],
      ['open', 10_001, false, 'skipped_over_maximum', 0, 0],
    );
    const [audit] = await audits('autopay.invoice_skipped', over);
    assert.deepEqual([audit!.data!['amountDue'], audit!.data!['maximum']], [10_001, 10_000]);
    const [recorded] = await db.query<{ paid: number; skipped: number }>(
      'select paid, skipped from autopay_runs where id = $1',
      [run.runId],
    );
    assert.deepEqual(recorded, { paid: 1, skipped: 1 });
    // Skipped means settled for AutoPay: later runs leave it to the user.
    await runAutopay(services, addDays(day, 1));
    assert.equal((await invoiceState(over)).payments, 0);
  });

  test('rules whose method is removed, missing or expired are suspended with the reason, and pay nothing', async () => {
    const removed = await addCard();
    await db.query('update payment_methods set removed_at = now() where id = $1', [removed]);
    const [year, month] = day.split('-').map(Number) as [number, number];
    const expired = await addCard('admin1', {
      expMonth: month === 1 ? 12 : month - 1,
      expYear: month === 1 ? year - 1 : year,
    });
    const thisMonth = await addCard('admin1', { expMonth: month, expYear: year });
    const rules = {
      removed: await addRule({ account: '4R7X21', method: removed }),
      missing: await addRule({ account: 'W9E530', method: null }),
      expired: await addRule({ account: '8F2K44', method: expired }),
      thisMonth: await addRule({ account: 'F3R901', method: thisMonth }),
    };
    const invoices = {
      removed: await addInvoice({ account: '4R7X21', amount: 1_000, due: day }),
      missing: await addInvoice({ account: 'W9E530', amount: 1_000, due: day }),
      expired: await addInvoice({ account: '8F2K44', amount: 1_000, due: day }),
    };

    const run = await runAutopay(services, day);
    const reasons = Object.fromEntries(run.suspended.map((s) => [s.ruleId, s.reason]));
    assert.deepEqual(reasons, {
      [rules.removed]: 'method_removed',
      [rules.missing]: 'method_removed',
      [rules.expired]: 'method_expired',
    });
    const stored = await db.query<{ id: string; status: string; suspended_reason: string | null }>(
      'select id, status, suspended_reason from autopay_rules where id = any($1::uuid[])',
      [Object.values(rules)],
    );
    assert.deepEqual(Object.fromEntries(stored.map((r) => [r.id, `${r.status}:${r.suspended_reason}`])), {
      [rules.removed]: 'suspended:method_removed',
      [rules.missing]: 'suspended:method_removed',
      [rules.expired]: 'suspended:method_expired',
      // A card is good through the last day of its expiry month.
      [rules.thisMonth]: 'active:null',
    });
    for (const number of Object.values(invoices)) assert.equal((await invoiceState(number)).outcome, null);
    const [audit] = await audits('autopay.rule_suspended', rules.expired);
    assert.equal(audit!.data!['reason'], 'method_expired');
    const [recorded] = await db.query<{ suspended: number }>('select suspended from autopay_runs where id = $1', [
      run.runId,
    ]);
    assert.equal(recorded!.suspended, 3);

    // As of the first day of next month, the card of this month has expired too.
    const nextMonth = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    const later = await runAutopay(services, nextMonth);
    assert.deepEqual(later.suspended, [{ ruleId: rules.thisMonth, reason: 'method_expired' }]);
  });

  test('a rule past its last day ends and pays nothing; on its last day it still pays', async () => {
    const method = await addCard();
    const ended = await addRule({ account: '4R7X21', method, effectiveUntil: addDays(day, -1) });
    const lastDay = await addRule({ account: 'W9E530', method, effectiveUntil: day });
    const notPaid = await addInvoice({ account: '4R7X21', amount: 500, due: day });
    const paid = await addInvoice({ account: 'W9E530', amount: 700, due: day });

    const run = await runAutopay(services, day);
    assert.deepEqual(run.ended, [ended]);
    assert.equal((await invoiceState(notPaid)).outcome, null);
    assert.equal((await invoiceState(paid)).outcome, 'paid');
    const statuses = await db.query<{ id: string; status: string }>(
      'select id, status from autopay_rules where id = any($1::uuid[])',
      [[ended, lastDay]],
    );
    assert.deepEqual(Object.fromEntries(statuses.map((r) => [r.id, r.status])), {
      [ended]: 'ended',
      [lastDay]: 'active',
    });
    assert.equal((await audits('autopay.rule_ended', ended)).length, 1);
    assert.deepEqual((await runAutopay(services, addDays(day, 1))).ended, [lastDay]);
  });

  test('only invoices issued after the rule exists are paid', async () => {
    const before = await addInvoice({
      account: '4R7X21',
      amount: 800,
      due: day,
      createdAt: `now() - interval '1 day'`,
    });
    await addRule({ account: '4R7X21', method: await addCard() });
    const after = await addInvoice({ account: '4R7X21', amount: 900, due: day });
    const run = await runAutopay(services, day);
    assert.deepEqual(
      run.invoices.map((i) => i.invoiceNumber),
      [after],
    );
    assert.equal((await invoiceState(before)).status, 'open');
  });

  test('a weekly rule runs on its weekday and pays the invoices issued before that day', async () => {
    const weekday = isoWeekday(day);
    await addRule({ account: '4R7X21', method: await addCard(), weekday });
    const issuedBefore = await addInvoice({
      account: '4R7X21',
      amount: 1_100,
      date: addDays(day, -1),
      due: addDays(day, 20),
    });
    const issuedToday = await addInvoice({ account: '4R7X21', amount: 1_200, date: day, due: addDays(day, 20) });

    assert.deepEqual((await runAutopay(services, addDays(day, -1))).invoices, [], 'not its weekday');
    const run = await runAutopay(services, day);
    assert.deepEqual(
      run.invoices.map((i) => [i.invoiceNumber, i.outcome]),
      [[issuedBefore, 'paid']],
    );
    assert.deepEqual((await runAutopay(services, addDays(day, 1))).invoices, [], 'not its weekday');
    const nextWeek = await runAutopay(services, addDays(day, 7));
    assert.deepEqual(
      nextWeek.invoices.map((i) => [i.invoiceNumber, i.outcome]),
      [[issuedToday, 'paid']],
    );
  });

  test('a declined charge records the decline and leaves the invoice to the user', async () => {
    await addRule({ account: '4R7X21', method: await addCard('admin1', { number: '4000000000009995' }) });
    const number = await addInvoice({ account: '4R7X21', amount: 4_321, due: day });
    const run = await runAutopay(services, day);
    assert.deepEqual(
      run.invoices.map((i) => [i.outcome, i.failureCode]),
      [['failed', 'insufficient_funds']],
    );
    const state = await invoiceState(number);
    assert.deepEqual(
      [state.status, state.amount_due, state.outcome, state.failure_code, state.charges],
      ['open', 4_321, 'failed', 'insufficient_funds', 1],
    );
    assert.equal((await audits('autopay.invoice_failed', number))[0]!.data!['failureCode'], 'insufficient_funds');
    await runAutopay(services, day);
    assert.equal((await invoiceState(number)).charges, 1, 'not tried again');
  });

  test('a plan rule pays its accounts’ invoices; an account’s own rule takes precedence', async () => {
    const method = await addCard();
    const planRule = await addRule({ plan: 'P4R7X210', method });
    const accountRule = await addRule({ account: '8F2K44', method });
    const chicago = await addInvoice({ account: 'W9E530', amount: 1_000, due: day });
    const dallas = await addInvoice({ account: '8F2K44', amount: 2_000, due: day });
    const atlanta = await addInvoice({ account: '4R7X21', amount: 3_000, due: day });
    await runAutopay(services, day);
    assert.equal((await invoiceState(chicago)).rule_id, planRule);
    assert.equal((await invoiceState(dallas)).rule_id, accountRule);
    assert.equal((await invoiceState(atlanta)).outcome, null, 'not in the plan');
  });

  test('a rule another user edited onto their own card pays from that user’s wallet', async () => {
    const managersCard = await addCard('manager1');
    await addRule({ account: '4R7X21', by: 'admin1', method: managersCard });
    const number = await addInvoice({ account: '4R7X21', amount: 6_100, due: day });
    await runAutopay(services, day);
    const [payment] = await db.query<{ created_by: string; method_id: string }>(
      `select p.created_by, p.method_id from payments p join payment_allocations a on a.payment_id = p.id
         join invoices i on i.id = a.invoice_id where i.number = $1`,
      [number],
    );
    assert.deepEqual(payment, { created_by: await userUuid('manager1'), method_id: managersCard });
    assert.equal((await invoiceState(number)).outcome, 'paid');
  });

  test('invoices issued by the ops command are new, unpaid, and paid by AutoPay when due', async () => {
    const rule = await addRule({ account: '4R7X21', method: await fixtures.addBank(), daysBefore: 3 });
    const latest = new Map(
      (
        await db.query<{ number: string; latest: string }>(
          `select a.number, max(i.invoice_date)::text as latest from accounts a join invoices i on i.account_id = a.id
            join companies c on c.id = a.company_id where c.name = 'Demo Co' group by a.number`,
        )
      ).map((r) => [r.number, r.latest]),
    );
    const [company] = await db.query<{ id: string }>(`select id from companies where name = 'Demo Co'`);
    const issued = await issueInvoices(db, { companyId: company!.id, weeks: 1, today: day, seed: 42 });

    assert.deepEqual(new Set(issued.map((i) => i.account_number)), new Set(latest.keys()), 'every account');
    for (const invoice of issued) {
      const from = [addDays(latest.get(invoice.account_number)!, 1), day].sort().at(-1)!;
      assert.ok(invoice.invoice_date >= from && invoice.invoice_date <= addDays(from, 6), JSON.stringify(invoice));
      assert.equal(invoice.autopay, invoice.amount > 0 && ['4R7X21', 'Y67V08'].includes(invoice.account_number));
    }
    const rows = await db.query<{ ok: boolean }>(
      `select i.status = 'open' and i.amount_due = i.amount and i.created_at >= r.created_at
              and not exists (select 1 from payment_allocations a where a.invoice_id = i.id) as ok
         from invoices i, autopay_rules r where r.id = $2 and i.number = any($1::text[])`,
      [issued.map((i) => i.number), rule],
    );
    assert.equal(rows.length, issued.length);
    assert.ok(
      rows.every((r) => r.ok),
      'open, owing all, created after the rule, no payment',
    );

    const debits = issued.filter((i) => i.account_number === '4R7X21' && i.amount > 0);
    const lastDue = debits
      .map((i) => i.due_date)
      .sort()
      .at(-1)!;
    const run = await runAutopay(services, addDays(lastDue, -3));
    assert.deepEqual(
      run.invoices
        .filter((i) => i.accountNumber === '4R7X21')
        .map((i) => [i.invoiceNumber, i.outcome])
        .sort(),
      debits.map((i) => [i.number, 'paid']).sort(),
    );
  });

  test('the server’s payment scheduler runs AutoPay on its interval', async () => {
    await addRule({ account: '4R7X21', method: await addCard() });
    const number = await addInvoice({ account: '4R7X21', amount: 3_300, due: day });
    const stop = startScheduler(services, 60_000); // its first tick runs at once
    try {
      const deadline = Date.now() + 10_000;
      // Until the tick has finished its AutoPay run (recorded, since it paid something).
      const finished = async () =>
        (await db.query('select 1 from autopay_runs where finished_at is not null')).length > 0;
      while (!(await finished()) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      stop();
    }
    assert.equal((await invoiceState(number)).status, 'paid');
  });

  test('a claim left by a crashed run is finished by a later run, with the same payment', async () => {
    const method = await addCard();
    const rule = await addRule({ account: '4R7X21', method });
    const noPayment = await addInvoice({ account: '4R7X21', amount: 1_500, due: day });
    const halfPaid = await addInvoice({ account: '4R7X21', amount: 2_500, due: day });
    const fresh = await addInvoice({ account: '4R7X21', amount: 3_500, due: day });
    const [crashed] = await db.query<{ id: string }>(
      `insert into autopay_runs (run_date, instance) values ($1, 'crashed') returning id`,
      [day],
    );
    const claim = (number: string, age: string) =>
      db.query(
        `insert into autopay_outcomes (invoice_id, rule_id, run_id, run_date, outcome, amount_due, currency, updated_at)
         select id, $2, $3, $4, 'claimed', amount_due, currency, now() - $5::interval from invoices where number = $1`,
        [number, rule, crashed!.id, day, age],
      );
    await claim(noPayment, '2 minutes');
    await claim(halfPaid, '2 minutes');
    await claim(fresh, '5 seconds');
    // The crashed run had prepared this one (invoice reserved, payment written) but not charged it.
    const [invoice] = await db.query<{ id: number }>('select id from invoices where number = $1', [halfPaid]);
    const prepared = await preparePayment(
      services,
      {
        companyId: (
          await db.query<{ id: string }>(`select company_id as id from autopay_rules where id = $1`, [rule])
        )[0]!.id,
        userId: await userUuid('admin1'),
        kind: 'autopay',
        visibleInvoiceIds: async () => new Map([[halfPaid, invoice!.id]]),
      },
      { invoices: [{ number: halfPaid, amount: 2_500 }], processingDate: day, source: { methodId: method } },
      `autopay:${invoice!.id}`,
    );

    const run = await runAutopay(services, day);
    assert.deepEqual(run.invoices.map((i) => i.invoiceNumber).sort(), [halfPaid, noPayment].sort());
    for (const number of [noPayment, halfPaid]) {
      const state = await invoiceState(number);
      assert.deepEqual([state.status, state.outcome, state.payments, state.charges], ['paid', 'paid', 1, 1]);
    }
    const [payment] = await db.query<{ payment_id: string }>(
      'select payment_id from autopay_outcomes where invoice_id = $1',
      [invoice!.id],
    );
    assert.equal(payment!.payment_id, prepared.paymentId, 'the prepared payment, not a second one');
    const [moved] = await db.query<{ n: number }>('select count(*)::int as n from autopay_outcomes where run_id = $1', [
      run.runId,
    ]);
    assert.equal(moved!.n, 2, 'the claims finished belong to the run that finished them');
    assert.equal((await invoiceState(fresh)).outcome, 'claimed', 'a claim still being worked on is left alone');
  });
});
