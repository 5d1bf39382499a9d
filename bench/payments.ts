/**
 * Payments throughput (issue 9): payments per second and latency percentiles
 * at 1, 10 and 50 concurrent clients, over real HTTP to a real server process
 * (`server/main.ts`, as deployed), on a fresh seeded database: PGlite in a
 * temporary folder, then PostgreSQL as well when BENCH_DATABASE_URL is set (a
 * database created for the run on that server and dropped afterwards).
 *
 *   npx tsx bench/payments.ts [--seconds 10] [--warmup 2] [--clients 1,10,50]
 *                             [--method wallet|card] [--database pglite|postgres] [--json out.json]
 *
 * A client is one signed-in session of `admin1` (Demo Co's administrator, who
 * may pay every US account) paying one invoice per payment, one after another:
 * POST /api/v1/payments with a new Idempotency-Key, today's date and the whole
 * amount due. The default method is `wallet`: the payer's saved default card,
 * which is what the portal's pay form puts first, and what a business that
 * pays its UPS bills every week uses. `--method card` instead gets a new card
 * token (POST /card-tokens, 4242 4242 4242 4242) before each payment, as the
 * card frame does for a card typed in; that call is timed apart and is not in
 * the payment latency.
 *
 * Each level runs on a server started for it (PGlite lets one process at a
 * time open its folder, and the checks between levels need it): a warm-up,
 * then a measured window during which clients start payments; payments still
 * in flight at the end finish and count, and `seconds` runs until the last
 * one does.
 * Latency is the POST /payments round trip of the 2xx answers; any other
 * answer (or a network failure) counts in `errors` and is printed by code.
 * Invoices come from one pool handed out one at a time, so no invoice is
 * asked for twice; the pool is topped up with new open invoices before each
 * level, outside the timed window. After each level the ledger is checked in
 * SQL: no invoice paid twice, no negative amount due, and every 2xx invoice
 * paid in full by exactly one completed payment charged once.
 *
 * `--json` writes an array, one entry per database in the order run:
 *
 *   [{ database: 'PGlite' | 'PostgreSQL 15.18', method: string,
 *      results: [{ clients, payments, seconds, perSecond, p50, p95, p99, errors,
 *                  errorCodes: { '<status> <code>': n }, token: { p50, p95, p99 } | null,
 *                  exhausted: boolean, ledgerOk: boolean,
 *                  perPayment: { serverCpu, serverRunQueue, clientCpu } }] }]
 *
 * Latencies are in milliseconds. `token` is the card-token call (card method
 * only). `perPayment` is milliseconds per measured payment of server CPU, of
 * the server's main thread waiting for a core (Linux /proc; on a shared
 * machine, that is the noise), and of the benchmark's own CPU. `exhausted`
 * says the pool ran dry before the window ended, so the rate is understated
 * (the pool is sized from the best rate of the levels before: a level ran
 * far faster than those).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../server/db/db.js';
import { generateInvoices } from '../server/db/generate.js';
import { migrate } from '../server/db/migrate.js';
import { DEMO_PASSWORD, refreshStatistics, seedDemo } from '../server/db/seed.js';
import { startServerProcess } from '../scripts/server-process.js';
import { ms, percentile } from './stats.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    clients: { type: 'string', default: '1,10,50' },
    method: { type: 'string', default: 'wallet' },
    database: { type: 'string' },
    json: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const LEVELS = values.clients.split(',').map(Number);
const METHOD = values.method as 'wallet' | 'card';
if (METHOD !== 'wallet' && METHOD !== 'card') throw new Error('--method is wallet or card');
const postgresUrl = process.env['BENCH_DATABASE_URL'];
const databases = values.database ? [values.database] : ['pglite', ...(postgresUrl ? ['postgres'] : [])];
if (databases.includes('postgres') && !postgresUrl) throw new Error('--database postgres needs BENCH_DATABASE_URL');

const PAYER = 'admin1';
/** Sign-in is outside the measure; a cheap hash keeps 50 sign-ins from costing half a minute of setup. */
const PASSWORD_ITERATIONS = 1_000;
const METHOD_LABEL =
  METHOD === 'wallet'
    ? `saved wallet card (the payer's default), one invoice per payment, ${PAYER}`
    : `new card token per payment (POST /card-tokens, 4242 4242 4242 4242, timed apart), one invoice per payment, ${PAYER}`;

const today = () => new Date().toISOString().slice(0, 10);

// ── the database ───────────────────────────────────────────────────────

