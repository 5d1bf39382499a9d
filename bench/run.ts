/**
 * `npm run bench`: every benchmark, then docs/BENCHMARKS.md with the method,
 * the machine and the figures. Long (about half an hour): the first run
 * generates 1,000,000 invoices into `.data/bench-pglite` (a few minutes), later
 * runs reuse them. With BENCH_DATABASE_URL, the list queries and the payments
 * also run on that PostgreSQL (the payments in a database of their own,
 * created and dropped there).
 *
 * The anchor grids and Lighthouse are dependencies of the benchmarks only
 * (bench/package.json): installed here with `npm ci --prefix bench` when
 * missing, never by the library's own `npm ci`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome } from '../scripts/find-chrome.js';
// Types only: importing them runs none of those scripts.
import type { ColdLoadPage, Profile } from './cold-load.js';
import type { Result as LighthouseResult } from './lighthouse.js';
import type { LevelResult } from './payments.js';
import type { Figures, GridName } from './table-render.js';

const work = mkdtempSync(join(tmpdir(), 'ups-bench-'));
const PGLITE_DIR = '.data/bench-pglite';
const INVOICES = 1_000_000;

function run(args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`failed: ${args.join(' ')}`);
}
const read = <T>(file: string): T => JSON.parse(readFileSync(join(work, file), 'utf8')) as T;

if (!existsSync('bench/node_modules/@vaadin/grid') || !existsSync('bench/node_modules/lighthouse')) {
  console.log("== installing the benchmarks' own dependencies (npm ci --prefix bench)");
  const install = spawnSync('npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('npm ci --prefix bench failed');
}

interface QueryResult {
  database: string;
  invoices: number;
  runs: number;
  results: { shape: string; p50: number; p95: number }[];
}

console.log('== bundle sizes');
run(['scripts/size.ts', '--json', join(work, 'size.json')]);

console.log('== list queries, PGlite');
if (!existsSync(join(PGLITE_DIR, 'PG_VERSION'))) {
  run(['scripts/seed-invoices.ts', '--count', String(INVOICES)], { DATA_DIR: PGLITE_DIR });
}
run(['bench/list-queries.ts', '--json', join(work, 'pglite.json')], { DATA_DIR: PGLITE_DIR });
const postgresUrl = process.env['BENCH_DATABASE_URL'];
if (postgresUrl) {
  console.log('== list queries, PostgreSQL');
  const probe = spawnSync(process.execPath, ['--import', 'tsx', 'bench/count-invoices.ts'], {
    env: { ...process.env, DATABASE_URL: postgresUrl },
    encoding: 'utf8',
  });
  if (Number(probe.stdout.trim()) < INVOICES) {
    run(['scripts/seed-invoices.ts', '--count', String(INVOICES)], { DATABASE_URL: postgresUrl });
  }
  run(['bench/list-queries.ts', '--json', join(work, 'postgres.json')], { DATABASE_URL: postgresUrl });
}

console.log('== payments throughput');
run(['bench/payments.ts', '--json', join(work, 'payments.json')]);

console.log('== invoice table in Chromium, with @vaadin/grid and ag-grid-community');
run(['bench/table-render.ts', '--json', join(work, 'table.json')]);

console.log('== cold load to interactive');
run(['bench/cold-load.ts', '--rebuild', '--json', join(work, 'cold.json')]);

console.log('== Lighthouse');
// Lighthouse may not run against every Chromium: the page then says why instead of giving up on the rest.
let lighthouseFailure: string | null = null;
try {
  run(['bench/lighthouse.ts', '--json', join(work, 'lighthouse.json')]);
} catch (error) {
  lighthouseFailure = String(error);
}

const size = read<{
  measures: { name: string; raw: number; gzip: number; brotli: number; lazyGzip: number; localesGzip: number }[];
  budgets: Record<string, number>;
  cardFrame: { raw: number; gzip: number };
}>('size.json');
const pglite = read<QueryResult>('pglite.json');
const postgres = postgresUrl ? read<QueryResult>('postgres.json') : null;
const table = read<{
  items: number;
  runs: number;
  grids: Record<GridName, Figures>;
  versions: Record<string, string>;
  method: string;
}>('table.json');
const payments = read<{ database: string; method: string; results: LevelResult[] }[]>('payments.json');
const cold = read<{
  runs: number;
  profiles: Profile[];
  pages: ColdLoadPage[];
}>('cold.json');
const lighthouse = lighthouseFailure
  ? null
  : read<{ lighthouse: string; runs: number; results: LighthouseResult[] }>('lighthouse.json');
rmSync(work, { recursive: true, force: true });

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const chromium = (() => {
  try {
    return execFileSync(findChrome()!, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
})();
const queryRows = (a: QueryResult, b: QueryResult | null) =>
  a.results
    .map((r, i) => {
      const other = b?.results[i];
      return `| ${r.shape} | ${ms(r.p50)} | ${ms(r.p95)} |${other ? ` ${ms(other.p50)} | ${ms(other.p95)} |` : ''}`;
    })
    .join('\n');
const worst = (q: QueryResult) => Math.max(...q.results.map((r) => r.p95));

const measure = (name: string) => size.measures.find((m) => m.name === name)!;
const ours = table.grids['ups-invoice-table'];
const vaadin = table.grids['@vaadin/grid'];
const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const ratioOf = (key: keyof Figures) => (ours[key] / vaadin[key]).toFixed(2);
/** Each goal of issue 9, measured in this run, and where one is missed, why. */
const goals: [goal: string, result: string, met: boolean, why: string][] = [
  [
    'guest pay-form flow ≤ 30 KB gzip',
    kb(measure('pay-form guest flow').gzip),
    measure('pay-form guest flow').gzip <= 30 * 1024,
    'The client the product is built on (ky and zod, the contract shared with the server) and Lit weigh about 21 KB ' +
      'gzip before any code of the form (zod/mini 10.3, Lit 5.3, ky 5.1, @lit/context 0.7); the form with its steps, ' +
      'the card frame bridge, bank debit by country, the printable receipt, the error summary and its English catalog ' +
      'are about 20 KB. 30 KB would need the guest page without zod and ky.',
  ],
  [
    'every element in one bundle ≤ 100 KB gzip',
    `${kb(measure('all elements').gzip)} first render, ${kb(measure('all elements').lazyGzip)} more on demand`,
    measure('all elements').gzip <= 100 * 1024,
    'Fifteen entries with their complete flows (administration, disputes, sign-up, AutoPay) and every English ' +
      'message; a page pays for the elements it shows (one element: 22–40 KB), and each loads its dialogs on demand.',
  ],
  [
    'server list p95 ≤ 50 ms at 1,000,000 invoices',
    `${ms(worst(pglite))} PGlite${postgres ? `, ${ms(worst(postgres))} PostgreSQL` : ''} (worst query shape)`,
    worst(pglite) <= 50 && (!postgres || worst(postgres) <= 50),
    '',
  ],
  [
    'table scroll frame p95 ≤ 16.7 ms at 100,000 items',
    `${ms(ours.frameIntervalP95)} between frames, ${ms(ours.scrollWorkP95)} of main-thread work`,
    // One vsync period, which the trace reads as 16.4–17.0 ms: a dropped frame reads 33 ms.
    ours.frameIntervalP95 <= 17,
    'A fast wheel brings 10 new rows of 12 cells into every frame. A CPU profile of the scroll puts about 2 ms ' +
      'per frame in script and DOM calls (creating and removing rows, formatting money and dates); the rest is ' +
      "the browser's style, layout and paint of the entering rows, on 2 shared cores without a GPU. ag-grid, " +
      `in the same run, drops frames alike (${ms(table.grids['ag-grid-community'].frameIntervalP95)}).`,
  ],
  [
    'first render, sort and scroll no slower than @vaadin/grid',
    `ours ÷ vaadin: first render ${ratioOf('firstRender')}, sort ${ratioOf('sort')}, scroll work ${ratioOf('scrollWorkP95')}`,
    ours.firstRender <= vaadin.firstRender && ours.sort <= vaadin.sort && ours.scrollWorkP95 <= vaadin.scrollWorkP95,
    'Our first render sorts the 100,000 items by date and filters them by status before drawing; vaadin draws ' +
      'them in the order given.',
  ],
];

