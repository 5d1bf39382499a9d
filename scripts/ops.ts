/**
 * `npm run ops -- <command> [options]`: operations on the reference server's
 * database (the same one `npm start` uses: `.data/pglite`, `DATA_DIR` or
 * `DATABASE_URL`). On PostgreSQL they are safe beside running servers: every
 * command claims its rows the way the servers do. PGlite is one process at a
 * time, so on PGlite stop the server first (the command refuses otherwise).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../server/app.js';
import { runAutopay, type AutopayRunResult } from '../server/autopay/runner.js';
import type { Db } from '../server/db/db.js';
import { issueInvoices } from '../server/db/issue-invoices.js';
import { migrate } from '../server/db/migrate.js';
import { openDatabase } from '../server/node.js';
import { DISPUTE_USAGE, runReviewDisputeCommand } from '../server/ops/disputes.js';
import { RECOVERY_USAGE, runRecoveryCommand } from '../server/ops/recovery.js';
import { runScheduler } from '../server/payments/scheduler.js';

const USAGE = `Usage: npm run ops -- <command> [options]

Commands:
  issue-invoices [--weeks N]        issue the next N weeks (1–52, default 1) of invoices for the
                                    demo company's accounts, unpaid and created now, so that
                                    AutoPay rules made before now apply to them
  run-autopay [--date YYYY-MM-DD]   run the AutoPay rules for that day (default today), as of that
                                    day; prints what happened to each invoice, then totals
  run-payments [--date YYYY-MM-DD]  run the scheduled payments due that day, settle bank debits,
                                    finish payments a crashed server left half-way
${RECOVERY_USAGE}
${DISPUTE_USAGE}

Options:
  --force   open the PGlite folder even though it looks in use (only after a server stopped
            abruptly; two processes on one PGlite folder corrupt it)

Database: DATABASE_URL (PostgreSQL) when set, else PGlite in DATA_DIR (default .data/pglite).`;

/** The demo company's name (server/db/seed.ts). */
const DEMO_COMPANY = 'Demo Co';

class UsageError extends Error {}

function parse(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help' as const };
  }
  // Takes the request's id as an argument, checked by server/ops/recovery.ts.
  if (command === 'approve-recovery') {
    const args = rest.filter((arg) => arg !== '--force');
    const force = rest.includes('--force');
    return { command: 'approve-recovery' as const, args, date: new Date().toISOString().slice(0, 10), weeks: 1, force };
  }
  // Takes a dispute number, an action and a note, checked by server/ops/disputes.ts.
  if (command === 'review-dispute') {
    const args = rest.filter((arg) => arg !== '--force');
    const force = rest.includes('--force');
    return { command: 'review-dispute' as const, args, date: new Date().toISOString().slice(0, 10), weeks: 1, force };
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { date: { type: 'string' }, weeks: { type: 'string' }, force: { type: 'boolean' } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  // A real calendar day: 2026-02-30 is refused, not rolled over to March.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new UsageError(`--date must be a day as YYYY-MM-DD, not "${values.date}"`);
  }
  const weeks = values.weeks === undefined ? 1 : Number(values.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
    throw new UsageError(`--weeks must be a whole number from 1 to 52, not "${values.weeks}"`);
  }
  const allowed: Record<string, string[]> = {
    'issue-invoices': ['weeks'],
    'run-autopay': ['date'],
    'run-payments': ['date'],
  };
  if (!allowed[command]) throw new UsageError(`Unknown command "${command}"`);
  const extra = (['date', 'weeks'] as const).filter((o) => values[o] !== undefined && !allowed[command]!.includes(o));
  if (extra.length) throw new UsageError(`${command} takes no --${extra[0]}`);
  return {
    command: command as 'issue-invoices' | 'run-autopay' | 'run-payments',
    date,
    weeks,
    force: values.force ?? false,
  };
}

/**
 * PGlite keeps `postmaster.pid` in its folder while a process has it open and
 * does not stop a second process from opening it too: both would then write
 * the same files and corrupt them. So refuse, and say what to do instead.
 */
function assertPgliteFree(force: boolean): void {
  if (process.env['DATABASE_URL'] || force) return;
  const dataDir = resolve(process.env['DATA_DIR'] ?? '.data/pglite');
  if (!existsSync(resolve(dataDir, 'postmaster.pid'))) return;
  console.error(
    `The database folder ${dataDir} is in use by another process — a server started with \`npm start\` or \`npm run dev\`?
PGlite (the embedded database) is one process at a time. Either:
  - stop the server (Ctrl+C), run this command, then start the server again; or
  - run the server and this command on PostgreSQL: set DATABASE_URL for both.
If no server is running (one stopped abruptly and left the lock behind), run again with --force.`,
  );
  process.exit(3);
}

