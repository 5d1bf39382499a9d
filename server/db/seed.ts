/**
 * Demo data, written once into an empty database: "Demo Co" with four users
 * (one per role), eight accounts in the US and France, one consolidated
 * plan, ~2,000 invoices over 13 months, disputes in every state (see
 * seed-disputes.ts); a second company whose data Demo Co must never see;
 * and a few UPS accounts no company has enrolled yet, for enrolment and
 * Add account (see seed-unenrolled.ts).
 */
import { hashPassword } from '../domain/passwords.js';
import type { Db, Sql } from './db.js';
import { generateInvoices, type GenAccount } from './generate.js';
import { seedDisputes } from './seed-disputes.js';
import { seedUnenrolledAccounts } from './seed-unenrolled.js';
import { seedWallets } from './seed-wallet.js';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS = [
  { userId: 'admin1', name: 'Alice Martin', role: 'administrator', scope: 'all accounts and plans' },
  { userId: 'manager1', name: 'Marc Dubois', role: 'manager', scope: 'plan P4R7X210 and account 4R7X21' },
  { userId: 'payer1', name: 'Priya Shah', role: 'payer', scope: 'accounts 4R7X21 and F3R901' },
  { userId: 'viewer1', name: 'Victor Lee', role: 'viewer', scope: 'accounts F3R901 and F3R902' },
] as const;

/** The other company, for isolation tests. Not advertised in the demo. */
export const OTHER_COMPANY_ADMIN = 'northwind-admin';

interface AccountSeed {
  number: string;
  name: string;
  country: string;
  currency: string;
  plan?: string;
  xml?: boolean;
  autopay?: boolean;
}

const DEMO_ACCOUNTS: AccountSeed[] = [
  { number: '4R7X21', name: 'Demo Co — Atlanta DC', country: 'US', currency: 'USD', xml: true },
  { number: 'W9E530', name: 'Demo Co — Chicago', country: 'US', currency: 'USD', plan: 'P4R7X210' },
  { number: '8F2K44', name: 'Demo Co — Dallas returns', country: 'US', currency: 'USD', plan: 'P4R7X210' },
  { number: 'Y67V08', name: 'Demo Co — Newark', country: 'US', currency: 'USD', autopay: true },
  { number: 'K2M8Q5', name: 'Demo Co — Seattle', country: 'US', currency: 'USD' },
  { number: 'F3R901', name: 'Demo Co France — Paris', country: 'FR', currency: 'EUR', xml: true },
  { number: 'F3R902', name: 'Demo Co France — Lyon', country: 'FR', currency: 'EUR' },
  { number: 'E7T310', name: 'Demo Co France — Lille', country: 'FR', currency: 'EUR' },
];

const OTHER_ACCOUNTS: AccountSeed[] = [
  { number: 'N0RTH1', name: 'Northwind Freight — Paris', country: 'FR', currency: 'EUR' },
  { number: 'N0RTH2', name: 'Northwind Freight — Nice', country: 'FR', currency: 'EUR' },
];

export interface SeedOptions {
  /** Statuses and dates are relative to this day (`YYYY-MM-DD`). */
  today: string;
  /** Invoices for Demo Co. */
  invoiceCount?: number;
  passwordIterations?: number;
}