const doc = `# Benchmarks

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Figures are medians over repeated runs;
the machine is shared and noisy, so compare figures within one run, and read ratios rather than absolutes.

**Machine:** ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromium} (headless, no GPU).

## Goals

| goal | this run | verdict |
|---|---|---|
${goals.map(([goal, result, met]) => `| ${goal} | ${result} | ${verdict(met)} |`).join('\n')}

${goals
  .filter(([, , met]) => !met)
  .map(([goal, , , why]) => `- *${goal}*: ${why}`)
  .join('\n')}

## Bundle sizes

What a page loads before first render for each entry, every dependency included, bundled and minified by esbuild
(as a host's bundler would), compressed with gzip -9 and brotli 11. "On demand" is what an element loads after its
first render (the pay form's API client and schemas, fetched while the payer reads the first screen; its signed-in
mode); "other locales" are the French catalogs, loaded by French pages only. "pay-form guest flow" is everything a
guest page loads to pay: the form and its API module together. The card frame is not bundled by hosts: the billing
server serves it in its own origin, ${kb(size.cardFrame.raw)} minified, **${kb(size.cardFrame.gzip)} gzip** (script and
stylesheet). Budgets are enforced by \`npm run size\` in CI.

| entry | minified | gzip | brotli | on demand (gzip) | other locales (gzip) | budget (gzip) |
|---|---:|---:|---:|---:|---:|---:|
${size.measures.map((m) => `| ${m.name} | ${kb(m.raw)} | ${kb(m.gzip)} | ${kb(m.brotli)} | ${kb(m.lazyGzip)} | ${kb(m.localesGzip)} | ${size.budgets[m.name] ? kb(size.budgets[m.name]!) : '—'} |`).join('\n')}

## Server list queries at ${pglite.invoices.toLocaleString('en')} invoices

**Method.** \`bench/list-queries.ts\` calls the server's own \`listInvoices\` (the page query and its count, capped at
10,000, exactly as \`GET /api/v1/invoices\` runs them) for each query shape, ${pglite.runs} times after 3 warm-ups, as an
administrator of a company holding all ${pglite.invoices.toLocaleString('en')} invoices (generated by
\`npm run seed:invoices -- --count 1000000\`, then \`VACUUM ANALYZE\`). Time is measured in the server process, so it
excludes HTTP. Goal: p95 ≤ 50 ms on the embedded database. Worst p95: **${ms(worst(pglite))}** on PGlite${postgres ? `, **${ms(worst(postgres))}** on PostgreSQL` : ''}.

| query shape | PGlite p50 | PGlite p95 |${postgres ? ' PostgreSQL p50 | PostgreSQL p95 |' : ''}
|---|---:|---:|${postgres ? '---:|---:|' : ''}
${queryRows(pglite, postgres)}

## Payments throughput

**Method.** \`bench/payments.ts\` starts the real server (\`server/main.ts\`, as deployed) on a fresh seeded database
for each level, and N clients, each signed in as Demo Co's administrator, pay one invoice after another over HTTP
(\`POST /api/v1/payments\` with a new Idempotency-Key, the whole amount due, the payer's saved card: what the pay
form offers first). A 2 s warm-up, then a 10 s window; latency is the payment's round trip, for 2xx answers.
Invoices come from one pool, each asked for once, topped up outside the timed window. After each level the ledger
is checked in SQL: no invoice paid twice, no negative amount due, each paid invoice paid by exactly one completed
payment charged once. The server's own CPU time per payment, and the time its main thread waited for a core, are
read from Linux's /proc: on this shared machine the second is the noise.

${payments
  .map(
    (db) => `**${db.database}** (${db.method}):

