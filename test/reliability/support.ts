/**
 * What the reliability suites share: reference servers as real processes
 * (`server/main.ts`, as deployed) on a private PostgreSQL database, sign-in,
 * card tokens, and the money invariants checked straight in the database.
 */
import type { Db } from '../../server/db/db.js';
import { DEMO_PASSWORD } from '../../server/db/seed.js';
import { startServerProcess as startProcess, type ServerProcess } from '../../scripts/server-process.js';

export const hasPostgres = Boolean(process.env['DATABASE_URL']);
export const NO_POSTGRES = 'needs PostgreSQL: set DATABASE_URL, or run `npm run test:reliability`, which starts one';

export type { ServerProcess };

/** `node server/main.ts` on the given PostgreSQL database, ready to serve when this resolves. */
export function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startProcess({ DATABASE_URL: databaseUrl, ...env }, { timeoutMs: 30_000 });
}

export async function signIn(base: string, userId: string): Promise<string> {
  const response = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, password: DEMO_PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`sign-in of ${userId}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export const TEST_CARDS = ['4242424242424242', '5555555555554444', '4000000000009995'];
export const TEST_CVC = '7391';

/** A single-use token for a test card, as the card frame gets one. */
export async function cardToken(base: string, number = '4242424242424242'): Promise<string> {
  const response = await fetch(`${base}/card-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ holder: 'R Test', number, expMonth: 12, expYear: 2031, cvc: TEST_CVC, postalCode: '30301' }),
  });
  if (response.status !== 201) throw new Error(`card token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

export interface Payable {
  number: string;
  amount_due: number;
}

/** Open debit invoices of some accounts (all of Demo Co's US accounts when none given), payable today in full by card. */
export function payableInvoices(db: Db, accounts: string[] | null, limit: number): Promise<Payable[]> {
  return db.query<Payable>(
    `select i.number, i.amount_due::int as amount_due from invoices i join accounts a on a.id = i.account_id
      join companies c on c.id = i.company_id
      where ($1::text[] is null and c.name = 'Demo Co' and a.country = 'US' or i.account_number = any($1::text[]))
        and i.status in ('open', 'past_due') and i.amount > 0 and i.amount_due = i.amount
        and i.type <> 'import' order by i.id limit $2`,
    [accounts, limit],
  );
}

/**
 * The ledger's invariants, as rows that break them (empty when all hold):
 * an invoice owes its amount less what completed payments allocated to it and
 * never less than nothing; no payment lacks its allocations or is left half-way.
 */
export async function ledgerViolations(db: Db): Promise<unknown[]> {
  return [
    ...(await db.query(
      `select 'balance' as rule, i.number, i.amount, i.amount_due,
              coalesce(sum(a.amount) filter (where p.status = 'completed'), 0)::bigint as completed
         from invoices i left join payment_allocations a on a.invoice_id = i.id left join payments p on p.id = a.payment_id
        where i.amount > 0 and exists (select 1 from payment_allocations x join payments y on y.id = x.payment_id
                                        where x.invoice_id = i.id and y.idempotency_key is not null)
        group by i.id having i.amount_due <> i.amount - coalesce(sum(a.amount) filter (where p.status = 'completed'), 0)
            or i.amount_due < 0`,
    )),
    ...(await db.query(
      `select 'paid twice' as rule, i.number, count(*)::int as payments
         from invoices i join payment_allocations a on a.invoice_id = i.id
         join payments p on p.id = a.payment_id and p.status in ('completed', 'processing', 'authorizing', 'scheduled')
        where p.idempotency_key is not null
        group by i.id having count(*) > 1`,
    )),
    ...(await db.query(
      `select 'no allocation' as rule, p.confirmation_number from payments p
        where not exists (select 1 from payment_allocations a where a.payment_id = p.id)`,
    )),
    ...(await db.query(
      `select 'charges' as rule, p.confirmation_number, p.status, count(c.*)::int as charges
         from payments p left join test_gateway_charges c on c.idempotency_key = p.id::text
        where p.idempotency_key is not null
        group by p.id having count(c.*) <> case when p.status in ('completed', 'processing') then 1 else count(c.*) end
            or count(c.*) > 1`,
    )),
  ];
}

/**
 * A fingerprint of every table's content (row count and an order-free sum of row hashes), for
 * "nothing was written" where the cheaper transaction-id check cannot tell: a refused request
 * that took a row lock (`select … for update`) spends a transaction id and writes nothing.
 */
export async function contentFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
      order by 1`,
  );
  const rows = await db.query<{ t: string; h: string }>(
    tables
      .map(
        ({ name }) =>
          `select '${name}' as t, count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) as h from "${name}" x`,
      )
      .join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The cluster's next transaction id: it moves when anything (a write, a row lock, autovacuum's ANALYZE) takes one. */
export async function nextXid(db: Db): Promise<string> {
  return (await db.query<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x'))[0]!.x;
}

/**
 * Rows of our tables inserted or updated by a transaction numbered `xid` or later, per table.
 * When the transaction id moved, this tells a write of ours from a row lock or the autovacuum
 * daemon's statistics, which take ids and write nothing of ours.
 */
export async function rowsWrittenSince(db: Db, xid: string): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  // xmin is the 32-bit id of the transaction that wrote the row version; xids here are 64-bit.
  const rows = await db.query<{ t: string; n: number }>(
    tables
      .map(
        ({ name }) =>
          `select '${name}' as t, count(*)::int as n from "${name}" where xmin::text::bigint >= ($1::bigint % 4294967296)`,
      )
      .join(' union all '),
    [xid],
  );
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.t, r.n]));
}
