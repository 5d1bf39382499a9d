/**
 * Disputes after they are made (issue 7): the lifecycle UPS drives
 * (server/disputes/review.ts and its operations command), where credits
 * land — the next issued invoice, the same import invoice, spilling over —,
 * the dashboard alert, the dispute list's filters, and the shipment search
 * the dispute form uses.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { issueInvoices } from '../../server/db/issue-invoices.js';
import { OTHER_COMPANY_ADMIN } from '../../server/db/seed.js';
import { reviewDispute } from '../../server/disputes/review.js';
import { runReviewDisputeCommand, toMinorUnits } from '../../server/ops/disputes.js';
import { disputeHelpers, invoicePool, type Dispute, type Problem } from '../helpers/disputes.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('disputes: lifecycle, credits and lists', () => {
  let server: TestServer;
  let pool: Awaited<ReturnType<typeof invoicePool>>;
  let h: ReturnType<typeof disputeHelpers>;

  before(async () => {
    server = await startTestServer();
    for (const user of ['admin1', 'manager1', 'payer1', 'viewer1', OTHER_COMPANY_ADMIN]) await server.tokenFor(user);
    pool = await invoicePool(server, 10);
    h = disputeHelpers(server);
  });
  after(() => server.close());

  const freshInvoice = () => pool.fresh();

  describe('lifecycle and credits', () => {
    test('submitted → in review → approved; the credit waits for, then lands on, the next issued invoice', async () => {
      const invoice = freshInvoice();
      const before = await h.state(invoice.id);
      const dispute = await h.created(h.body(invoice.number, { amount: { amount: 1234, currency: 'USD' } }));
      const started = await reviewDispute(server.db, { number: dispute.number, action: 'start' });
      assert.equal(started.status, 'in_review');
      await assert.rejects(reviewDispute(server.db, { number: dispute.number, action: 'start' }), {
        message: /closed/,
      });
      const decided = await reviewDispute(server.db, {
        number: dispute.number,
        action: 'approve',
        note: 'Rate corrected',
      });
      assert.deepEqual(
        [decided.status, decided.credited, decided.target, decided.creditInvoiceNumber],
        ['approved', 1234, 'next_invoice', null],
      );
      let read = await h.get(dispute.id);
      assert.deepEqual(read.outcome, {
        ...read.outcome!,
        credited: { amount: 1234, currency: 'USD' },
        target: 'next_invoice',
        creditInvoiceNumber: null,
        note: 'Rate corrected',
      });
      assert.deepEqual(
        read.history.map((h) => [h.status, h.by]),
        [
          ['submitted', 'Priya Shah'],
          ['in_review', null],
          ['approved', null],
        ],
      );
      assert.equal(read.canWithdraw, false);
      // The disputed invoice still owes what it owed.
      assert.deepEqual((await h.state(invoice.id)).invoice, before.invoice);
      await assert.rejects(reviewDispute(server.db, { number: dispute.number, action: 'deny' }), { message: /closed/ });

      const [company] = await server.db.query<{ id: string }>(`select id from companies where name = 'Demo Co'`);
      const today = new Date().toISOString().slice(0, 10);
      const issued = await issueInvoices(server.db, { companyId: company!.id, weeks: 1, today, seed: 11 });
      const carrier = issued.find((i) => i.disputes.includes(dispute.number));
      assert.ok(carrier, 'a new invoice carries the credit');
      assert.equal(carrier.account_number, '4R7X21');
      read = await h.get(dispute.id);
      assert.equal(read.outcome!.creditInvoiceNumber, carrier.number);
      const detail = (await (
        await server.api(`/invoices/${carrier.number}`, { token: await server.tokenFor('payer1') })
      ).json()) as {
        amount: { amount: number };
        amountDue: { amount: number };
        charges: { code: string; description: string; amount: { amount: number } }[];
      };
      // The demo's waiting credit of 4R7X21 may land on the same invoice: only this dispute's line is looked at.
      assert.deepEqual(
        detail.charges
          .filter((c) => c.code === 'adjustment' && c.description.includes(dispute.number))
          .map((c) => [c.description, c.amount.amount]),
        [[`Credit — dispute ${dispute.number}`, -1234]],
      );
      assert.equal(detail.amount.amount, carrier.amount);
      assert.equal(detail.amountDue.amount, carrier.amount);
      // Each step is in the audit log, by no user (UPS acts): the review's two steps, then the credit.
      const audit = await server.db.query<{ action: string; actor_id: string | null }>(
        `select action, actor_id from audit_log where target = $1 order by id`,
        [dispute.number],
      );
      assert.deepEqual(
        audit.map((a) => [a.action, a.actor_id]),
        [
          ['dispute.create', audit[0]!.actor_id],
          ['dispute.review', null],
          ['dispute.review', null],
          ['dispute.credit', null],
        ],
      );
      assert.ok(audit[0]!.actor_id);
      // Applied once: issuing again does not credit twice.
      const again = await issueInvoices(server.db, { companyId: company!.id, weeks: 1, today, seed: 12 });
      assert.ok(!again.some((i) => i.disputes.includes(dispute.number)));
    });

    test('an import invoice that still owes the credit takes it at once; a partial credit in between', async () => {
      const [invoice] = await server.db.query<{ id: number; number: string; amount: number; amount_due: number }>(
        `select i.id, i.number, i.amount, i.amount_due from invoices i
          where i.account_number = '4R7X21' and i.type = 'import' and i.status in ('open', 'past_due') and i.amount_due > 1000
            and not exists (select 1 from disputes d where d.invoice_id = i.id)
          order by i.number limit 1`,
      );
      const dispute = await h.created(
        h.body(invoice!.number, { reason: 'duties_and_taxes', amount: { amount: 900, currency: 'USD' } }),
      );
      await assert.rejects(
        reviewDispute(server.db, { number: dispute.number, action: 'partial', amount: 900 }),
        (error: { problem: Problem }) => error.problem.code === 'validation_failed',
      );
      const outcome = await reviewDispute(server.db, { number: dispute.number, action: 'partial', amount: 400 });
      assert.deepEqual(
        [outcome.status, outcome.credited, outcome.target, outcome.creditInvoiceNumber],
        ['partially_approved', 400, 'same_invoice', invoice!.number],
      );
      const [after] = await server.db.query<{ amount: number; amount_due: number; in_dispute: boolean }>(
        'select amount, amount_due, in_dispute from invoices where id = $1',
        [invoice!.id],
      );
      assert.deepEqual(after, {
        amount: invoice!.amount - 400,
        amount_due: invoice!.amount_due - 400,
        in_dispute: false,
      });
      const [line] = await server.db.query<{ amount: number }>(
        `select amount from charges where invoice_id = $1 and description = $2`,
        [invoice!.id, `Credit — dispute ${dispute.number}`],
      );
      assert.equal(line!.amount, -400);
      assert.equal((await h.get(dispute.id)).outcome!.creditInvoiceNumber, invoice!.number);
    });

    test('a credit bigger than the next invoice pays it off and carries the rest to the one after', async () => {
      const [big] = await server.db.query<{ id: number; number: string; amount: number }>(
        `select i.id, i.number, i.amount from invoices i
          where i.account_number = '4R7X21' and i.amount > 0 and not i.in_dispute
          order by i.amount desc limit 1`,
      );
      const dispute = await h.created(h.body(big!.number, { amount: { amount: big!.amount, currency: 'USD' } }));
      await reviewDispute(server.db, { number: dispute.number, action: 'approve' });
      const [company] = await server.db.query<{ id: string }>(`select id from companies where name = 'Demo Co'`);
      const today = new Date().toISOString().slice(0, 10);
      const issued = await issueInvoices(server.db, { companyId: company!.id, weeks: 2, today, seed: 21 });
      const carriers = issued.filter((i) => i.disputes.includes(dispute.number));
      assert.ok(carriers.length >= 1);
      const [row] = await server.db.query<{ pending: number; applied: number }>(
        `select d.credit_pending as pending, (select sum(amount) from dispute_credits c where c.dispute_id = d.id) as applied
           from disputes d where d.id = $1`,
        [dispute.id],
      );
      // Every cent of the credit is on an invoice or still waiting, never both, never lost.
      assert.equal(row!.pending + row!.applied, big!.amount);
      // Each carrier but the last is paid off entirely; the credit moves on only then.
      for (const carrier of carriers.slice(0, -1)) assert.equal(carrier.amount_due, 0);
      if (row!.pending > 0) assert.ok(carriers.every((c) => c.amount_due === 0));
      const paid = await server.db.query<{ status: string; amount_due: number }>(
        `select status, amount_due from invoices where number = any($1::text[]) and amount_due = 0`,
        [carriers.map((c) => c.number)],
      );
      assert.ok(paid.every((p) => p.status === 'paid'));
      assert.ok(carriers.length >= 2 || row!.pending > 0, 'the credit outgrew the first invoice');
      // The dispute names the first invoice that carries it.
      assert.equal((await h.get(dispute.id)).outcome!.creditInvoiceNumber, carriers[0]!.number);
    });

    test('the operations command: parses its arguments, prints the outcome, refuses what cannot be', async () => {
      const invoice = freshInvoice();
      const dispute = await h.created(h.body(invoice.number, { amount: { amount: 2000, currency: 'USD' } }));
      const run = async (...args: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runReviewDisputeCommand(server.db, args, {
          log: (line) => out.push(line),
          error: (line) => err.push(line),
        });
        return { code, out: out.join('\n'), err: err.join('\n') };
      };
      assert.equal(toMinorUnits('12.50', 'USD'), 1250);
      assert.equal(toMinorUnits('12,5', 'EUR'), 1250);
      assert.equal(toMinorUnits('12.505', 'USD'), null);
      assert.equal((await run(dispute.number)).code, 2);
      assert.equal((await run(dispute.number, '--start', '--deny')).code, 2);
      assert.equal((await run('D1', '--start')).code, 2);
      assert.deepEqual(await run('D99999999', '--start'), { code: 1, out: '', err: 'No dispute D99999999.' });
      const started = await run(dispute.number.toLowerCase(), '--start');
      assert.deepEqual(
        [started.code, started.out],
        [0, `Dispute ${dispute.number} (invoice ${invoice.number}) is now in review.`],
      );
      assert.equal((await run(dispute.number, '--partial', '20.00')).code, 1, 'not less than disputed');
      assert.equal((await run(dispute.number, '--partial', 'ten')).code, 2);
      const decided = await run(dispute.number, '--partial', '12.50', '--note', 'Half of it');
      assert.equal(decided.code, 0);
      assert.match(
        decided.out,
        /is now partially approved\.\nCredited \$12\.50: it lands on the account's next issued invoice/,
      );
      const read = await h.get(dispute.id);
      assert.deepEqual([read.outcome!.credited.amount, read.outcome!.note], [1250, 'Half of it']);
      const again = await run(dispute.number, '--deny');
      assert.equal(again.code, 1);
      assert.match(again.err, /partially approved: it cannot be decided now/);
    });

    test('denied: nothing credited; the dashboard tells of decisions in the last 30 days, with credited totals', async () => {
      const alertOf = async (user: string) => {
        const response = await server.api('/dashboard', { token: await server.tokenFor(user) });
        const dashboard = (await response.json()) as {
          alerts: { code: string; severity: string; count: number; amounts: { amount: number; currency: string }[] }[];
        };
        return dashboard.alerts.find((a) => a.code === 'dispute_resolved');
      };
      const before = await alertOf('payer1');
      const invoice = freshInvoice();
      const denied = await h.created(h.body(invoice.number));
      await reviewDispute(server.db, { number: denied.number, action: 'deny', note: 'Rate as contracted' });
      const read = await h.get(denied.id);
      assert.equal(read.status, 'denied');
      assert.deepEqual([read.outcome!.credited.amount, read.outcome!.target], [0, null]);
      const approved = await h.created(h.body(freshInvoice().number, { amount: { amount: 500, currency: 'USD' } }));
      await reviewDispute(server.db, { number: approved.number, action: 'approve' });
      const after = await alertOf('payer1');
      assert.equal(after!.severity, 'info');
      assert.equal(after!.count, (before?.count ?? 0) + 2);
      const usd = (a: typeof after) => a?.amounts.find((m) => m.currency === 'USD')?.amount ?? 0;
      assert.equal(usd(after), usd(before) + 500);
      // The other company's dashboard knows nothing of them.
      const other = await alertOf(OTHER_COMPANY_ADMIN);
      assert.ok(!other || other.count < after!.count || !other.amounts.some((a) => a.currency === 'USD'));
    });
  });

  describe('the list', () => {
    test('filters by status, account, invoice, text and dates; newest first; paged', async () => {
      const token = await server.tokenFor('payer1');
      const list = async (query: string) => {
        const response = await server.api(`/disputes?${query}`, { token });
        assert.equal(response.status, 200, query);
        return (await response.json()) as { items: Dispute[]; total: number; page: number; pageSize: number };
      };
      const invoice = freshInvoice();
      const [shipment] = await h.shipmentsOf(invoice.id);
      const mine = await h.created(h.body(invoice.number, { scope: 'shipments', shipmentIds: [shipment!.id] }));

      const all = await list('status=all&pageSize=200');
      const times = all.items.map((d) => d.createdAt);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
      assert.equal(all.items[0]!.number, mine.number);
      assert.ok(
        all.items.every((d) => ['4R7X21', 'F3R901'].includes(d.accountNumber)),
        'only the payer’s scope',
      );

      const open = await list('status=open&pageSize=200');
      assert.ok(open.items.length > 0 && open.items.every((d) => ['submitted', 'in_review'].includes(d.status)));
      const resolved = await list('status=resolved&pageSize=200');
      assert.ok(resolved.items.every((d) => ['approved', 'partially_approved', 'denied'].includes(d.status)));
      const withdrawn = await list('status=withdrawn&pageSize=200');
      assert.ok(withdrawn.items.length > 0 && withdrawn.items.every((d) => d.status === 'withdrawn'));

      assert.deepEqual(
        (await list(`invoice=${invoice.number}`)).items.map((d) => d.number),
        [mine.number],
      );
      assert.deepEqual(
        (await list(`q=${mine.number.slice(-5)}`)).items.map((d) => d.number),
        [mine.number],
      );
      assert.ok(
        (await list(`q=${shipment!.tracking_number.slice(2, 14)}`)).items.some((d) => d.number === mine.number),
      );
      assert.equal((await list('account=F3R902')).total, 0);
      const today = new Date().toISOString().slice(0, 10);
      assert.ok((await list(`from=${today}&to=${today}`)).items.some((d) => d.number === mine.number));
      assert.equal((await list('from=2000-01-01&to=2000-01-31')).total, 0);
      const first = await list('pageSize=1&page=2');
      assert.deepEqual([first.items.length, first.page, first.total], [1, 2, all.total]);
      const bad = await server.api('/disputes?from=2026-02-01&to=2026-01-01', { token });
      assert.equal(bad.status, 400);
    });
  });

  describe('shipments of an invoice', () => {
    test('q keeps shipments whose tracking number starts with it, without regard to case', async () => {
      const invoice = pool.all.at(-1)!;
      const shipments = await h.shipmentsOf(invoice.id);
      const prefix = shipments[1]!.tracking_number.slice(0, 14).toLowerCase();
      const response = await server.api(`/invoices/${invoice.number}/shipments?q=${prefix}`, {
        token: await server.tokenFor('viewer1').then(() => server.tokenFor('payer1')),
      });
      assert.equal(response.status, 200);
      const page = (await response.json()) as { items: { trackingNumber: string }[]; total: number };
      const expected = shipments.filter((s) => s.tracking_number.toLowerCase().startsWith(prefix));
      assert.deepEqual(
        page.items.map((s) => s.trackingNumber),
        expected.map((s) => s.tracking_number),
      );
      assert.equal(page.total, expected.length);
      const none = await server.api(`/invoices/${invoice.number}/shipments?q=nothing_100%25`, {
        token: await server.tokenFor('payer1'),
      });
      assert.equal(((await none.json()) as { total: number }).total, 0);
    });
  });
});