| clients | payments | per second | p50 | p95 | p99 | errors | ledger | server CPU per payment | waiting for a core |
|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|
${db.results
  .map(
    (r) =>
      `| ${r.clients} | ${r.payments}${r.exhausted ? ' (pool ran dry)' : ''} | ${r.perSecond.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${r.ledgerOk ? 'consistent' : '**INCONSISTENT**'} | ${ms(r.perPayment.serverCpu)} | ${ms(r.perPayment.serverRunQueue)} |`,
  )
  .join('\n')}`,
  )
  .join('\n\n')}

Reading it: PGlite is one connection inside the server's one Node thread, so every statement of every payment
(about 23) waits its turn; more clients lengthen the queue, not the rate, and p50 grows as clients ÷ rate. It suits
a demo or a small portal; a portal with many payers at once wants PostgreSQL. On PostgreSQL one client is bound by
commit latency (each payment makes five commits: the idempotency key, the invoice's reservation, the gateway's
charge, the result, the key's completion, each waiting for its WAL flush), and concurrent clients share those
flushes, so the rate grows with clients until the server's pool of 10 connections is the limit.

## The invoice table in Chromium, data mode, against @vaadin/grid and ag-grid-community

**Method.** \`bench/table-render.ts\`: ${table.method}

| measure | ups-invoice-table | @vaadin/grid ${table.versions['@vaadin/grid'] ?? ''} | ag-grid-community ${table.versions['ag-grid-community'] ?? ''} | ours ÷ vaadin | goal |
|---|---:|---:|---:|---:|---|
${(
  [
    ['first render after the data is set', 'firstRender', 'no slower than @vaadin/grid'],
    ['sort by amount', 'sort', 'no slower than @vaadin/grid'],
    ['scroll: main-thread work per frame, p95', 'scrollWorkP95', 'no slower than @vaadin/grid'],
    ['scroll: frame interval p95', 'frameIntervalP95', '≤ 16.7 ms (one frame at 60 Hz)'],
  ] as const
)
  .map(
    ([label, key, goal]) =>
      `| ${label} | ${ms(table.grids['ups-invoice-table'][key])} | ${ms(table.grids['@vaadin/grid'][key])} | ${ms(table.grids['ag-grid-community'][key])} | ${(table.grids['ups-invoice-table'][key] / table.grids['@vaadin/grid'][key]).toFixed(2)} | ${goal} |`,
  )
  .join('\n')}
| row elements in the DOM while scrolling | ${table.grids['ups-invoice-table'].maxRows} | ${table.grids['@vaadin/grid'].maxRows} | ${table.grids['ag-grid-community'].maxRows} | — | < 100 |

${table.items.toLocaleString('en')} items, medians of ${table.runs} runs. Reading the scroll interval: at 60 Hz every
frame lasts one vsync period, 16.7 ms; a dropped frame reads 33.3 ms, so a p95 of about 16.7 ms means no frame in the
top 95% was dropped. The three grids do not do the same work: ours renders a real \`<table>\` with a selection
column, status badges and localized money per row; @vaadin/grid and ag-grid render their own div-based rows with
plain text cells here.

How ours keeps up: only the rows in view plus 4 on each side are rendered (keyed, so rows still in view keep their
DOM), with a spacer row above and below; long lists lay the table out from the header alone (\`table-layout:
fixed\`); the host's items are sorted once per sort key on typed keys, reversed for the other direction, and filters
walk the sorted list.

## Cold load to interactive

**Method.** \`bench/cold-load.ts\` serves the production build from the real server (fresh seeded PGlite, loopback)
and opens each page ${cold.runs} times in a new browser context (empty cache), after one discarded warm-up load.
*Interactive* is, for the guest page (\`/guest\`), the moment the pay form's first field is rendered, visible and
takes focus; for the portal (\`/\`), the moment the invoice table shows its first row — after the sign-in, which the
page submits itself as soon as its script has run (the sign-in's deliberate password hashing, PBKDF2 with 600,000
iterations, takes 0.6–0.8 s of that here). Bytes are as sent over the wire (headers and bodies, compressed), for
every request until the network is quiet. Profiles: ${cold.profiles
  .map((p) =>
    p.network
      ? `**${p.name}**: ${p.network.latencyMs} ms latency, ${Math.round((p.network.downloadBytesPerSecond * 8) / 1000)} kbit/s down, ${Math.round((p.network.uploadBytesPerSecond * 8) / 1000)} kbit/s up (Lighthouse's mobile "Slow 4G" as CDP applies it), CPU slowed ${p.cpu}×`
      : `**${p.name}**: loopback, no CPU slow-down`,
  )
  .join('; ')}. Medians.

