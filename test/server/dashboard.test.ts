import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { today } from '../helpers/database.js';

describe('GET /dashboard', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const get = async (userId: string) =>
    (await server.api('/dashboard', { token: await server.tokenFor(userId) })).json();

  test('figures per currency match the invoices they come from', async () => {
    const body = await get('admin1');
    assert.equal(body.asOf, today());
    assert.deepEqual(
      body.currencies.map((c: { currency: string }) => c.currency),
      ['EUR', 'USD'],
    );
    for (const summary of body.currencies) {
      const [expected] = await server.db.query<{ balance: number; past_due: number; week: number; n: number }>(
        `select coalesce(sum(i.amount_due), 0) as balance,
                coalesce(sum(amount_due) filter (where amount > 0 and due_date < $2::date), 0) as past_due,
                coalesce(sum(amount_due) filter (where amount > 0 and due_date >= $2::date and due_date <= $2::date + 7), 0) as week,
                count(*) filter (where amount > 0 and due_date < $2::date)::int as n
           from invoices i join companies c on c.id = i.company_id
          where c.name = 'Demo Co' and i.currency = $1 and i.status in ('open', 'past_due', 'payment_returned')`,
        [summary.currency, today()],
      );
      assert.equal(summary.balanceDue.amount, expected!.balance);
      assert.equal(summary.pastDue.amount, expected!.past_due);
      assert.equal(summary.dueNext7Days.amount, expected!.week);
      assert.equal(summary.pastDueInvoices, expected!.n);
      const aging = summary.aging;
      const buckets =
        aging.current.amount +
        aging.days1to30.amount +
        aging.days31to60.amount +
        aging.days61to90.amount +
        aging.days90plus.amount;
      assert.equal(buckets - aging.current.amount, summary.pastDue.amount, 'past-due buckets add up to past due');
      assert.ok(Object.values(aging).every((m) => (m as { currency: string }).currency === summary.currency));
    }
  });

  test('a past-due alert counts past-due invoices', async () => {
    const body = await get('admin1');
    const alert = body.alerts.find((a: { code: string }) => a.code === 'past_due');
    const total = body.currencies.reduce((n: number, c: { pastDueInvoices: number }) => n + c.pastDueInvoices, 0);
    assert.ok(total > 0);
    assert.equal(alert.count, total);
    assert.equal(alert.severity, 'critical');
  });

  test('a viewer sees only the figures of their scope', async () => {
    const viewer = await get('viewer1');
    assert.deepEqual(
      viewer.currencies.map((c: { currency: string }) => c.currency),
      ['EUR'],
    );
    const [expected] = await server.db.query<{ balance: number }>(
      `select coalesce(sum(amount_due), 0) as balance from invoices
        where account_number in ('F3R901', 'F3R902') and status in ('open', 'past_due', 'payment_returned')`,
    );
    assert.equal(viewer.currencies[0].balanceDue.amount, expected!.balance);
  });
});
