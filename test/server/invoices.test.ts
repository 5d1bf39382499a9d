import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateInvoices } from '../../server/db/generate.js';
import { OTHER_COMPANY_ADMIN } from '../../server/db/seed.js';
import { markPastDue } from '../../server/domain/invoices.js';
import { today } from '../helpers/database.js';
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
  totalCapped: boolean;
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
    assert.equal(page.totalCapped, false);
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
  });

  test('search finds invoices by number, account, reference and tracking number', async () => {
    const [target] = await server.db.query<{
      number: string;
      reference: string;
      tracking_number: string;
      account_number: string;
    }>(
      `select i.number, i.reference, s.tracking_number, i.account_number
         from invoices i join shipments s on s.invoice_id = i.id join companies c on c.id = i.company_id
        where c.name = 'Demo Co' and i.reference is not null limit 1`,
    );
    const numbers = async (q: string) =>
      (await list('admin1', `?status=all&pageSize=200&q=${encodeURIComponent(q)}`)).items.map((i) => i.number);
    assert.deepEqual(await numbers(target!.number.toLowerCase()), [target!.number]);
    assert.ok((await numbers(target!.number.slice(4, 10))).includes(target!.number), 'any part of the number');
    assert.ok((await numbers(target!.tracking_number)).includes(target!.number));
    assert.ok((await numbers(target!.reference)).includes(target!.number));
    const byAccount = await list('admin1', `?status=all&q=${target!.account_number.toLowerCase()}`);
    assert.ok(byAccount.total > 10 && byAccount.items.every((i) => i.accountNumber === target!.account_number));
    // Another company's tracking numbers find nothing.
    const [foreign] = await server.db.query<{ tracking_number: string }>(
      `select s.tracking_number from shipments s join invoices i on i.id = s.invoice_id join companies c on c.id = i.company_id
        where c.name <> 'Demo Co' limit 1`,
    );
    assert.deepEqual(await numbers(foreign!.tracking_number), []);
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

  test('a paid invoice lists its payment; XML is offered only for XML-enrolled accounts', async () => {
    const token = await server.tokenFor('admin1');
    const [paid] = await server.db.query<{ number: string; account_number: string }>(
      `select i.number, i.account_number from invoices i join companies c on c.id = i.company_id
        where c.name = 'Demo Co' and i.status = 'paid' and i.account_number = '4R7X21' limit 1`,
    );
    const detail = await (await server.api(`/invoices/${paid!.number}`, { token })).json();
    assert.equal(detail.payments.length, 1);
    assert.equal(detail.payments[0].status, 'completed');
    assert.deepEqual(detail.payments[0].amount, detail.amount);
    assert.match(detail.payments[0].confirmationNumber, /^[A-Z2-9]{12}$/);
    assert.deepEqual(detail.formats, ['pdf', 'csv', 'xml'], '4R7X21 is enrolled in XML');
    const [other] = await server.db.query<{ number: string }>(
      `select number from invoices where account_number = 'W9E530' limit 1`,
    );
    const plain = await (await server.api(`/invoices/${other!.number}`, { token })).json();
    assert.deepEqual(plain.formats, ['pdf', 'csv']);
    assert.deepEqual(plain.planMembers, ['8F2K44', 'W9E530']);
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

  test('past 10,000 matches the total is capped and says so', async () => {
    const accounts = await server.db.query<{
      id: string;
      number: string;
      country: string;
      currency: string;
      company_id: string;
    }>(
      `select a.id, a.number, a.country, a.currency, a.company_id from accounts a join companies c on c.id = a.company_id
        where c.name <> 'Demo Co'`,
    );
    await generateInvoices(server.db, {
      companyId: accounts[0]!.company_id,
      accounts: accounts.map((a) => ({ ...a, planId: null })),
      count: 10_100,
      from: '2026-01-01',
      to: today(),
      today: today(),
      seed: 3,
      lines: 'light',
    });
    const page = await list(OTHER_COMPANY_ADMIN, '?status=all&pageSize=10');
    assert.equal(page.total, 10_000);
    assert.equal(page.totalCapped, true);
    assert.equal(page.items.length, 10);
  });

  test('open invoices past their due date become past due', async () => {
    const [invoice] = await server.db.query<{ id: number }>(
      `update invoices set due_date = $1::date - 3 where id = (select id from invoices where status = 'open' and amount > 0 limit 1) returning id`,
      [today()],
    );
    assert.ok((await markPastDue(server.db, today())) >= 1);
    const [after] = await server.db.query<{ status: string }>('select status from invoices where id = $1', [
      invoice!.id,
    ]);
    assert.equal(after!.status, 'past_due');
  });

  test('bad list queries get 400 with field codes', async () => {
    const token = await server.tokenFor('admin1');
    const cases: [string, Record<string, string>][] = [
      ['?sort=password', { sort: 'invalid_value' }],
      ['?pageSize=201', { pageSize: 'too_big' }],
      ['?pageSize=0', { pageSize: 'too_small' }],
      ['?page=abc', { page: 'invalid_type' }],
      [`?q=${'x'.repeat(10_000)}`, { q: 'too_long' }],
      ['?q=ab', { q: 'too_short' }],
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
