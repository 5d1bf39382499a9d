/**
 * AutoPay pays each due invoice exactly once when two processes run it for
 * the same day at the same moment over one PostgreSQL (two `npm run ops --
 * run-autopay` processes, each on its own connection pool). Runs where the
 * suite runs on PostgreSQL (`DATABASE_URL`, as in CI's second pass); PGlite
 * is one process by nature — which the ops command enforces (tested below).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServices } from '../../server/app.js';
import { addDays, isoWeekday } from '../../server/autopay/schedule.js';
import type { Db } from '../../server/db/db.js';
import { silentLogger } from '../../server/http/services.js';
import { autopayFixtures } from '../helpers/autopay.js';
import { freshDatabase, today } from '../helpers/database.js';

/** `npm run ops -- <args>` as a process: exit code and what it printed on each stream. */
function ops(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ops.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run ops', () => {
  test('bad arguments print the usage and fail, touching no database', async () => {
    // A database URL nothing listens on: the command must stop before connecting.
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    for (const args of [
      [],
      ['frobnicate'],
      ['run-autopay', '--date', '2026-02-30'],
      ['issue-invoices', '--weeks', '0'],
      ['run-autopay', '--bogus'],
    ]) {
      const result = await ops(args, env);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /Usage: npm run ops -- <command>/, args.join(' '));
    }
    const help = await ops(['help'], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /run-autopay \[--date YYYY-MM-DD\]/);
  });

  test('on PGlite, a data folder another process holds is refused with what to do', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ups-ops-'));
    try {
      // What PGlite keeps in its folder while a process has it open (`npm start`, say).
      writeFileSync(join(dataDir, 'postmaster.pid'), '-42\n/pglite/data\n');
      const result = await ops(['run-autopay'], { DATABASE_URL: undefined, DATA_DIR: dataDir });
      assert.equal(result.code, 3);
      assert.match(result.stderr, /in use by another process/);
      assert.match(result.stderr, /stop the server/);
      assert.match(result.stderr, /DATABASE_URL/);
      assert.deepEqual(readdirSync(dataDir), ['postmaster.pid'], 'nothing opened or created');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function runOps(url: string, date: string): Promise<{ output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ops.ts', 'run-autopay', '--date', date], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve({ output, seconds: (performance.now() - started) / 1000 }) : reject(new Error(output)),
    );
  });
}

