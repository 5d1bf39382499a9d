/** Paying without signing in: identification, its uniform refusal, attempt limits, and nothing saved. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('guest payments', () => {
  let server: TestServer;
  let invoice: { number: string; account_number: string; amount_due: number; invoice_date: string; currency: string };
  const lookup = (json: unknown, ip = '10.9.0.1') =>
    server.api('/guest/invoice-lookup', { method: 'POST', json, headers: { 'x-test-client-ip': ip } });
  const cardToken = async () =>
    (
      await (
        await server.api('/card-tokens', {
          method: 'POST',
          json: {
            holder: 'Guest Payer',
            number: '4242424242424242',
            expMonth: 10,
            expYear: 2031,
            cvc: '123',
            postalCode: '75001',
          },
        })
      ).json()
    ).token as string;

  before(async () => {
    server = await startTestServer();
    [invoice] = await server.db.query(
      `select number, account_number, amount_due, invoice_date::text, currency from invoices
        where status in ('open', 'past_due') and amount > 0 and type <> 'import' and account_number = 'F3R902' limit 1`,
    );
  });
  after(() => server.close());

  test('an invoice is identified by account, number and amount due, or by account, number and invoice date', async () => {
    const byAmount = await lookup({
      accountNumber: invoice.account_number,
      invoiceNumber: invoice.number.toLowerCase(),
      amountDue: invoice.amount_due,
    });
    assert.equal(byAmount.status, 200);
    const body = await byAmount.json();
    assert.equal(body.number, invoice.number);
    assert.deepEqual(body.amountDue, { amount: invoice.amount_due, currency: invoice.currency });
    assert.equal(body.country, 'FR');
    assert.ok(body.lookupToken.length > 20);
    const byDate = await lookup({
      accountNumber: invoice.account_number,
      invoiceNumber: invoice.number,
      invoiceDate: invoice.invoice_date,
    });
    assert.equal(byDate.status, 200);
  });

  test('any mismatch gets one uniform answer that does not say which field was wrong', async () => {
    const good = {
      accountNumber: invoice.account_number,
      invoiceNumber: invoice.number,
      amountDue: invoice.amount_due,
    };
    const answers = [];
    for (const bad of [
      { ...good, accountNumber: 'ZZZZZZ' },
      { ...good, invoiceNumber: 'ZZZZZZ000000' },
      { ...good, amountDue: invoice.amount_due + 1 },
    ]) {
      const response = await lookup(bad, `10.9.1.${answers.length}`);
      answers.push({ status: response.status, body: await response.json() });
    }
    assert.deepEqual(answers[0], answers[1]);
    assert.deepEqual(answers[1], answers[2]);
    assert.equal(answers[0]!.status, 422);
    assert.equal(answers[0]!.body.code, 'identification_failed');
    assert.equal(answers[0]!.body.fieldErrors, undefined);
  });

  test('repeated failures on one invoice answer 429 with Retry-After', async () => {
    const [target] = await server.db.query<{ number: string; account_number: string }>(
      `select number, account_number from invoices where account_number = 'F3R901' limit 1`,
    );
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await lookup(
        { accountNumber: target!.account_number, invoiceNumber: target!.number, amountDue: 1 },
        `10.9.2.${i}`,
      );
    }
    assert.equal(last!.status, 429);
    assert.ok(Number(last!.headers.get('retry-after')) > 0);
    const correct = await lookup(
      { accountNumber: target!.account_number, invoiceNumber: target!.number, amountDue: 1 },
      '10.9.3.1',
    );
    assert.equal(correct.status, 429, 'the invoice is locked, whoever asks');
  });

  test('a guest pays the identified invoice in full, once, and nothing is saved to a wallet', async () => {
    const { lookupToken } = await (
      await lookup(
        { accountNumber: invoice.account_number, invoiceNumber: invoice.number, amountDue: invoice.amount_due },
        '10.9.4.1',
      )
    ).json();
    const [{ n: methodsBefore }] = await server.db.query<{ n: number }>(
      'select count(*)::int as n from payment_methods',
    );
    const key = crypto.randomUUID();
    const body = { lookupToken, token: await cardToken(), email: 'guest@example.com' };
    const pay = () =>
      server.api('/guest/payments', { method: 'POST', json: body, headers: { 'idempotency-key': key } });
    const response = await pay();
    assert.equal(response.status, 201);
    const receipt = await response.json();
    assert.equal(receipt.status, 'completed');
    assert.deepEqual(receipt.total, { amount: invoice.amount_due, currency: invoice.currency });
    assert.deepEqual(await (await pay()).json(), receipt, 'a retry returns the same receipt');
    const [{ n: methodsAfter }] = await server.db.query<{ n: number }>(
      'select count(*)::int as n from payment_methods',
    );
    assert.equal(methodsAfter, methodsBefore);
    const [payment] = await server.db.query<{ kind: string; created_by: string | null }>(
      'select kind, created_by from payments where confirmation_number = $1',
      [receipt.confirmationNumber],
    );
    assert.deepEqual(payment, { kind: 'guest', created_by: null });
    const again = await server.api('/guest/payments', {
      method: 'POST',
      json: { ...body, token: await cardToken() },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    assert.equal(again.status, 409);
    assert.equal((await again.json()).code, 'already_paid');
  });

  test('a forged or expired lookup token pays nothing', async () => {
    const response = await server.api('/guest/payments', {
      method: 'POST',
      json: { lookupToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged', token: await cardToken() },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    assert.equal(response.status, 422);
    assert.equal((await response.json()).code, 'identification_failed');
  });
});
