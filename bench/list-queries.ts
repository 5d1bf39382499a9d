/**
 * Server list queries at scale: p50 and p95 of `listInvoices` (the page and
 * its capped count, as the API runs them) for each query shape, on the
 * benchmark company "Bench Co". Fill it first with
 * `npm run seed:invoices -- --count 1000000` (same DATA_DIR / DATABASE_URL).
 *
 *   DATA_DIR=.data/bench npx tsx bench/list-queries.ts [--runs 30] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { InvoiceListQuery } from '../src/api/schemas/invoice.js';
import { migrate } from '../server/db/migrate.js';
import { loadCaller } from '../server/domain/caller.js';
import { listInvoices } from '../server/domain/invoices.js';
import { openDatabase } from '../server/node.js';
import { median, ms, percentile } from './stats.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, json: { type: 'string' } } });
const runs = Number(values.runs);

const db = await openDatabase();
await migrate(db);
await db.query('analyze');
const [admin] = await db.query<{ id: string }>(`select id from users where user_id = 'bench-admin'`);
if (!admin) throw new Error('No Bench Co: run `npm run seed:invoices -- --count 1000000` first.');
const caller = (await loadCaller(db, admin.id))!;
const [{ n: invoiceCount }] = await db.query<{ n: number }>(
  'select count(*)::int as n from invoices where company_id = $1',
  [caller.companyId],
);
const [sample] = await db.query<{ number: string; reference: string; account_number: string; tracking_number: string }>(
  `select i.number, i.reference, i.account_number, s.tracking_number from invoices i join shipments s on s.invoice_id = i.id
    where i.company_id = $1 and i.reference is not null order by i.id desc limit 1`,
  [caller.companyId],
);

const shapes: [string, InvoiceListQuery][] = [
  ['default: outstanding, newest first', {}],
  ['all statuses, newest first', { status: 'all' }],
  ...(['number', 'account', 'invoiceDate', 'dueDate', 'type', 'amount', 'amountDue', 'status'] as const).flatMap(
    (sort): [string, InvoiceListQuery][] => [
      [`sort ${sort} asc`, { status: 'all', sort, order: 'asc' }],
      [`sort ${sort} desc`, { status: 'all', sort, order: 'desc' }],
    ],
  ),
  ...(['past_due', 'paid', 'scheduled', 'returned', 'in_dispute'] as const).map(
    (status): [string, InvoiceListQuery] => [`status ${status}`, { status }],
  ),
  ['one account', { status: 'all', account: sample!.account_number }],
  ['one month', { status: 'all', from: '2026-03-01', to: '2026-03-31' }],
  ['amount 100–200', { status: 'all', min: 10_000, max: 20_000 }],
  ['search: invoice number part', { status: 'all', q: sample!.number.slice(3, 10) }],
  ['search: reference', { status: 'all', q: sample!.reference }],
  ['search: tracking number', { status: 'all', q: sample!.tracking_number }],
  ['page 100 of 50', { status: 'all', page: 100 }],
];

interface Row {
  shape: string;
  p50: number;
  p95: number;
}
const results: Row[] = [];
for (const [shape, query] of shapes) {
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now();
    await listInvoices(db, caller, query);
    if (i >= 3) samples.push(performance.now() - start);
  }
  results.push({ shape, p50: median(samples), p95: percentile(samples, 95) });
  console.log(
    `${shape.padEnd(36)} p50 ${ms(median(samples)).padStart(9)}  p95 ${ms(percentile(samples, 95)).padStart(9)}`,
  );
}
await db.close();
const worst = Math.max(...results.map((r) => r.p95));
console.log(
  `\n${db.kind}, ${invoiceCount.toLocaleString('en')} invoices, ${runs} runs per shape; worst p95 ${ms(worst)}`,
);
if (values.json)
  writeFileSync(values.json, JSON.stringify({ database: db.kind, invoices: invoiceCount, runs, results }, null, 2));
