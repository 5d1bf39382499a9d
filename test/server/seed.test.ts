import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { DEMO_USERS, seedDemo } from '../../server/db/seed.js';
import { ATTACHMENT_TYPES } from '../../src/api/schemas/dispute.js';
import { sniffType } from '../../src/api/upload.js';
import { freshDatabase, today } from '../helpers/database.js';

describe('migrations and demo data', () => {
  let db: Db;
  before(async () => {
    db = await freshDatabase();
  });
  after(() => db.close());

  test('migrations already applied are not applied again', async () => {
    assert.deepEqual(await migrate(db), []);
  });

  test('seeding a database that has data writes nothing', async () => {
    const [{ n: before }] = await db.query<{ n: number }>('select count(*)::int as n from invoices');
    assert.equal(await seedDemo(db, { today: today(), passwordIterations: 1_000 }), false);
    const [{ n: after }] = await db.query<{ n: number }>('select count(*)::int as n from invoices');
    assert.equal(after, before);
  });

  test('Demo Co has one user per role, US and French accounts, one plan', async () => {
    const users = await db.query<{ user_id: string; role: string }>(
      `select u.user_id, u.role from users u join companies c on c.id = u.company_id where c.name = 'Demo Co' order by u.user_id`,
    );
    assert.deepEqual(
      users.map((u) => [u.user_id, u.role]),
      DEMO_USERS.map((u) => [u.userId, u.role]).sort(),
    );
    const accounts = await db.query<{ country: string; n: number }>(
      `select a.country, count(*)::int as n from accounts a join companies c on c.id = a.company_id where c.name = 'Demo Co' group by 1 order by 1`,
    );
    assert.ok(accounts.reduce((sum, a) => sum + a.n, 0) >= 6);
    assert.deepEqual(
      accounts.map((a) => a.country),
      ['FR', 'US'],
    );
    const [{ n: plans }] = await db.query<{ n: number }>(
      `select count(*)::int as n from plans p join companies c on c.id = p.company_id where c.name = 'Demo Co'`,
    );
    assert.equal(plans, 1);
  });

  test('about 2,000 invoices over 13 months, with lines and realistic statuses', async () => {
    const [stats] = await db.query<{ n: number; first: string; last: string }>(
      `select count(*)::int as n, min(invoice_date)::text as first, max(invoice_date)::text as last
         from invoices i join companies c on c.id = i.company_id where c.name = 'Demo Co'`,
    );
    assert.ok(stats!.n >= 1_900 && stats!.n <= 2_100, `${stats!.n} invoices`);
    const months = (Date.parse(stats!.last) - Date.parse(stats!.first)) / (30.44 * 86_400_000);
    assert.ok(months >= 12.5 && months <= 13.5, `${months.toFixed(1)} months`);
    const statuses = await db.query<{ status: string }>('select distinct status from invoices');
    assert.deepEqual(statuses.map((s) => s.status).sort(), [
      'closed',
      'open',
      'paid',
      'past_due',
      'payment_pending',
      'payment_returned',
      'payment_scheduled',
    ]);
    // Every invoice's amount is the sum of its charge lines.
    const [{ n: mismatched }] = await db.query<{ n: number }>(
      `select count(*)::int as n from invoices i
        where i.amount <> (select coalesce(sum(amount), 0) from charges c where c.invoice_id = i.id)`,
    );
    assert.equal(mismatched, 0);
    const [{ n: credits }] = await db.query<{ n: number }>(`select count(*)::int as n from invoices where amount < 0`);
    assert.ok(credits > 0);
  });

  test('every balance is the amount less completed payments, and payments explain statuses', async () => {
    const [{ n: unbalanced }] = await db.query<{ n: number }>(
      `select count(*)::int as n from invoices i
        where i.amount_due <> i.amount - (select coalesce(sum(a.amount), 0) from payment_allocations a
                                            join payments p on p.id = a.payment_id
                                           where a.invoice_id = i.id and p.status = 'completed')`,
    );
    assert.equal(unbalanced, 0);
    const pairs = await db.query<{ status: string; payment: string | null }>(
      `select distinct i.status, p.status as payment from invoices i
         left join payment_allocations a on a.invoice_id = i.id left join payments p on p.id = a.payment_id`,
    );
    const expected: Record<string, string | null> = {
      open: null,
      past_due: null,
      paid: 'completed',
      closed: 'completed',
      payment_scheduled: 'scheduled',
      payment_pending: 'processing',
      payment_returned: 'returned',
    };
    for (const { status, payment } of pairs) assert.equal(payment, expected[status], status);
    const [{ n: unbalancedPayments }] = await db.query<{ n: number }>(
      `select count(*)::int as n from payments p
        where p.amount <> (select sum(amount) from payment_allocations where payment_id = p.id)`,
    );
    assert.equal(unbalancedPayments, 0);
  });

  test('Demo Co has disputes in every state, each with its history, some with files', async () => {
    const rows = await db.query<{ status: string; events: string[]; files: number; credited: number | null }>(
      `select d.status, d.credited,
              array(select e.status from dispute_events e where e.dispute_id = d.id order by e.at, e.id) as events,
              (select count(*)::int from dispute_attachments a where a.dispute_id = d.id) as files
         from disputes d join companies c on c.id = d.company_id where c.name = 'Demo Co'`,
    );
    assert.deepEqual([...new Set(rows.map((r) => r.status))].sort(), [
      'approved',
      'denied',
      'in_review',
      'partially_approved',
      'submitted',
      'withdrawn',
    ]);
    for (const row of rows) {
      // The history starts with the submission and ends with the status the dispute has.
      assert.equal(row.events[0], 'submitted');
      assert.equal(row.events.at(-1), row.status);
    }
    assert.ok(rows.some((r) => r.files > 0));
    // Seeded files are what they say they are, by the check uploads go through.
    const files = await db.query<{ media_type: string; content: Uint8Array }>(
      'select media_type, content from dispute_attachments',
    );
    for (const f of files) assert.equal(sniffType(f.content, ATTACHMENT_TYPES), f.media_type);
    // One approved credit already sits on a later invoice; a partial one waits for the next invoice.
    const [credits] = await db.query<{ applied: number; waiting: number }>(
      `select (select count(*)::int from dispute_credits) as applied,
              (select count(*)::int from disputes where credit_pending > 0 and status = 'partially_approved') as waiting`,
    );
    assert.deepEqual(credits, { applied: 1, waiting: 1 });
    // Every credit is accounted for: what landed on invoices plus what still waits.
    const [{ n: unbalanced }] = await db.query<{ n: number }>(
      `select count(*)::int as n from disputes d
        where coalesce(d.credited, 0) <> d.credit_pending
              + (select coalesce(sum(amount), 0) from dispute_credits c where c.dispute_id = d.id)`,
    );
    assert.equal(unbalanced, 0);
  });

  test('an invoice is "in dispute" exactly while it has an open dispute', async () => {
    const [{ n }] = await db.query<{ n: number }>(
      `select count(*)::int as n from invoices i
        where i.in_dispute <> exists (select 1 from disputes d where d.invoice_id = i.id
                                        and d.status in ('submitted', 'in_review'))`,
    );
    assert.equal(n, 0);
    const [{ flagged }] = await db.query<{ flagged: number }>(
      `select count(*)::int as flagged from invoices i join companies c on c.id = i.company_id
        where c.name = 'Demo Co' and i.in_dispute`,
    );
    assert.ok(flagged >= 2, `${flagged} invoices in dispute`);
  });

  test('a second company exists with its own accounts and invoices', async () => {
    const rows = await db.query<{ name: string; n: number }>(
      `select c.name, count(i.id)::int as n from companies c join invoices i on i.company_id = c.id group by c.name order by c.name`,
    );
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.n > 0));
  });
});