const money = (amount: number, currency: string) => {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
};

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
function table(header: string[], rows: string[][], right: number[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (right.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Totals per currency, e.g. "$1,234.00 + €56.00". */
function sums(items: { amount: number; currency: string }[]): string {
  const by = new Map<string, number>();
  for (const i of items) by.set(i.currency, (by.get(i.currency) ?? 0) + i.amount);
  return [...by].map(([currency, amount]) => money(amount, currency)).join(' + ') || '—';
}

async function companyId(db: Db): Promise<string> {
  const [company] = await db.query<{ id: string }>('select id from companies where name = $1', [DEMO_COMPANY]);
  if (!company) {
    console.error(`No company "${DEMO_COMPANY}" in this database: start the server once to seed the demo.`);
    process.exit(1);
  }
  return company.id;
}

async function issue(db: Db, weeks: number, today: string): Promise<void> {
  const issued = await issueInvoices(db, { companyId: await companyId(db), weeks, today });
  console.log(
    table(
      ['invoice', 'account', 'date', 'due', 'type', 'amount', 'autopay'],
      issued.map((i) => [
        i.number,
        i.account_number,
        i.invoice_date,
        i.due_date,
        i.type,
        money(i.amount, i.currency),
        i.autopay ? 'yes' : '',
      ]),
      [5],
    ),
  );
  for (const i of issued.filter((invoice) => invoice.credit > 0)) {
    console.log(`${i.number} carries the credit of dispute ${i.disputes.join(', ')}: −${money(i.credit, i.currency)}.`);
  }
  const covered = issued.filter((i) => i.autopay).length;
  console.log(
    `\n${issued.length} invoice(s) issued, ${sums(issued.map((i) => ({ amount: i.amount, currency: i.currency })))}; ` +
      `${covered} covered by an AutoPay rule.`,
  );
}

async function scopes(db: Db, ruleIds: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; scope: string }>(
    `select r.id, coalesce('account ' || a.number, 'plan ' || p.number) as scope
       from autopay_rules r left join accounts a on a.id = r.account_id left join plans p on p.id = r.plan_id
      where r.id = any($1::uuid[])`,
    [ruleIds],
  );
  return new Map(rows.map((r) => [r.id, r.scope]));
}

const OUTCOME_TEXT: Record<string, string> = {
  paid: 'paid',
  scheduled: 'scheduled',
  skipped_over_maximum: 'skipped: over maximum',
  failed: 'failed',
};

async function printAutopay(db: Db, run: AutopayRunResult): Promise<void> {
  const ruleIds = [
    ...new Set([...run.invoices.map((i) => i.ruleId), ...run.suspended.map((s) => s.ruleId), ...run.ended]),
  ];
  const scope = await scopes(db, ruleIds);
  console.log(`AutoPay for ${run.day} (instance ${run.instance}${run.runId ? `, run ${run.runId}` : ''})\n`);
  for (const id of run.ended) console.log(`Rule for ${scope.get(id)} ended (past its last day).`);
  for (const s of run.suspended)
    console.log(`Rule for ${scope.get(s.ruleId)} suspended: ${s.reason.replace('_', ' ')}.`);
  if (run.ended.length || run.suspended.length) console.log('');
  if (!run.invoices.length) {
    console.log('No invoice was due for AutoPay on this day.');
    return;
  }
  console.log(
    table(
      ['invoice', 'account', 'rule', 'due', 'amount due', 'outcome', 'confirmation / reason'],
      run.invoices.map((i) => [
        i.invoiceNumber,
        i.accountNumber,
        scope.get(i.ruleId) ?? i.ruleId,
        i.dueDate,
        money(i.amountDue, i.currency),
        OUTCOME_TEXT[i.outcome] ?? i.outcome,
        i.confirmationNumber ?? i.failureCode ?? '',
      ]),
      [4],
    ),
  );
  console.log('');
  for (const outcome of ['paid', 'scheduled', 'skipped_over_maximum', 'failed']) {
    const items = run.invoices.filter((i) => i.outcome === outcome);
    if (items.length) {
      const total = sums(items.map((i) => ({ amount: i.amountDue, currency: i.currency })));
      console.log(`${(OUTCOME_TEXT[outcome] ?? outcome).padEnd(22)} ${String(items.length).padStart(4)}  ${total}`);
    }
  }
}

let options: ReturnType<typeof parse>;
try {
  options = parse(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.command === 'help') {
  // Asked for: usage on stdout. No command at all is a mistake: on stderr, and a failure.
  const asked = process.argv.length > 2;
  (asked ? console.log : console.error)(USAGE);
  process.exit(asked ? 0 : 2);
}

assertPgliteFree(options.force);
const db = await openDatabase();
try {
  await migrate(db);
  // The command acts as of --date: "today", for payments and the scheduler, is that day.
  const services = createServices({ db, now: () => new Date(`${options.date}T12:00:00Z`) });
  switch (options.command) {
    case 'issue-invoices':
      await issue(db, options.weeks, new Date().toISOString().slice(0, 10));
      break;
    case 'run-autopay':
      await printAutopay(db, await runAutopay(services, options.date));
      break;
    case 'run-payments': {
      const run = await runScheduler(services, options.date);
      console.log(
        `${options.date}: ${run.charged} scheduled payment(s) run, ${run.settled} bank debit(s) settled, ${run.recovered} recovered.`,
      );
      break;
    }
    case 'approve-recovery':
      process.exitCode = await runRecoveryCommand(services, options.args);
      break;
    case 'review-dispute':
      process.exitCode = await runReviewDisputeCommand(db, options.args);
      break;
  }
} finally {
  await db.close();
}