interface Target {
  label: string;
  open(): Promise<Db>;
  serverEnv: Record<string, string>;
  dispose(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'ups-bench-payments-'));
  const dataDir = join(dir, 'pglite');
  const { openPglite } = await import('../server/db/pglite.js');
  return {
    label: 'PGlite',
    open: () => openPglite({ dataDir }),
    serverEnv: { DATA_DIR: dataDir },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const { openPostgres } = await import('../server/db/postgres.js');
  const name = `ups_bench_payments_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const own = new URL(url);
  own.pathname = `/${name}`;
  const admin = await openPostgres(url, 1);
  const version = await admin
    .query(`create database ${name}`)
    .then(() => admin.query<{ v: string }>(`select current_setting('server_version') as v`))
    .then((rows) => rows[0]!.v)
    .finally(() => admin.close());
  return {
    label: `PostgreSQL ${version.split(' ')[0]}`,
    open: () => openPostgres(own.toString(), 2),
    serverEnv: { DATABASE_URL: own.toString() },
    async dispose() {
      const cleanup = await openPostgres(url, 1);
      await cleanup.query(`drop database if exists ${name} with (force)`).finally(() => cleanup.close());
    },
  };
}

/** What an open, unpaid debit invoice of Demo Co's US accounts looks like, as a card may pay it. */
const PAYABLE = `from invoices i join accounts a on a.id = i.account_id join companies c on c.id = i.company_id
  where c.name = 'Demo Co' and a.country = 'US' and i.status in ('open', 'past_due') and i.amount > 0
    and i.amount_due = i.amount and i.type <> 'import'`;

/**
 * Tops the pool of payable invoices up to `wanted`, with invoices made by the
 * demo's generator and then issued as new (open, owing everything), the way
 * the weekly issue does: its realistic amounts, shipments and charges.
 */
async function ensurePayable(db: Db, wanted: number): Promise<number> {
  const payable = async () => (await db.query<{ n: number }>(`select count(*)::int as n ${PAYABLE}`))[0]!.n;
  let have = await payable();
  if (have >= wanted) return have;
  const [company] = await db.query<{ id: string }>(`select id from companies where name = 'Demo Co'`);
  // Accounts under an AutoPay rule would have their new invoices flagged for it; leave them out.
  const accounts = await db.query<{ id: string; number: string; country: string; currency: string; plan_id: string }>(
    `select a.id, a.number, a.country, a.currency, a.plan_id from accounts a
      where a.company_id = $1 and a.country = 'US'
        and not exists (select 1 from autopay_rules r where r.status <> 'ended'
                          and (r.account_id = a.id or r.plan_id = a.plan_id))
      order by a.number`,
    [company!.id],
  );
  while (have < wanted) {
    const [{ max }] = (await db.query<{ max: number }>('select coalesce(max(id), 0) as max from invoices')) as [
      { max: number },
    ];
    // Imports and credits make about half of what the generator writes: a card pays the rest.
    await generateInvoices(db, {
      companyId: company!.id,
      accounts: accounts.map((a) => ({ ...a, planId: a.plan_id })),
      count: Math.ceil((wanted - have) / 0.45) + 100,
      // The last four weeks, as the invoices a payer has open are.
      from: new Date(Date.now() - 27 * 86_400_000).toISOString().slice(0, 10),
      to: today(),
      today: today(),
      // Another seed each round, or every level would get the same amounts again.
      seed: max + 1,
      lines: 'light',
      batchSize: 5_000,
    });
    await db.transaction(async (tx) => {
      const fresh = 'select id from invoices where id > $1';
      const payments = await tx.query<{ id: string }>(
        `select payment_id as id from payment_allocations where invoice_id in (${fresh})`,
        [max],
      );
      await tx.query(`delete from payment_allocations where invoice_id in (${fresh})`, [max]);
      await tx.query('delete from payments where id = any($1::uuid[])', [payments.map((p) => p.id)]);
      await tx.query(`update invoices set status = 'open', amount_due = amount, autopay = false where id > $1`, [max]);
    });
    have = await payable();
  }
  return have;
}

interface LedgerCheck {
  paidTwice: number;
  negativeDue: number;
  /** 2xx invoices not paid in full by exactly one completed payment with one gateway charge. */
  unsettled: number;
  /** Payments left between reserving and recording the charge. */
  halfway: number;
}

async function checkLedger(db: Db, paid: string[]): Promise<LedgerCheck> {
  const [{ n: paidTwice }] = (await db.query<{ n: number }>(
    `select count(*)::int as n from (
       select a.invoice_id from payment_allocations a join payments p on p.id = a.payment_id
        where p.status not in ('failed', 'cancelled', 'returned') group by a.invoice_id having count(*) > 1) twice`,
  )) as [{ n: number }];
  const [{ n: negativeDue }] = (await db.query<{ n: number }>(
    `select count(*)::int as n from invoices where amount > 0 and amount_due < 0`,
  )) as [{ n: number }];
  const [{ n: settled }] = (await db.query<{ n: number }>(
    `select count(*)::int as n from invoices i
      where i.number = any($1::text[]) and i.status = 'paid' and i.amount_due = 0
        and (select count(*) from payment_allocations a join payments p on p.id = a.payment_id
              join test_gateway_charges g on g.idempotency_key = p.id::text
              where a.invoice_id = i.id and p.status = 'completed' and a.amount = i.amount) = 1`,
    [paid],
  )) as [{ n: number }];
  const [{ n: halfway }] = (await db.query<{ n: number }>(
    `select count(*)::int as n from payments where status = 'authorizing'`,
  )) as [{ n: number }];
  return { paidTwice, negativeDue, unsettled: paid.length - settled, halfway };
}

// ── the server ─────────────────────────────────────────────────────────

interface Server {
  base: string;
  output(): string;
  /** CPU time the server process has used so far (Linux), to tell a busy server from one that waits. */
  cpuSeconds(): number;
  /** Time its main thread was ready to run but waited for a core (Linux): on a shared machine, the noise. */
  runQueueSeconds(): number;
  stop(): Promise<void>;
}

let running: Server | null = null;

async function startServer(env: Record<string, string>): Promise<Server> {
  const child = await startServerProcess(env);
  const server: Server = {
    base: child.base,
    output: child.output,
    cpuSeconds() {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name: user and system ticks.
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return Number.NaN;
      }
    },
    runQueueSeconds() {
      try {
        return Number(readFileSync(`/proc/${child.pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
      } catch {
        return Number.NaN;
      }
    },
    async stop() {
      // SIGTERM: the server closes PGlite after its last request, so the next open finds the files whole.
      await child.kill('SIGTERM');
      running = null;
    },
  };
  running = server;
  return server;
}