async function insertCompany(
  tx: Sql,
  name: string,
  country: string,
  currency: string,
  accounts: AccountSeed[],
  plans: { number: string; name: string; country: string; currency: string }[],
): Promise<{ companyId: string; accounts: (GenAccount & { seed: AccountSeed })[]; planIds: Map<string, string> }> {
  const [company] = await tx.query<{ id: string }>(
    'insert into companies (name, country, currency) values ($1, $2, $3) returning id',
    [name, country, currency],
  );
  const companyId = company!.id;
  const planIds = new Map<string, string>();
  for (const plan of plans) {
    const [row] = await tx.query<{ id: string }>(
      'insert into plans (company_id, number, name, country, currency) values ($1, $2, $3, $4, $5) returning id',
      [companyId, plan.number, plan.name, plan.country, plan.currency],
    );
    planIds.set(plan.number, row!.id);
  }
  const out: (GenAccount & { seed: AccountSeed })[] = [];
  for (const account of accounts) {
    const planId = account.plan ? planIds.get(account.plan)! : null;
    const [row] = await tx.query<{ id: string }>(
      `insert into accounts (company_id, number, name, country, currency, plan_id, xml_enrolled)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [companyId, account.number, account.name, account.country, account.currency, planId, Boolean(account.xml)],
    );
    out.push({ ...account, id: row!.id, planId, seed: account });
  }
  return { companyId, accounts: out, planIds };
}

async function insertUser(
  tx: Sql,
  companyId: string,
  user: { userId: string; name: string; role: string },
  passwordHash: string,
  scope: { accounts?: string[]; plans?: string[] } = {},
): Promise<void> {
  const email = `${user.userId}@${user.userId.startsWith('northwind') ? 'northwind.example' : 'demo-co.example'}`;
  const [row] = await tx.query<{ id: string }>(
    `insert into users (company_id, user_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5, $6) returning id`,
    [companyId, user.userId, email, user.name, user.role, passwordHash],
  );
  for (const number of scope.accounts ?? []) {
    await tx.query('insert into user_scope (user_id, account_id) select $1, id from accounts where number = $2', [
      row!.id,
      number,
    ]);
  }
  for (const number of scope.plans ?? []) {
    await tx.query('insert into user_scope (user_id, plan_id) select $1, id from plans where number = $2', [
      row!.id,
      number,
    ]);
  }
}

const SEED_LOCK = 7_242_003;

/**
 * Seeds the demo into an empty database and returns true; returns false and
 * writes nothing when any company exists (the data is someone's).
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<boolean> {
  const from = new Date(Date.parse(`${options.today}T00:00:00Z`) - 396 * 86_400_000).toISOString().slice(0, 10);
  // Hash once: the four demo users share a password.
  const hash = await hashPassword(DEMO_PASSWORD, options.passwordIterations);
  // One transaction: a seed interrupted half-way leaves an empty database, which the next start seeds again.
  const seeded = await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [existing] = await tx.query<{ n: number }>('select count(*)::int as n from companies');
    if (existing!.n > 0) return false;
    const demo = await insertCompany(tx, 'Demo Co', 'US', 'USD', DEMO_ACCOUNTS, [
      { number: 'P4R7X210', name: 'Consolidated US plan', country: 'US', currency: 'USD' },
    ]);
    const [admin, manager, payer, viewer] = DEMO_USERS;
    await insertUser(tx, demo.companyId, admin, hash);
    await insertUser(tx, demo.companyId, manager, hash, { accounts: ['4R7X21'], plans: ['P4R7X210'] });
    await insertUser(tx, demo.companyId, payer, hash, { accounts: ['4R7X21', 'F3R901'] });
    await insertUser(tx, demo.companyId, viewer, hash, { accounts: ['F3R901', 'F3R902'] });
    await seedWallets(tx, options.today);
    const other = await insertCompany(tx, 'Northwind Freight SARL', 'FR', 'EUR', OTHER_ACCOUNTS, []);
    await insertUser(
      tx,
      other.companyId,
      { userId: OTHER_COMPANY_ADMIN, name: 'Nadia Roux', role: 'administrator' },
      hash,
    );
    const common = { from, to: options.today, today: options.today, lines: 'full' as const };
    await generateInvoices(tx, {
      ...common,
      companyId: demo.companyId,
      accounts: demo.accounts.map((a) => ({ ...a, autopay: Boolean(a.seed.autopay) })),
      count: options.invoiceCount ?? 2_000,
      seed: 20261126,
    });
    await generateInvoices(tx, {
      ...common,
      companyId: other.companyId,
      accounts: other.accounts,
      count: 120,
      seed: 7,
    });
    await seedDisputes(tx, options.today);
    await seedUnenrolledAccounts(tx, options.today);
    return true;
  });
  if (seeded) await refreshStatistics(db);
  return seeded;
}

/**
 * After a bulk load: statistics for the planner, and the visibility map that
 * lets counts run as index-only scans. PostgreSQL's autovacuum would get
 * there eventually; PGlite has no autovacuum, so loaders call this.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.exec('vacuum analyze invoices, shipments, charges, payments, payment_allocations');
}
