/**
 * Payments at the HTTP boundary: the money rules of SPEC §3, idempotency,
 * declines, scheduling, cancelling, and what is stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runScheduler } from '../../server/payments/scheduler.js';
import { createServices } from '../../server/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { today } from '../helpers/database.js';

export const CARDS = {
  visa: '4242424242424242',
  insufficientFunds: '4000000000009995',
  expiredCard: '4000000000000069',
  doNotHonor: '4000000000000002',
  gatewayFails: '4000000000000119',
};
const CVC = '737';

interface Invoice {
  number: string;
  amount_due: number;
  due_date: string;
  type: string;
  account_number: string;
  currency: string;
}

describe('payments', () => {
  let server: TestServer;
  let admin: string;
  const addDays = (days: number) =>
    new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  const cardToken = async (number = CARDS.visa, extra: Record<string, unknown> = {}) => {
    const response = await server.api('/card-tokens', {
      method: 'POST',
      json: { holder: 'Alice Martin', number, expMonth: 12, expYear: 2030, cvc: CVC, postalCode: '30301', ...extra },
    });
    return { response, body: await response.json() };
  };
  const tokenFor = async (number = CARDS.visa) => (await cardToken(number)).body.token as string;

  /** Payable invoices of an account, nearest due date last so a wide processing window exists. */
  const payable = async (where: string, params: unknown[] = []): Promise<Invoice[]> =>
    server.db.query<Invoice>(
      `select number, amount_due, due_date::text, type, account_number, currency from invoices
        where status in ('open', 'past_due') and amount > 0 and ${where} order by due_date desc, id`,
      params,
    );

  const pay = (body: unknown, key: string | null = crypto.randomUUID(), token = admin) =>
    server.api('/payments', {
      method: 'POST',
      token,
      json: body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });

  const statusOf = async (number: string) =>
    (
      await server.db.query<{ status: string; amount_due: number }>(
        'select status, amount_due from invoices where number = $1',
        [number],
      )
    )[0]!;

  before(async () => {
    server = await startTestServer();
    admin = await server.tokenFor('admin1');
  });
  after(() => server.close());

  test('the ways to pay depend on the country, from configuration', async () => {
    const us = await (await server.api('/payment-types?country=US')).json();
    assert.deepEqual(
      us.types.map((t: { type: string }) => t.type),
      ['credit_card', 'debit_card', 'ach', 'paypal'],
    );
    assert.deepEqual(us.types[0].excludedInvoiceTypes, ['import']);
    const fr = await (await server.api('/payment-types?country=FR')).json();
    assert.deepEqual(
      fr.types.map((t: { type: string }) => t.type),
      ['card', 'sepa', 'paypal'],
    );
    const sepa = fr.types.find((t: { type: string }) => t.type === 'sepa');
    assert.ok(sepa.mandate.version && sepa.mandate.text.en && sepa.mandate.text.fr);
    const jp = await (await server.api('/payment-types?country=JP')).json();
    assert.deepEqual(
      jp.types.map((t: { type: string }) => t.type),
      ['card'],
    );
    assert.equal(us.partialPayments, false);
  });

  test('a card becomes a single-use token with brand and last four; bad cards are refused by field', async () => {
    const { response, body } = await cardToken();
    assert.equal(response.status, 201);
    assert.match(body.token, /^pt_[0-9a-f]{32}$/);
    assert.deepEqual(body.method, { type: 'card', brand: 'visa', last4: '4242' });
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ number: '4242424242424241' }, { number: 'card_number_invalid' }],
      [{ expMonth: 1, expYear: 2020 }, { expMonth: 'card_expired' }],
      [{ cvc: '12' }, { cvc: 'invalid_format' }],
      [{ number: '4242 4242' }, { number: 'invalid_format' }],
    ];
    for (const [change, fieldErrors] of cases) {
      const bad = await cardToken(CARDS.visa, change);
      assert.ok(bad.response.status === 400 || bad.response.status === 422, JSON.stringify(change));
      assert.deepEqual(bad.body.fieldErrors, fieldErrors, JSON.stringify(change));
    }
  });

  test('bank accounts are checked (ABA, IBAN mod 97, mandate version) and tokenized', async () => {
    const bank = (json: unknown) => server.api('/bank-tokens', { method: 'POST', json });
    const ach = await bank({ type: 'ach', holder: 'Demo Co', routingNumber: '021000021', accountNumber: '123456789' });
    assert.equal(ach.status, 201);
    assert.deepEqual((await ach.json()).method, { type: 'ach', brand: null, last4: '6789' });
    const badRouting = await bank({
      type: 'ach',
      holder: 'Demo Co',
      routingNumber: '021000022',
      accountNumber: '123456789',
    });
    assert.deepEqual((await badRouting.json()).fieldErrors, { routingNumber: 'routing_number_invalid' });
    const sepa = await bank({
      type: 'sepa',
      holder: 'Demo Co',
      iban: 'FR7630006000011234567890189',
      mandateVersion: '2026-01',
    });
    assert.equal(sepa.status, 201);
    const badIban = await bank({
      type: 'sepa',
      holder: 'Demo Co',
      iban: 'FR7630006000011234567890188',
      mandateVersion: '2026-01',
    });
    assert.deepEqual((await badIban.json()).fieldErrors, { iban: 'iban_invalid' });
    const oldMandate = await bank({
      type: 'sepa',
      holder: 'Demo Co',
      iban: 'FR7630006000011234567890189',
      mandateVersion: '2019-01',
    });
    assert.deepEqual((await oldMandate.json()).fieldErrors, { mandateVersion: 'mandate_outdated' });
    assert.equal((await bank({ type: 'paypal' })).status, 201);
  });

  test('paying an invoice in full by card completes it, with a receipt and an audit record', async () => {
    const [invoice] = await payable(`account_number = '4R7X21' and type = 'delivery_service'`);
    const response = await pay({
      invoices: [{ number: invoice!.number, amount: invoice!.amount_due }],
      processingDate: today(),
      source: { token: await tokenFor() },
    });
    assert.equal(response.status, 201);
    const receipt = await response.json();
    assert.equal(receipt.status, 'completed');
    assert.match(receipt.confirmationNumber, /^[A-Z2-9]{12}$/);
    assert.deepEqual(receipt.total, { amount: invoice!.amount_due, currency: 'USD' });
    assert.deepEqual(receipt.method, { type: 'card', brand: 'visa', last4: '4242' });
    assert.deepEqual(
      receipt.invoices.map((i: { number: string }) => i.number),
      [invoice!.number],
    );
    assert.deepEqual(await statusOf(invoice!.number), { status: 'paid', amount_due: 0 });
    const [audit] = await server.db.query(
      `select * from audit_log where action = 'payment.create' order by id desc limit 1`,
    );
    assert.ok(audit);
    // The same receipt, from the activity list.
    const again = await (await server.api(`/payments/${receipt.confirmationNumber}`, { token: admin })).json();
    assert.deepEqual(again, receipt);
  });

  test('idempotency: same key and body → the first result; another body → 422; still running → 409; no key → 400', async () => {
    const [invoice] = await payable(`account_number = '4R7X21' and type = 'delivery_service'`);
    const body = {
      invoices: [{ number: invoice!.number, amount: invoice!.amount_due }],
      processingDate: today(),
      source: { token: await tokenFor() },
    };
    const key = crypto.randomUUID();
    const first = await (await pay(body, key)).json();
    const second = await pay(body, key);
    assert.equal(second.status, 201);
    assert.deepEqual(await second.json(), first);
    const other = await pay({ ...body, processingDate: addDays(1) }, key);
    assert.equal(other.status, 422);
    assert.equal((await other.json()).code, 'idempotency_key_mismatch');
    const none = await pay(body, null);
    assert.equal(none.status, 400);
    assert.equal((await none.json()).code, 'idempotency_key_required');
    // The same key while its first request still runs (its lease is live): 409, try again shortly.
    await server.db.query(
      `update idempotency_keys set status = 'in_flight', locked_until = now() + interval '30 seconds' where key = $1`,
      [key],
    );
    const running = await pay(body, key);
    assert.equal(running.status, 409);
    assert.equal((await running.json()).code, 'idempotency_in_flight');
    assert.equal(running.headers.get('retry-after'), '1');
    const [{ n }] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from payment_allocations a join invoices i on i.id = a.invoice_id
         join payments p on p.id = a.payment_id where i.number = $1 and p.status = 'completed'`,
      [invoice!.number],
    );
    assert.equal(n, 1);
  });

  test('200 concurrent submissions with one key make one payment', async () => {
    const [invoice] = await payable(`account_number = 'K2M8Q5' and type <> 'import'`);
    const body = {
      invoices: [{ number: invoice!.number, amount: invoice!.amount_due }],
      processingDate: today(),
      source: { token: await tokenFor() },
    };
    const key = crypto.randomUUID();
    const responses = await Promise.all(Array.from({ length: 200 }, () => pay(body, key)));
    const statuses = responses.map((r) => r.status);
    assert.ok(
      statuses.every((s) => s === 201 || s === 409),
      [...new Set(statuses)].join(),
    );
    const confirmations = new Set(
      await Promise.all(
        responses.filter((r) => r.status === 201).map(async (r) => (await r.json()).confirmationNumber),
      ),
    );
    assert.equal(confirmations.size, 1);
    const [{ n }] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from payments p join payment_allocations a on a.payment_id = p.id
         join invoices i on i.id = a.invoice_id where i.number = $1`,
      [invoice!.number],
    );
    assert.equal(n, 1);
    const [{ charges }] = await server.db.query<{ charges: number }>(
      `select count(*)::int as charges from test_gateway_charges where idempotency_key in
         (select p.id::text from payments p join payment_allocations a on a.payment_id = p.id join invoices i on i.id = a.invoice_id where i.number = $1)`,
      [invoice!.number],
    );
    assert.equal(charges, 1, 'one charge at the gateway');
  });

  test('50 concurrent payments of one invoice with different keys: one succeeds, the others are told it is paid', async () => {
    const [invoice] = await payable(`account_number = 'K2M8Q5' and type <> 'import'`);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => tokenFor()));
    const responses = await Promise.all(
      tokens.map((token) =>
        pay({
          invoices: [{ number: invoice!.number, amount: invoice!.amount_due }],
          processingDate: today(),
          source: { token },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1);
    assert.equal(statuses.filter((s) => s === 409).length, 49);
    const codes = new Set(
      await Promise.all(responses.filter((r) => r.status === 409).map(async (r) => (await r.json()).code)),
    );
    assert.deepEqual([...codes], ['already_paid']);
    const [{ negative }] = await server.db.query<{ negative: number }>(
      'select count(*)::int as negative from invoices where amount > 0 and amount_due < 0',
    );
    assert.equal(negative, 0);
  });

  test('only the full amount due is accepted', async () => {
    const [invoice] = await payable(`account_number = '4R7X21' and type = 'delivery_service'`);
    const response = await pay({
      invoices: [{ number: invoice!.number, amount: invoice!.amount_due - 1 }],
      processingDate: today(),
      source: { token: await tokenFor() },
    });
    assert.equal(response.status, 422);
    const body = await response.json();
    assert.equal(body.code, 'amount_mismatch');
    assert.deepEqual(body.fieldErrors, { 'invoices.0.amount': 'amount_mismatch' });
    assert.equal(
      (await statusOf(invoice!.number)).status === 'open' || (await statusOf(invoice!.number)).status === 'past_due',
      true,
    );
  });

  test('partial payment is a server setting: on, it is accepted', async () => {
    const partial = await startTestServer({ config: { allowPartialPayments: true } });
    try {
      const token = await partial.tokenFor('admin1');
      const [invoice] = await partial.db.query<Invoice>(
        `select number, amount_due from invoices where status = 'open' and amount > 1000 and account_number = 'W9E530' and due_date >= $1::date limit 1`,
        [today()],
      );
      const tokenResponse = await partial.api('/card-tokens', {
        method: 'POST',
        json: { holder: 'A', number: CARDS.visa, expMonth: 12, expYear: 2030, cvc: CVC, postalCode: '30301' },
      });
      const response = await partial.api('/payments', {
        method: 'POST',
        token,
        headers: { 'idempotency-key': crypto.randomUUID() },
        json: {
          invoices: [{ number: invoice!.number, amount: 1000 }],
          processingDate: today(),
          source: { token: (await tokenResponse.json()).token },
        },
      });
      assert.equal(response.status, 201);
      const [after] = await partial.db.query<{ amount_due: number; status: string }>(
        'select amount_due, status from invoices where number = $1',
        [invoice!.number],
      );
      assert.deepEqual(after, { amount_due: invoice!.amount_due - 1000, status: 'open' });
    } finally {
      await partial.close();
    }
  });

  test('the processing date is from today to the earliest due date, and a later date schedules the payment', async () => {
    const [invoice] = await payable(`account_number = 'W9E530' and due_date > $1::date + 2`, [today()]);
    const line = [{ number: invoice!.number, amount: invoice!.amount_due }];
    for (const date of [addDays(-1), addDays(400)]) {
      const response = await pay({ invoices: line, processingDate: date, source: { token: await tokenFor() } });
      assert.equal(response.status, 422, date);
      const body = await response.json();
      assert.equal(body.code, 'processing_date_out_of_window');
      assert.deepEqual(body.fieldErrors, { processingDate: 'out_of_window' });
    }
    const scheduled = await pay({ invoices: line, processingDate: addDays(1), source: { token: await tokenFor() } });
    assert.equal(scheduled.status, 201);
    const receipt = await scheduled.json();
    assert.equal(receipt.status, 'scheduled');
    assert.equal(receipt.cancellable, true);
    assert.equal((await statusOf(invoice!.number)).status, 'payment_scheduled');
    // Paying it again while scheduled: already being paid.
    const twice = await pay({ invoices: line, processingDate: today(), source: { token: await tokenFor() } });
    const refused = await twice.json();
    assert.equal(refused.code, 'already_paid');
    assert.deepEqual(refused.fieldErrors, { 'invoices.0.number': 'already_paid' });
  });

  test('an invoice past due can only be paid today', async () => {
    const [late] = await payable(`status = 'past_due' and account_number = 'Y67V08'`);
    if (!late) return;
    const response = await pay({
      invoices: [{ number: late.number, amount: late.amount_due }],
      processingDate: addDays(1),
      source: { token: await tokenFor() },
    });
    assert.equal((await response.json()).code, 'processing_date_out_of_window');
  });

  test('credits offset the total and are closed with the payment', async () => {
    const [credit] = await server.db.query<Invoice>(
      `select number, amount_due from invoices where amount < 0 and status = 'open' and account_number = '8F2K44' limit 1`,
    );
    const [debit] = await payable(`account_number = '8F2K44' and amount_due > $1 and type <> 'import'`, [
      -credit!.amount_due,
    ]);
    const response = await pay({
      invoices: [
        { number: debit!.number, amount: debit!.amount_due },
        { number: credit!.number, amount: credit!.amount_due },
      ],
      processingDate: today(),
      source: { token: await tokenFor() },
    });
    assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
    const receipt = await response.json();
    assert.equal(receipt.total.amount, debit!.amount_due + credit!.amount_due);
    assert.deepEqual(await statusOf(credit!.number), { status: 'closed', amount_due: 0 });
    const onlyCredit = await pay({
      invoices: [{ number: credit!.number, amount: 0 }],
      processingDate: today(),
      source: { token: await tokenFor() },
    });
    assert.equal(onlyCredit.status, 409);
  });

  test('declines reach the payer by code; nothing is paid; the same key replays the decline', async () => {
    const [invoice] = await payable(`account_number = 'K2M8Q5' and type <> 'import'`);
    const line = [{ number: invoice!.number, amount: invoice!.amount_due }];
    for (const [card, code] of [
      [CARDS.insufficientFunds, 'declined_insufficient_funds'],
      [CARDS.expiredCard, 'declined_expired_card'],
      [CARDS.doNotHonor, 'declined_do_not_honor'],
    ] as const) {
      const key = crypto.randomUUID();
      const body = { invoices: line, processingDate: today(), source: { token: await tokenFor(card) } };
      const response = await pay(body, key);
      assert.equal(response.status, 402, code);
      assert.equal((await response.json()).code, code);
      assert.equal((await pay(body, key)).status, 402, 'replayed');
      assert.ok(['open', 'past_due'].includes((await statusOf(invoice!.number)).status));
    }
    const down = await pay({
      invoices: line,
      processingDate: today(),
      source: { token: await tokenFor(CARDS.gatewayFails) },
    });
    assert.equal(down.status, 503);
    assert.equal((await down.json()).code, 'gateway_unavailable');
    assert.ok(Number(down.headers.get('retry-after')) > 0);
    assert.equal((await statusOf(invoice!.number)).amount_due, invoice!.amount_due);
  });

  test('duties and taxes cannot be paid by card, but by bank debit they can', async () => {
    const [duties] = await payable(`account_number = '4R7X21' and type = 'import' and due_date >= $1::date`, [today()]);
    const line = [{ number: duties!.number, amount: duties!.amount_due }];
    const byCard = await pay({ invoices: line, processingDate: today(), source: { token: await tokenFor() } });
    assert.equal(byCard.status, 422);
    assert.equal((await byCard.json()).code, 'payment_method_not_allowed');
    const ach = await (
      await server.api('/bank-tokens', {
        method: 'POST',
        json: { type: 'ach', holder: 'Demo Co', routingNumber: '021000021', accountNumber: '000123456789' },
      })
    ).json();
    const byBank = await pay({ invoices: line, processingDate: today(), source: { token: ach.token } });
    assert.equal(byBank.status, 201);
    const receipt = await byBank.json();
    assert.equal(receipt.status, 'processing', 'a bank debit settles later');
    assert.equal((await statusOf(duties!.number)).status, 'payment_pending');
    // The next day the debit has settled.
    const services = createServices({ db: server.db, now: () => new Date(Date.parse(`${addDays(1)}T09:00:00Z`)) });
    const run = await runScheduler(services, addDays(1));
    assert.ok(run.settled >= 1);
    assert.deepEqual(await statusOf(duties!.number), { status: 'paid', amount_due: 0 });
  });

  test('invoices in two currencies cannot share a payment', async () => {
    const [usd] = await payable(`account_number = 'K2M8Q5' and type <> 'import'`);
    const [eur] = await payable(`account_number = 'F3R902' and type <> 'import'`);
    const response = await pay({
      invoices: [
        { number: usd!.number, amount: usd!.amount_due },
        { number: eur!.number, amount: eur!.amount_due },
      ],
      processingDate: today(),
      source: { token: await tokenFor() },
    });
    assert.equal((await response.json()).code, 'mixed_currencies');
  });

  test('viewers may not pay (403); invoices out of scope or of another company are not found (404)', async () => {
    const [inScope] = await payable(`account_number = 'F3R901' and type <> 'import'`);
    const viewer = await server.tokenFor('viewer1');
    const refused = await pay(
      {
        invoices: [{ number: inScope!.number, amount: inScope!.amount_due }],
        processingDate: today(),
        source: { token: await tokenFor() },
      },
      crypto.randomUUID(),
      viewer,
    );
    assert.equal(refused.status, 403);
    const payer = await server.tokenFor('payer1');
    const [outOfScope] = await payable(`account_number = 'E7T310'`);
    const [foreign] = await payable(`account_number = 'N0RTH1'`);
    for (const invoice of [outOfScope!, foreign!]) {
      const response = await pay(
        {
          invoices: [{ number: invoice.number, amount: invoice.amount_due }],
          processingDate: today(),
          source: { token: await tokenFor() },
        },
        crypto.randomUUID(),
        payer,
      );
      assert.equal(response.status, 404, invoice.number);
    }
  });

  test('a scheduled payment runs on its date exactly once; one cancelled before stays cancelled', async () => {
    const candidates = await payable(`account_number = 'W9E530' and due_date > $1::date + 3`, [today()]);
    const [run, cancel] = [candidates[0]!, candidates[1]!];
    const schedule = async (invoice: Invoice) =>
      (
        await pay({
          invoices: [{ number: invoice.number, amount: invoice.amount_due }],
          processingDate: addDays(2),
          source: { token: await tokenFor() },
        })
      ).json();
    const toRun = await schedule(run);
    const toCancel = await schedule(cancel);
    const cancelled = await server.api(`/payments/${toCancel.confirmationNumber}/cancel`, {
      method: 'POST',
      token: admin,
    });
    assert.equal(cancelled.status, 200);
    assert.equal((await cancelled.json()).status, 'cancelled');
    assert.ok(['open', 'past_due'].includes((await statusOf(cancel.number)).status));
    const services = createServices({ db: server.db, now: () => new Date(Date.parse(`${addDays(2)}T09:00:00Z`)) });
    // Two runs on the day, as two instances would: the payment is charged once.
    const [a, b] = await Promise.all([runScheduler(services, addDays(2)), runScheduler(services, addDays(2))]);
    assert.equal(a.charged + b.charged >= 1, true);
    const receipt = await (await server.api(`/payments/${toRun.confirmationNumber}`, { token: admin })).json();
    assert.equal(receipt.status, 'completed');
    assert.deepEqual(await statusOf(run.number), { status: 'paid', amount_due: 0 });
    const [{ charges }] = await server.db.query<{ charges: number }>(
      `select count(*)::int as charges from test_gateway_charges c join payments p on p.id::text = c.idempotency_key
        where p.confirmation_number = $1`,
      [toRun.confirmationNumber],
    );
    assert.equal(charges, 1);
    assert.equal((await statusOf(cancel.number)).amount_due, cancel.amount_due);
    const late = await server.api(`/payments/${toRun.confirmationNumber}/cancel`, { method: 'POST', token: admin });
    assert.equal(late.status, 409);
    assert.equal((await late.json()).code, 'not_cancellable');
  });

  test('the activity lists payments in scope, filtered by status', async () => {
    const payer = await server.tokenFor('payer1');
    const page = await (await server.api('/payments?status=completed&pageSize=200', { token: payer })).json();
    assert.ok(page.total > 0);
    assert.ok(page.items.every((p: { status: string }) => p.status === 'completed'));
    const accounts = new Set(
      page.items.flatMap((p: { invoices: { accountNumber: string }[] }) => p.invoices.map((i) => i.accountNumber)),
    );
    assert.ok(
      [...accounts].every((a) => a === '4R7X21' || a === 'F3R901'),
      [...accounts].join(),
    );
  });

  test('no card number or CVC is stored anywhere or logged', async () => {
    const tables = await server.db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public'`,
    );
    // Every text value in the database: the CVC can only be stored as text, and must not be.
    const columns = await server.db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character', 'character varying', 'jsonb')`,
    );
    assert.ok(tables.length > 10);
    for (const { table_name, column_name } of columns) {
      const [{ dump }] = await server.db.query<{ dump: string }>(
        `select coalesce(string_agg("${column_name}"::text, '|'), '') as dump from ${table_name}`,
      );
      for (const needle of Object.values(CARDS))
        assert.ok(!dump.includes(needle), `${needle} in ${table_name}.${column_name}`);
      assert.ok(!dump.split('|').includes(CVC), `CVC in ${table_name}.${column_name}`);
    }
    const logs = server.logs.join('\n');
    for (const needle of Object.values(CARDS)) assert.ok(!logs.includes(needle), `${needle} in logs`);
    assert.ok(!logs.includes(`"${CVC}"`), 'CVC in logs');
  });
});
