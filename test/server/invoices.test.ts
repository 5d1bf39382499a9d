import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OTHER_COMPANY_ADMIN } from '../../server/db/seed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Page {
  items: {
    number: string;
    accountNumber: string;
    planNumber: string | null;
    status: string;
    amount: { amount: number; currency: string };
    amountDue: { amount: number };
    invoiceDate: string;
    dueDate: string;
  }[];
  total: number;
  page: number;
  pageSize: number;
}

describe('invoices', () => {
  let server: TestServer;
  const list = async (userId: string, query = '') => {
    const response = await server.api(`/invoices${query}`, { token: await server.tokenFor(userId) });
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as Page;
  };
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('the default list is open and past-due invoices, newest first, 50 a page', async () => {
    const page = await list('admin1');
    assert.equal(page.pageSize, 50);
    assert.equal(page.items.length, 50);
    assert.ok(page.items.every((i) => i.status === 'open' || i.status === 'past_due'));
    const dates = page.items.map((i) => i.invoiceDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const [{ n }] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from invoices i join companies c on c.id = i.company_id where c.name = 'Demo Co' and status in ('open', 'past_due')`,
    );
    assert.equal(page.total, n);
  });

  test('each role sees exactly its scope', async () => {
    const accountsOf = async (userId: string) =>
      [...new Set((await list(userId, '?status=all&pageSize=200')).items.map((i) => i.accountNumber))].sort();
    assert.deepEqual(await accountsOf('payer1'), ['4R7X21', 'F3R901']);
    assert.deepEqual(await accountsOf('viewer1'), ['F3R901', 'F3R902']);
    // The manager's plan brings its two member accounts.
    assert.deepEqual(await accountsOf('manager1'), ['4R7X21', '8F2K44', 'W9E530']);
    const admin = await list('admin1', '?status=all&pageSize=1');
    const [{ n }] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from invoices i join companies c on c.id = i.company_id where c.name = 'Demo Co'`,
    );
    assert.equal(admin.total, n);
  });

  test('the plan view lists only plan invoices', async () => {
    const page = await list('admin1', '?view=plan&status=all&pageSize=200');
    assert.ok(page.total > 0);
    assert.ok(page.items.every((i) => i.planNumber === 'P4R7X210'));
  });

  test('money is integer minor units with a currency', async () => {
    const page = await list('admin1', '?status=all&pageSize=200');
    for (const invoice of page.items) {
      assert.ok(Number.isInteger(invoice.amount.amount));
      assert.match(invoice.amount.currency, /^(USD|EUR)$/);
    }
    assert.ok(page.items.some((i) => i.amount.currency === 'EUR'));
  });

  test('sorting by amount, both ways, in SQL', async () => {
    const asc = (await list('admin1', '?status=all&sort=amount&order=asc&pageSize=100')).items.map(
      (i) => i.amount.amount,
    );
    assert.deepEqual(
      asc,
      [...asc].sort((a, b) => a - b),
    );
    assert.ok(asc[0]! < 0, 'credits sort first');
    const desc = (await list('admin1', '?status=all&sort=amount&order=desc&pageSize=100')).items.map(
      (i) => i.amount.amount,
    );
    assert.deepEqual(
      desc,
      [...desc].sort((a, b) => b - a),
    );
  });

  test('pages do not overlap and cover the total', async () => {
    const first = await list('payer1', '?status=all&pageSize=30&page=1');
    const second = await list('payer1', '?status=all&pageSize=30&page=2');
    const numbers = new Set([...first.items, ...second.items].map((i) => i.number));
    assert.equal(numbers.size, 60);
  });

  test('filters: status preset, account, date range, amount range, search', async () => {
    const pastDue = await list('admin1', '?status=past_due&pageSize=200');
    assert.ok(pastDue.total > 0 && pastDue.items.every((i) => i.status === 'past_due'));
    const paid = await list('admin1', '?status=paid&pageSize=200');
    assert.ok(paid.items.every((i) => i.status === 'paid' && i.amountDue.amount === 0));
    const account = await list('admin1', '?status=all&account=F3R902&pageSize=200');
    assert.ok(account.total > 0 && account.items.every((i) => i.accountNumber === 'F3R902'));
    const range = await list('admin1', '?status=all&from=2026-01-01&to=2026-01-31&pageSize=200');
    assert.ok(range.items.every((i) => i.invoiceDate >= '2026-01-01' && i.invoiceDate <= '2026-01-31'));
    const amounts = await list('admin1', '?status=all&min=10000&max=20000&pageSize=200');
    assert.ok(amounts.items.every((i) => i.amount.amount >= 10000 && i.amount.amount <= 20000));
    const target = account.items[0]!;
    const found = await list('admin1', `?status=all&q=${target.number.toLowerCase()}`);
    assert.deepEqual(
      found.items.map((i) => i.number),
      [target.number],
    );
    const [{ tracking_number }] = await server.db.query<{ tracking_number: string }>(
      `select s.tracking_number from shipments s join invoices i on i.id = s.invoice_id where i.number = $1 limit 1`,
      [target.number],
    );
    const byTracking = await list('admin1', `?status=all&q=${tracking_number}`);
    assert.ok(byTracking.items.some((i) => i.number === target.number));
  });

  test('search text is data, not a pattern or SQL', async () => {
    const page = await list('admin1', `?status=all&q=${encodeURIComponent("%' or 1=1 --")}`);
    assert.equal(page.total, 0);
  });

  test('an invoice in scope has its detail and shipments with charge lines', async () => {
    const [invoice] = (await list('payer1', '?status=all&account=4R7X21&pageSize=200')).items.filter(
      (i) => i.amount.amount > 0,
    );
    const token = await server.tokenFor('payer1');
    const detail = await (await server.api(`/invoices/${invoice!.number.toLowerCase()}`, { token })).json();
    assert.equal(detail.number, invoice!.number);
    assert.ok(detail.shipmentCount >= 1);
    const shipments = await (await server.api(`/invoices/${invoice!.number}/shipments?pageSize=200`, { token })).json();
    assert.equal(shipments.total, detail.shipmentCount);
    const lines = [
      ...shipments.items.flatMap((s: { charges: { amount: { amount: number } }[] }) => s.charges),
      ...detail.charges,
    ];
    const sum = lines.reduce((total: number, c: { amount: { amount: number } }) => total + c.amount.amount, 0);
    assert.equal(sum, invoice!.amount.amount, 'charge lines add up to the invoice amount');
    assert.match(shipments.items[0].trackingNumber, /^1Z[A-Z0-9]{16}$/);
  });

  test("another company's invoice and an out-of-scope invoice are both 404", async () => {
    const [other] = await server.db.query<{ number: string }>(
      `select i.number from invoices i join companies c on c.id = i.company_id where c.name <> 'Demo Co' limit 1`,
    );
    const [outOfScope] = await server.db.query<{ number: string }>(
      `select i.number from invoices i join accounts a on a.id = i.account_id where a.number = 'E7T310' limit 1`,
    );
    const admin = await server.tokenFor('admin1');
    const payer = await server.tokenFor('payer1');
    for (const [token, number] of [
      [admin, other!.number],
      [payer, outOfScope!.number],
      [payer, 'ZZZZZZ000000'],
    ] as const) {
      for (const path of [`/invoices/${number}`, `/invoices/${number}/shipments`]) {
        const response = await server.api(path, { token });
        assert.equal(response.status, 404, path);
        assert.equal((await response.json()).code, 'not_found');
      }
    }
    // The other company sees its own and none of Demo Co's.
    const north = await list(OTHER_COMPANY_ADMIN, '?status=all&pageSize=200');
    assert.ok(north.total > 0 && north.items.every((i) => i.accountNumber.startsWith('N0RTH')));
  });

  test('accounts and plans are limited to the scope', async () => {
    const payer = await (await server.api('/accounts', { token: await server.tokenFor('payer1') })).json();
    assert.deepEqual(
      payer.items.map((a: { number: string }) => a.number),
      ['4R7X21', 'F3R901'],
    );
    const admin = await (await server.api('/accounts', { token: await server.tokenFor('admin1') })).json();
    assert.equal(admin.items.length, 8);
    assert.deepEqual(new Set(admin.items.map((a: { country: string }) => a.country)), new Set(['US', 'FR']));
    const manager = await (await server.api('/plans', { token: await server.tokenFor('manager1') })).json();
    assert.deepEqual(manager.items, [
      {
        number: 'P4R7X210',
        name: 'Consolidated US plan',
        country: 'US',
        currency: 'USD',
        accountNumbers: ['8F2K44', 'W9E530'],
      },
    ]);
    const payerPlans = await (await server.api('/plans', { token: await server.tokenFor('payer1') })).json();
    assert.deepEqual(payerPlans.items, []);
  });

  test('bad list queries get 400 with field codes', async () => {
    const token = await server.tokenFor('admin1');
    const cases: [string, Record<string, string>][] = [
      ['?sort=password', { sort: 'invalid_value' }],
      ['?pageSize=201', { pageSize: 'too_big' }],
      ['?pageSize=0', { pageSize: 'too_small' }],
      ['?page=abc', { page: 'invalid_type' }],
      [`?q=${'x'.repeat(10_000)}`, { q: 'too_long' }],
      ['?from=2026-02-01&to=2026-01-01', { to: 'range_inverted' }],
      ['?min=500&max=100', { max: 'range_inverted' }],
      ['?from=2026-13-45', { from: 'invalid_format' }],
      ['?status=everything', { status: 'invalid_value' }],
      ['?account=1234567', { account: 'invalid_format' }],
      ['?colour=red', { colour: 'unknown_field' }],
      ['?status=all&status=paid', { status: 'invalid_value' }],
    ];
    for (const [query, fieldErrors] of cases) {
      const response = await server.api(`/invoices${query}`, { token });
      assert.equal(response.status, 400, query);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      const body = await response.json();
      assert.equal(body.code, 'validation_failed', query);
      assert.deepEqual(body.fieldErrors, fieldErrors, query);
    }
  });
});
