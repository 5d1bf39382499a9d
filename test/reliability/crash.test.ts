/**
 * Crash safety: the server is killed with SIGKILL in the middle of a payment
 * load, then started again. Whatever the client was told, the ledger agrees:
 * one record per payment it believes succeeded, balances equal to the amount
 * less the allocations, and nothing left half-written once the interrupted
 * requests were retried and the restarted server's scheduler ran.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, today } from '../helpers/database.js';
import type { Db } from '../../server/db/db.js';
import { issueInvoices } from '../../server/db/issue-invoices.js';
import {
  NO_POSTGRES,
  cardToken,
  hasPostgres,
  ledgerViolations,
  payableInvoices,
  signIn,
  startServerProcess,
  type ServerProcess,
} from './support.js';

interface Attempt {
  key: string;
  body: string;
  number: string;
  /** 'lost' when the connection died before an answer. */
  outcome: number | 'lost';
  confirmation?: string;
}

describe('kill -9 during a payment load', { skip: hasPostgres ? false : NO_POSTGRES }, () => {
  let db: Db & { url?: string };
  let server: ServerProcess | undefined;
  /** Every process started, so that none outlives the suite. */
  const started: ServerProcess[] = [];
  const start = async (env?: Record<string, string>) => {
    const child = await startServerProcess(db.url!, env);
    started.push(child);
    return child;
  };
  before(async () => {
    db = await freshDatabase();
    // Enough unpaid invoices for three rounds of sixty.
    const [demo] = await db.query<{ id: string }>(`select id from companies where name = 'Demo Co'`);
    await issueInvoices(db, { companyId: demo!.id, weeks: 10, today: today(), seed: 7 });
  });
  after(async () => {
    await Promise.all(started.map((s) => s.kill('SIGTERM')));
    await db?.close();
  });

  async function crashRound(round: number, killAt: number) {
    server = await start();
    const base = server.base;
    const token = await signIn(base, 'admin1');
    const invoices = await payableInvoices(db, null, 60);
    assert.ok(invoices.length >= 50, `payable invoices: ${invoices.length}`);
    // Tokens first: the load is payments only, so the kill lands inside one more often.
    const tokens = await Promise.all(invoices.map(() => cardToken(base)));
    const attempts: Attempt[] = invoices.map((invoice, i) => ({
      key: crypto.randomUUID(),
      number: invoice.number,
      outcome: 'lost',
      body: JSON.stringify({
        invoices: [{ number: invoice.number, amount: invoice.amount_due }],
        processingDate: today(),
        source: { token: tokens[i] },
      }),
    }));
    const send = async (target: string, attempt: Attempt) => {
      try {
        const response = await fetch(`${target}/payments`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': attempt.key,
          },
          body: attempt.body,
        });
        const json = (await response.json()) as { confirmationNumber?: string };
        attempt.outcome = response.status;
        if (response.status === 201) attempt.confirmation = json.confirmationNumber;
      } catch {
        attempt.outcome = 'lost';
      }
    };

    // Eight clients in parallel; the kill comes once `killAt` of the payments have answered.
    let next = 0;
    const answered = () => attempts.filter((a) => a.outcome !== 'lost').length;
    const workers = Array.from({ length: 8 }, async () => {
      while (next < attempts.length) await send(base, attempts[next++]!);
    });
    while (answered() < attempts.length * killAt) await sleep(2);
    await server.kill('SIGKILL');
    await Promise.all(workers);
    const succeeded = attempts.filter((a) => a.outcome === 201);
    const lost = attempts.filter((a) => a.outcome === 'lost');
    console.log(`round ${round + 1}, before the kill: ${succeeded.length} paid, ${lost.length} without an answer`);
    assert.ok(lost.length > 0, 'the kill interrupted the load');

    // What a crash leaves: payments reserved but never charged or never recorded, keys still leased.
    const [halfWay] = await db.query<{ n: number }>(
      `select count(*)::int as n from payments where status = 'authorizing'`,
    );
    console.log(`payments left authorizing by the kill: ${halfWay!.n}`);

    // Every 201 before the crash is already durable, before any recovery.
    const durable = await db.query<{ confirmation_number: string; status: string }>(
      `select confirmation_number, status from payments where confirmation_number = any($1::text[])`,
      [succeeded.map((a) => a.confirmation)],
    );
    assert.equal(durable.length, succeeded.length, 'each acknowledged payment survived the kill');
    assert.ok(durable.every((p) => p.status === 'completed'));

    // The idempotency lease (30 s) and the scheduler's staleness window (60 s) stand for a server
    // that died; age them instead of waiting, as if the restart came a minute later.
    await db.query(`update idempotency_keys set locked_until = now() - interval '1 second' where status = 'in_flight'`);
    await db.query(`update payments set updated_at = now() - interval '2 minutes' where status = 'authorizing'`);
    await Promise.all(started.map((s) => s.kill('SIGTERM')));
    server = await start({ PAYMENT_SCHEDULER_SECONDS: '1' });

    // The client retries what it never heard back about, half of them at once, with the same key and body.
    const retried = lost.filter((_, i) => i % 2 === 0);
    await Promise.all(retried.map((a) => send(server!.base, a)));
    const retryAnswers = new Set(retried.map((a) => a.outcome));
    console.log(`retried with the same key: ${retried.length}, answered ${[...retryAnswers].join(', ')}`);
    assert.ok(
      [...retryAnswers].every((s) => s === 201 || s === 409),
      `retries: ${[...retryAnswers].join(', ')}`,
    );
    // The rest are left to the restarted server's scheduler, which finishes what was left authorizing.
    for (let i = 0; i < 100; i++) {
      const [left] = await db.query<{ n: number }>(
        `select count(*)::int as n from payments where status = 'authorizing'`,
      );
      if (left!.n === 0) break;
      await sleep(100);
    }

    const all = attempts.filter((a) => a.outcome === 201);
    const rows = await db.query<{ confirmation_number: string; status: string; allocations: number; number: string }>(
      `select p.confirmation_number, p.status, count(a.*)::int as allocations, min(i.number) as number
         from payments p join payment_allocations a on a.payment_id = p.id join invoices i on i.id = a.invoice_id
        where p.confirmation_number = any($1::text[]) group by p.id`,
      [all.map((a) => a.confirmation)],
    );
    assert.equal(rows.length, all.length, 'one ledger record per payment the client saw succeed');
    for (const row of rows) {
      assert.equal(row.status, 'completed');
      assert.equal(row.allocations, 1);
      assert.equal(row.number, all.find((a) => a.confirmation === row.confirmation_number)!.number);
    }
    // Per invoice: at most one payment, and exactly one for every acknowledged one.
    const perInvoice = await db.query<{ number: string; payments: number }>(
      `select i.number, count(p.*)::int as payments from invoices i
         left join payment_allocations a on a.invoice_id = i.id
         left join payments p on p.id = a.payment_id and p.status not in ('failed', 'cancelled')
        where i.number = any($1::text[]) group by i.id`,
      [attempts.map((a) => a.number)],
    );
    for (const row of perInvoice) {
      const acknowledged = all.some((a) => a.number === row.number);
      assert.ok(row.payments <= 1, `${row.number}: ${row.payments} payments`);
      if (acknowledged) assert.equal(row.payments, 1, `${row.number}: acknowledged and recorded`);
    }
    const [halfWritten] = await db.query<{ n: number }>(
      `select count(*)::int as n from payments where status = 'authorizing'`,
    );
    assert.equal(halfWritten!.n, 0, 'no payment left half-way');
    assert.deepEqual(await ledgerViolations(db), []);
    assert.doesNotMatch(server.output(), /internal_error|unhandled/i);
  }

  // Three kills at different depths of the load: early, half-way, late.
  for (const [round, killAt] of [0.25, 0.5, 0.75].entries()) {
    test(`kill at ${killAt * 100}% of the answers: every payment the client saw succeed is in the ledger once, nothing half-written`, async () => {
      await crashRound(round, killAt);
    });
  }
});
