/**
 * `npm run seed:invoices -- --count 1000000`: adds N invoices (with a
 * shipment and charge lines each) to the benchmark company "Bench Co" in the
 * server's database — `.data/pglite`, or `DATA_DIR`, or `DATABASE_URL`.
 * The company, its 40 accounts and its administrator `bench-admin`
 * (password `demo-password`) are created on first use.
 */
import { parseArgs } from 'node:util';
import { migrate } from '../server/db/migrate.js';
import { generateInvoices, type GenAccount } from '../server/db/generate.js';
import { DEMO_PASSWORD, refreshStatistics } from '../server/db/seed.js';
import { hashPassword } from '../server/domain/passwords.js';
import { openDatabase } from '../server/node.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    accounts: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
  },
});
const count = Number(values.count);
const accountCount = Number(values.accounts);

const started = performance.now();
const db = await openDatabase();
await migrate(db);
const today = new Date().toISOString().slice(0, 10);
const from = new Date(Date.now() - 396 * 86_400_000).toISOString().slice(0, 10);

const accounts = await db.transaction(async (tx) => {
  let [company] = await tx.query<{ id: string }>(`select id from companies where name = 'Bench Co'`);
  if (!company) {
    [company] = await tx.query<{ id: string }>(
      `insert into companies (name, country, currency) values ('Bench Co', 'US', 'USD') returning id`,
    );
    await tx.query(
      `insert into users (company_id, user_id, email, name, role, password_hash) values ($1, 'bench-admin', 'bench-admin@bench.example', 'Bench Admin', 'administrator', $2)`,
      [company!.id, await hashPassword(DEMO_PASSWORD)],
    );
    for (let i = 0; i < accountCount; i++) {
      const number = `B${i.toString(36).toUpperCase().padStart(5, '0')}`;
      const fr = i % 4 === 3;
      await tx.query(`insert into accounts (company_id, number, name, country, currency) values ($1, $2, $3, $4, $5)`, [
        company!.id,
        number,
        `Bench account ${i + 1}`,
        fr ? 'FR' : 'US',
        fr ? 'EUR' : 'USD',
      ]);
    }
  }
  const rows = await tx.query<{ id: string; number: string; country: string; currency: string }>(
    'select id, number, country, currency from accounts where company_id = $1 order by number',
    [company!.id],
  );
  return { companyId: company!.id, list: rows.map((r): GenAccount => ({ ...r, planId: null })) };
});

let last = 0;
await generateInvoices(db, {
  companyId: accounts.companyId,
  accounts: accounts.list,
  count,
  from,
  to: today,
  today,
  seed: Number(values.seed),
  lines: 'light',
  batchSize: 20_000,
  onProgress(done) {
    if (done - last >= 100_000 || done === count) {
      last = done;
      console.log(`${done.toLocaleString('en')} invoices, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  },
});
await refreshStatistics(db);
await db.close();
console.log(
  `Added ${count.toLocaleString('en')} invoices to Bench Co (${db.kind}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