// ── the clients ────────────────────────────────────────────────────────

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: PAYER, password: DEMO_PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

interface Invoice {
  number: string;
  amount_due: number;
}

interface Tally {
  latencies: number[];
  tokenLatencies: number[];
  errorCodes: Map<string, number>;
  paid: string[];
  exhausted: boolean;
}

const newTally = (): Tally => ({
  latencies: [],
  tokenLatencies: [],
  errorCodes: new Map(),
  paid: [],
  exhausted: false,
});

const errorOf = async (what: string, response: Response) => {
  const text = await response.text();
  let code: string;
  try {
    code = (JSON.parse(text) as { code?: string }).code ?? '';
  } catch {
    code = text.slice(0, 40);
  }
  return `${what}${response.status} ${code}`.trim();
};

function count(tally: Tally, key: string): void {
  tally.errorCodes.set(key, (tally.errorCodes.get(key) ?? 0) + 1);
}

/** One client: pays the next invoice of the shared pool until `until`, then lets its last payment finish. */
async function client(
  base: string,
  session: string,
  methodId: string,
  pool: Iterator<Invoice>,
  until: number,
  tally: Tally,
): Promise<void> {
  while (performance.now() < until) {
    const next = pool.next();
    if (next.done) {
      tally.exhausted = true;
      return;
    }
    const invoice = next.value;
    try {
      let source: { methodId: string } | { token: string } = { methodId };
      if (METHOD === 'card') {
        const started = performance.now();
        const response = await fetch(`${base}/card-tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            holder: 'Bench Payer',
            number: '4242424242424242',
            expMonth: 12,
            expYear: new Date().getUTCFullYear() + 3,
            cvc: '123',
            postalCode: '30301',
          }),
        });
        if (response.status !== 201) {
          count(tally, await errorOf('card token: ', response));
          continue;
        }
        source = { token: ((await response.json()) as { token: string }).token };
        tally.tokenLatencies.push(performance.now() - started);
      }
      const started = performance.now();
      const response = await fetch(`${base}/payments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${session}`,
          'content-type': 'application/json',
          'idempotency-key': crypto.randomUUID(),
        },
        body: JSON.stringify({
          invoices: [{ number: invoice.number, amount: invoice.amount_due }],
          processingDate: today(),
          source,
        }),
      });
      if (response.ok) {
        // The receipt is part of the round trip: the payer waits for it.
        await response.arrayBuffer();
        tally.latencies.push(performance.now() - started);
        tally.paid.push(invoice.number);
      } else {
        count(tally, await errorOf('', response));
      }
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      count(tally, `network ${cause}`);
    }
  }
}

async function phase(
  base: string,
  sessions: string[],
  methodId: string,
  pool: Iterator<Invoice>,
  seconds: number,
): Promise<{ tally: Tally; seconds: number }> {
  const tally = newTally();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(sessions.map((session) => client(base, session, methodId, pool, until, tally)));
  return { tally, seconds: (performance.now() - started) / 1000 };
}

// ── a run ──────────────────────────────────────────────────────────────

/** One level's figures, as `--json` writes them (read by bench/run.ts). */
export interface LevelResult {
  clients: number;
  payments: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  errorCodes: Record<string, number>;
  token: { p50: number; p95: number; p99: number } | null;
  exhausted: boolean;
  ledgerOk: boolean;
  /** Milliseconds per payment of the window: server CPU, server main thread waiting for a core, client CPU. */
  perPayment: { serverCpu: number; serverRunQueue: number; clientCpu: number };
}

async function runOn(target: Target): Promise<{ database: string; method: string; results: LevelResult[] }> {
  console.log(`\n== payments, ${target.label}: ${METHOD_LABEL}`);
  const setupStarted = performance.now();
  let db = await target.open();
  await migrate(db);
  await seedDemo(db, { today: today(), passwordIterations: PASSWORD_ITERATIONS });
  const [wallet] = await db.query<{ id: string }>(
    `select m.id from payment_methods m join users u on u.id = m.user_id
      where u.user_id = $1 and m.is_default and m.removed_at is null`,
    [PAYER],
  );
  if (!wallet) throw new Error(`${PAYER} has no default saved method`);
  await db.close();
  console.log(`seeded in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

  const results: LevelResult[] = [];
  // A guess for the first level; later levels size their pool from the best rate seen so far.
  let bestRate = 100;
  for (const clients of LEVELS) {
    db = await target.open();
    // Enough for a level up to four times faster than the best so far (twice for the first): more clients may well be.
    const wanted = Math.ceil(bestRate * Math.max(2, Math.min(clients, 4)) * (WARMUP + SECONDS)) + clients;
    const poolSize = await ensurePayable(db, wanted);
    // The same starting point for every level: the previous one's dead rows are vacuumed, statistics fresh.
    await refreshStatistics(db);
    await db.exec('vacuum analyze idempotency_keys, payment_tokens, audit_log, test_gateway_charges');
    const invoices = await db.query<Invoice>(
      `select i.number, i.amount_due::int as amount_due ${PAYABLE} order by i.id desc limit $1`,
      [wanted],
    );
    // PGlite has one process: the server can only open the folder once we have let go of it.
    await db.close();

    const server = await startServer(target.serverEnv);
    let measured: { tally: Tally; seconds: number };
    let warm: Tally;
    let cpu: { server: number; queue: number; client: number };
    try {
      const sessions = await Promise.all(Array.from({ length: clients }, () => signIn(server.base)));
      const pool = invoices.values();
      warm = (await phase(server.base, sessions, wallet.id, pool, WARMUP)).tally;
      const serverCpu = server.cpuSeconds();
      const serverQueue = server.runQueueSeconds();
      const clientCpu = process.cpuUsage();
      measured = await phase(server.base, sessions, wallet.id, pool, SECONDS);
      const { user, system } = process.cpuUsage(clientCpu);
      cpu = {
        server: server.cpuSeconds() - serverCpu,
        queue: server.runQueueSeconds() - serverQueue,
        client: (user + system) / 1e6,
      };
    } finally {
      await server.stop();
    }

    db = await target.open();
    const ledger = await checkLedger(db, [...warm.paid, ...measured.tally.paid]);
    await db.close();

    const { tally } = measured;
    const errors = [...tally.errorCodes.values()].reduce((a, b) => a + b, 0);
    const warmErrors = [...warm.errorCodes.values()].reduce((a, b) => a + b, 0);
    const ledgerOk = !ledger.paidTwice && !ledger.negativeDue && !ledger.unsettled && !ledger.halfway;
    const result: LevelResult = {
      clients,
      payments: tally.latencies.length,
      seconds: Number(measured.seconds.toFixed(2)),
      perSecond: Number((tally.latencies.length / measured.seconds).toFixed(1)),
      p50: Number(percentile(tally.latencies, 50).toFixed(2)),
      p95: Number(percentile(tally.latencies, 95).toFixed(2)),
      p99: Number(percentile(tally.latencies, 99).toFixed(2)),
      errors,
      errorCodes: Object.fromEntries(tally.errorCodes),
      token:
        METHOD === 'card'
          ? {
              p50: Number(percentile(tally.tokenLatencies, 50).toFixed(2)),
              p95: Number(percentile(tally.tokenLatencies, 95).toFixed(2)),
              p99: Number(percentile(tally.tokenLatencies, 99).toFixed(2)),
            }
          : null,
      exhausted: tally.exhausted || warm.exhausted,
      ledgerOk,
      perPayment: {
        serverCpu: Number(((cpu.server * 1000) / Math.max(1, tally.latencies.length)).toFixed(2)),
        serverRunQueue: Number(((cpu.queue * 1000) / Math.max(1, tally.latencies.length)).toFixed(2)),
        clientCpu: Number(((cpu.client * 1000) / Math.max(1, tally.latencies.length)).toFixed(2)),
      },
    };
    results.push(result);
    bestRate = Math.max(bestRate, result.perSecond);

    console.log(
      `${String(clients).padStart(3)} clients: ${String(result.payments).padStart(6)} payments in ${result.seconds.toFixed(1)} s = ` +
        `${result.perSecond.toFixed(1).padStart(6)}/s  p50 ${ms(result.p50).padStart(9)}  p95 ${ms(result.p95).padStart(9)}` +
        `  p99 ${ms(result.p99).padStart(9)}  errors ${errors}` +
        (result.token
          ? `  (card token p50 ${ms(result.token.p50)}, p95 ${ms(result.token.p95)}, p99 ${ms(result.token.p99)})`
          : ''),
    );
    console.log(
      `      per payment: server CPU ${ms(result.perPayment.serverCpu)}, server waiting for a core ` +
        `${ms(result.perPayment.serverRunQueue)}, benchmark clients' CPU ${ms(result.perPayment.clientCpu)}`,
    );
    console.log(
      `      pool ${poolSize} payable (${invoices.length} handed out), warm-up ${warm.paid.length} payments` +
        (warmErrors ? `, ${warmErrors} errors` : '') +
        `; ledger: ${ledger.paidTwice} paid twice, ${ledger.negativeDue} negative amount due, ` +
        `${ledger.unsettled} of ${warm.paid.length + tally.paid.length} paid not settled once, ${ledger.halfway} half-way` +
        (ledgerOk ? ' — OK' : ' — VIOLATED'),
    );
    for (const [code, n] of tally.errorCodes) console.log(`      error ${code}: ${n}`);
    for (const [code, n] of warm.errorCodes) console.log(`      error during the warm-up ${code}: ${n}`);
    if (result.exhausted)
      console.log('      the invoice pool ran dry before the window ended: the rate is understated');
    if (errors && /error|exception/i.test(server.output())) console.log(server.output().slice(-4000));
  }

  console.log(`\n${target.label}, ${METHOD_LABEL}, ${SECONDS} s windows after ${WARMUP} s warm-up:`);
  console.table(
    results.map((r) => ({
      clients: r.clients,
      payments: r.payments,
      seconds: r.seconds,
      'per second': r.perSecond,
      p50: ms(r.p50),
      p95: ms(r.p95),
      p99: ms(r.p99),
      errors: r.errors,
      ...(r.token ? { 'token p99': ms(r.token.p99) } : {}),
      ledger: r.ledgerOk ? 'OK' : 'VIOLATED',
    })),
  );
  return { database: target.label, method: METHOD_LABEL, results };
}

const targets: Target[] = [];
// Interrupted: stop the server and remove the run's database rather than leave them behind.
process.once('SIGINT', () => {
  void (async () => {
    await running?.stop().catch(() => {});
    for (const target of targets) await target.dispose().catch(() => {});
    process.exit(130);
  })();
});

const runs: Awaited<ReturnType<typeof runOn>>[] = [];
for (const database of databases) {
  const target = database === 'postgres' ? await postgresTarget(postgresUrl!) : await pgliteTarget();
  targets.push(target);
  try {
    runs.push(await runOn(target));
  } finally {
    await target.dispose();
    targets.pop();
  }
}
if (values.json) writeFileSync(values.json, JSON.stringify(runs, null, 2));
const violated = runs.some((r) => r.results.some((l) => !l.ledgerOk));
if (violated) {
  console.error('\nThe ledger check failed: see the lines marked VIOLATED.');
  process.exitCode = 1;
}