| page | profile | interactive | first contentful paint | largest contentful paint | DOMContentLoaded | load | bytes | requests |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${cold.pages
  .map(
    (p) =>
      `| ${p.page} | ${p.profile} | ${ms(p.interactive)} | ${p.fcp === null ? '—' : ms(p.fcp)} | ${p.lcp === null ? '—' : ms(p.lcp)} | ${ms(p.dcl)} | ${ms(p.load)} | ${kb(p.bytes)} | ${p.requests} |`,
  )
  .join('\n')}

## Lighthouse

${
  lighthouse
    ? `**Method.** \`bench/lighthouse.ts\` runs Lighthouse ${lighthouse.lighthouse} (Node API, its default simulated
throttling) against the same server and build, in Debian's Chromium started by chrome-launcher; mobile (Lighthouse's
default: Moto G Power, Slow 4G, 4× CPU) and its desktop preset; ${lighthouse.runs} runs each, the run with the median
performance score reported (all runs' performance scores in brackets). The portal is audited signed in: a script
registered for new documents submits the sign-in at DOMContentLoaded, so Lighthouse's own cold navigation loads the
portal, signs in and shows the invoices.

| page | form factor | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | speed index |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${lighthouse.results
  .map(
    (r) =>
      `| ${r.page} | ${r.formFactor} | ${r.performance} (${r.performanceRuns.join(', ')}) | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls.toFixed(3)} | ${ms(r.si)} |`,
  )
  .join('\n')}

Audits below 0.9 in the reported runs: ${
        [
          ...new Set(
            lighthouse.results.flatMap((r) =>
              r.failing.map(
                (f) => `${f.title}${f.displayValue ? ` (${r.page} ${r.formFactor}: ${f.displayValue})` : ''}`,
              ),
            ),
          ),
        ].join('; ') || 'none'
      }.${
        lighthouse.results.some((r) => r.errored?.length)
          ? ` Audits that errored (weight 0, so no score moves): ${[
              ...new Set(lighthouse.results.flatMap((r) => (r.errored ?? []).map((e) => e.id))),
            ].join(
              ', ',
            )} — Lighthouse ${lighthouse.lighthouse}'s trace parser does not know this Chromium's traces (12.8 reads them; npm ci refuses the lock of the 12.3–13.4 releases here, and 13 needs Node 22).`
          : ''
      }`
    : `Lighthouse did not run here: ${lighthouseFailure}`
}
`;
writeFileSync('docs/BENCHMARKS.md', doc);
// Tables aligned as the rest of the repository's Markdown.
spawnSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', 'docs/BENCHMARKS.md'], {
  stdio: 'ignore',
});
console.log('Wrote docs/BENCHMARKS.md');
