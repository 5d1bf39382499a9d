import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices } from '../../server/app.js';
import { runAutopay } from '../../server/autopay/runner.js';
import { silentLogger, type Services } from '../../server/http/services.js';
import { autopayFixtures } from '../helpers/autopay.js';
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

  test('disputes decided in the last 30 days on invoices in scope, with credited totals per currency', async () => {
    type Alert = { code: string; severity: string; count: number; amounts: { amount: number; currency: string }[] };
    const resolved = async (userId: string): Promise<Alert | undefined> =>
      (await get(userId)).alerts.find((a: Alert) => a.code === 'dispute_resolved');
    const expected = async (accounts: string[] | null) => {
      const rows = await server.db.query<{ currency: string; n: number; credited: number }>(
        `select d.currency, count(*)::int as n, sum(d.credited) as credited
           from disputes d join invoices i on i.id = d.invoice_id join companies c on c.id = d.company_id
          where c.name = 'Demo Co' and d.decided_at >= $1::date - 30 and ($2::text[] is null or i.account_number = any($2))
          group by d.currency order by d.currency`,
        [today(), accounts],
      );
      return {
        count: rows.reduce((n, r) => n + r.n, 0),
        amounts: rows.filter((r) => r.credited > 0).map((r) => ({ amount: r.credited, currency: r.currency })),
      };
    };
    // The demo has a partial credit (Atlanta) and a denial (Dallas) decided within 30 days.
    const admin = await resolved('admin1');
    const all = await expected(null);
    assert.ok(all.count >= 2);
    assert.deepEqual(admin, { code: 'dispute_resolved', severity: 'info', ...all });
    const payer = await resolved('payer1');
    assert.deepEqual(payer, { code: 'dispute_resolved', severity: 'info', ...(await expected(['4R7X21', 'F3R901'])) });
    assert.ok(payer!.count < admin!.count, 'Dallas is not in the payer’s scope');
    // Decided long ago: no longer news.
    await server.db.query(
      `update disputes set decided_at = decided_at - interval '40 days' where decided_at is not null`,
    );
    assert.equal(await resolved('admin1'), undefined);
  });
});

describe('GET /dashboard: AutoPay and wallet alerts', () => {
  let server: TestServer;
  let fixtures: ReturnType<typeof autopayFixtures>;
  let services: Services;
  before(async () => {
    server = await startTestServer();
    services = createServices({ db: server.db, log: silentLogger });
    fixtures = autopayFixtures(server.db, services.gateway);
  });
  after(() => server.close());

  type Alert = { code: string; severity: string; count: number; amounts: { amount: number; currency: string }[] };
  const alert = async (userId: string, code: string): Promise<Alert | undefined> => {
    const body = await (await server.api('/dashboard', { token: await server.tokenFor(userId) })).json();
    return body.alerts.find((a: Alert) => a.code === code);
  };
  const countOf = async (userId: string, code: string) => (await alert(userId, code))?.count ?? 0;

  test('suspended rules count in the scope of the caller', async () => {
    const before = {
      admin: await countOf('admin1', 'autopay_suspended'),
      manager: await countOf('manager1', 'autopay_suspended'),
      viewer: await countOf('viewer1', 'autopay_suspended'),
    };
    const method = await fixtures.addCard();
    // W9E530 is in manager1's plan; E7T310 is in no one's scope but the administrator's.
    await fixtures.addRule({ account: 'W9E530', method, status: 'suspended' });
    await fixtures.addRule({ account: 'E7T310', method, status: 'suspended' });
    assert.equal(await countOf('admin1', 'autopay_suspended'), before.admin + 2);
    assert.equal(await countOf('manager1', 'autopay_suspended'), before.manager + 1);
    assert.equal(await countOf('viewer1', 'autopay_suspended'), before.viewer);
    assert.equal((await alert('admin1', 'autopay_suspended'))!.severity, 'critical');
  });

  test('invoices AutoPay skipped over the maximum, while still unpaid, with amounts per currency', async () => {
    const day = today();
    const method = await fixtures.addCard();
    await fixtures.addRule({ account: '4R7X21', method, maximum: 1_000 });
    await fixtures.addRule({ account: 'F3R901', method, maximum: 1_000 });
    const usd = [
      await fixtures.addInvoice({ account: '4R7X21', amount: 5_000, due: day }),
      await fixtures.addInvoice({ account: '4R7X21', amount: 7_000, due: day }),
    ];
    await fixtures.addInvoice({ account: 'F3R901', amount: 3_000, due: day });
    await fixtures.addInvoice({ account: '4R7X21', amount: 900, due: day }); // under the maximum: paid
    await runAutopay(services, day);

    assert.deepEqual(await alert('payer1', 'autopay_skipped'), {
      code: 'autopay_skipped',
      severity: 'warning',
      count: 3,
      amounts: [
        { amount: 3_000, currency: 'EUR' },
        { amount: 12_000, currency: 'USD' },
      ],
    });
    assert.deepEqual((await alert('viewer1', 'autopay_skipped'))!.amounts, [{ amount: 3_000, currency: 'EUR' }]);
    assert.equal(await countOf('manager1', 'autopay_skipped'), 2);

    // Paid by hand: no longer something to act on.
    const card = await (
      await server.api('/card-tokens', {
        method: 'POST',
        json: { holder: 'P', number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123', postalCode: '30301' },
      })
    ).json();
    const paid = await server.api('/payments', {
      method: 'POST',
      token: await server.tokenFor('payer1'),
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: { invoices: [{ number: usd[0], amount: 5_000 }], processingDate: day, source: { token: card.token } },
    });
    assert.equal(paid.status, 201);
    const after = await alert('payer1', 'autopay_skipped');
    assert.equal(after!.count, 2);
    assert.deepEqual(after!.amounts, [
      { amount: 3_000, currency: 'EUR' },
      { amount: 7_000, currency: 'USD' },
    ]);
  });

  test('the caller’s own cards expired or expiring within 30 days; removed ones and others’ do not count', async () => {
    const [year, month] = today().split('-').map(Number) as [number, number];
    const shift = (by: number) => ({
      expMonth: ((month - 1 + by + 12) % 12) + 1,
      expYear: year + Math.floor((month - 1 + by) / 12),
    });
    const admin = await countOf('admin1', 'card_expiring');
    assert.equal(await countOf('payer1', 'card_expiring'), 0);
    await fixtures.addCard('payer1', shift(2)); // good for at least 31 more days
    assert.equal(await alert('payer1', 'card_expiring'), undefined);
    await fixtures.addCard('payer1', shift(0)); // good through the end of this month
    assert.deepEqual(await alert('payer1', 'card_expiring'), {
      code: 'card_expiring',
      severity: 'info',
      count: 1,
      amounts: [],
    });
    const expired = await fixtures.addCard('payer1', shift(-1));
    assert.deepEqual(
      [(await alert('payer1', 'card_expiring'))!.count, (await alert('payer1', 'card_expiring'))!.severity],
      [2, 'warning'],
    );
    await server.db.query('update payment_methods set removed_at = now() where id = $1', [expired]);
    assert.equal(await countOf('payer1', 'card_expiring'), 1);
    assert.equal(await countOf('admin1', 'card_expiring'), admin, 'another user’s cards are not the admin’s');
  });
});