describe('AutoPay with two processes', { skip: !process.env['DATABASE_URL'] }, () => {
  let db: Db & { url?: string };
  before(async () => {
    db = await freshDatabase();
  });
  after(() => db?.close());

  test('each due invoice is paid, skipped or failed exactly once, with one charge per payment', async () => {
    const day = today();
    const fixtures = autopayFixtures(db, createServices({ db, log: silentLogger }).gateway);
    const card = await fixtures.addCard();
    const declining = await fixtures.addCard('admin1', { number: '4000000000009995' });
    const bank = await fixtures.addBank();
    await fixtures.addRule({ account: '4R7X21', method: card });
    // The plan covers W9E530 and 8F2K44; 8F2K44's own rule competes for its invoices, and must win each once.
    await fixtures.addRule({ plan: 'P4R7X210', method: bank });
    await fixtures.addRule({ account: '8F2K44', method: card, maximum: 5_000 });
    await fixtures.addRule({ account: 'F3R901', method: declining });
    await fixtures.addRule({ account: 'F3R902', method: card, weekday: isoWeekday(day) });
    await fixtures.addRule({ account: 'E7T310', method: card, daysBefore: 10 });
    const batches: [account: string, count: number, amount: (i: number) => number, due: string, date?: string][] = [
      ['4R7X21', 60, (i) => 1_000 + i * 37, day],
      ['W9E530', 40, (i) => 2_000 + i * 11, day],
      ['8F2K44', 40, (i) => (i % 2 ? 7_000 : 3_000), day],
      ['F3R901', 30, () => 4_500, day],
      ['F3R902', 30, (i) => 900 + i, addDays(day, 20), addDays(day, -1)],
      ['E7T310', 30, (i) => 1_500 + i, addDays(day, 10)],
    ];
    const numbers: string[] = [];
    for (const [account, count, amount, due, date] of batches) {
      for (let i = 0; i < count; i++)
        numbers.push(await fixtures.addInvoice({ account, amount: amount(i), due, date }));
    }

    const started = performance.now();
    const runs = await Promise.all([runOps(db.url!, day), runOps(db.url!, day)]);
    const wall = (performance.now() - started) / 1000;
    console.log(
      `two run-autopay processes over ${numbers.length} invoices: ${runs.map((r) => `${r.seconds.toFixed(1)} s`).join(' and ')}, ${wall.toFixed(1)} s in all`,
    );

    const rows = await db.query<{
      number: string;
      account_number: string;
      status: string;
      outcome: string | null;
      allocations: number;
      charges: number;
    }>(
      `select i.number, i.account_number, i.status, o.outcome,
              (select count(*)::int from payment_allocations a where a.invoice_id = i.id) as allocations,
              (select count(*)::int from test_gateway_charges c join payment_allocations a on c.idempotency_key = a.payment_id::text
                where a.invoice_id = i.id) as charges
         from invoices i left join autopay_outcomes o on o.invoice_id = i.id
        where i.number = any($1::text[])`,
      [numbers],
    );
    assert.equal(rows.length, numbers.length);
    const outcomes = await db.query<{ n: number }>('select count(*)::int as n from autopay_outcomes');
    assert.equal(outcomes[0]!.n, numbers.length, 'one outcome per invoice, none for anything else');
    const wrong = rows.filter((r) =>
      r.outcome === 'skipped_over_maximum'
        ? r.allocations !== 0 || r.charges !== 0
        : r.allocations !== 1 || r.charges !== 1 || !['paid', 'failed'].includes(r.outcome ?? ''),
    );
    assert.deepEqual(wrong, [], 'paid or failed: one payment, one charge; skipped: none');

    const tally = (account: string) => {
      const counts: Record<string, number> = {};
      for (const r of rows.filter((row) => row.account_number === account)) {
        const key = `${r.outcome}:${r.status}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    };
    assert.deepEqual(tally('4R7X21'), { 'paid:paid': 60 });
    assert.deepEqual(tally('W9E530'), { 'paid:payment_pending': 40 }, 'bank debits on their way');
    assert.deepEqual(tally('8F2K44'), { 'paid:paid': 20, 'skipped_over_maximum:open': 20 });
    assert.deepEqual(tally('F3R901'), { 'failed:open': 30 });
    assert.deepEqual(tally('F3R902'), { 'paid:paid': 30 });
    assert.deepEqual(tally('E7T310'), { 'paid:paid': 30 });
    const [byRule] = await db.query<{ wrong: number }>(
      `select count(*)::int as wrong from autopay_outcomes o join invoices i on i.id = o.invoice_id
         join autopay_rules r on r.id = o.rule_id where i.account_number = '8F2K44' and r.account_id is null`,
    );
    assert.equal(byRule!.wrong, 0, 'the account’s own rule, not the plan’s');

    // Both processes ran (each recorded its run), and between them counted each invoice once.
    const recorded = await db.query<{ instance: string; paid: number; skipped: number; failed: number; done: boolean }>(
      `select instance, paid, skipped, failed, finished_at is not null as done from autopay_runs where run_date = $1`,
      [day],
    );
    assert.equal(new Set(recorded.map((r) => r.instance)).size, 2);
    assert.ok(recorded.every((r) => r.done));
    assert.equal(
      recorded.reduce((n, r) => n + r.paid + r.skipped + r.failed, 0),
      numbers.length,
    );
    console.log(`work per process: ${recorded.map((r) => r.paid + r.skipped + r.failed).join(' + ')}`);
  });
});
