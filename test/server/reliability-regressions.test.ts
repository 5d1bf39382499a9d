/**
 * Problems the reliability suite (`npm run test:reliability`) found, each
 * kept here as a regression test of the normal server suite.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { maskCardNumbers, maskCardNumbersIn } from '../../server/domain/redact.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Luhn-valid test card numbers, as a payer might type them into the wrong field. */
const VISA = '4242424242424242';
const DECLINE = '4000000000000002';

describe('a card number typed into an identifier field is not stored (leak scan)', () => {
  let server: TestServer;
  const rowsHolding = async (needle: string) =>
    server.db.query<{ source: string }>(
      `select 'attempts' as source from attempts t where strpos(t::text, $1) > 0
       union all select 'audit_log' from audit_log t where strpos(t::text, $1) > 0`,
      [needle],
    );
  before(async () => {
    server = await startTestServer({ config: { guestMaxFailures: 3, signInMaxFailures: 3 } });
  });
  after(() => server.close());

  test('as the invoice number of a guest lookup: refused, counted, and kept only masked', async () => {
    const lookup = () =>
      server.api('/guest/invoice-lookup', {
        method: 'POST',
        json: { accountNumber: '4R7X21', invoiceNumber: DECLINE, amountDue: 1234 },
        headers: { 'x-test-client-ip': '10.77.0.1' },
      });
    for (let i = 0; i < 3; i++) assert.equal((await lookup()).status, 422);
    // The limit still counts the same typed value as one invoice number.
    const limited = await lookup();
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.deepEqual(await rowsHolding(DECLINE), []);
    assert.equal((await rowsHolding('************0002')).length, 3, 'the failures are counted under the masked number');
  });

  test('as the user ID of a sign-in: refused, audited and counted without it', async () => {
    const response = await server.api('/session', {
      method: 'POST',
      json: { userId: VISA, password: 'not-the-password' },
      headers: { 'x-test-client-ip': '10.77.0.2' },
    });
    assert.equal(response.status, 401);
    assert.deepEqual(await rowsHolding(VISA), []);
    const [audit] = await server.db.query<{ target: string }>(
      `select target from audit_log where action = 'session.sign_in_failed' order by at desc limit 1`,
    );
    assert.equal(audit!.target, '************4242');
  });
});

describe('maskCardNumbers', () => {
  test('masks standalone Luhn-valid runs of 12 to 19 digits, keeping the last four', () => {
    assert.equal(maskCardNumbers(VISA), '************4242');
    assert.equal(maskCardNumbers(`card ${VISA}, again ${DECLINE}.`), 'card ************4242, again ************0002.');
    assert.equal(maskCardNumbers('378282246310005'), '***********0005', 'an Amex number, 15 digits');
  });
  test('leaves alone what only looks like digits: UUIDs, non-Luhn runs, short numbers, invoice numbers', () => {
    // The last group of this UUID is 12 digits and passes Luhn; a dash next to it means it is part of an identifier.
    const uuid = '0b6c1b9e-8d7f-4c55-9e0a-424242424242';
    assert.equal(maskCardNumbers(uuid), uuid);
    assert.equal(maskCardNumbers('4242424242424241'), '4242424242424241', 'fails Luhn');
    assert.equal(maskCardNumbers('12345678901'), '12345678901', 'too short');
    assert.equal(maskCardNumbers('INV4242424242424242'), 'INV4242424242424242', 'part of a longer identifier');
    assert.deepEqual(maskCardNumbersIn({ a: [VISA, 3], b: { c: null } }), {
      a: ['************4242', 3],
      b: { c: null },
    });
  });
});

describe('a NUL character in any text input is refused as bad input (fuzzing)', () => {
  // PostgreSQL cannot store U+0000 in text or jsonb: before the fix the query failed and the answer was a 500.
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    token = await server.tokenFor('admin1');
  });
  after(() => server.close());

  const cases: [string, () => Promise<Response>, Record<string, string>][] = [
    [
      'the user ID of a sign-in',
      () => server.api('/session', { method: 'POST', json: { userId: '\u0000', password: 'x' } }),
      { userId: 'invalid_format' },
    ],
    [
      'a search in the query string',
      () => server.api(`/invoices?q=${encodeURIComponent('abc\u0000')}`, { token }),
      { q: 'invalid_format' },
    ],
    [
      'a nickname deep in a body',
      () => server.api('/accounts/4R7X21', { method: 'PATCH', token, json: { nickname: 'Main\u0000' } }),
      { nickname: 'invalid_format' },
    ],
  ];
  for (const [name, send, fieldErrors] of cases) {
    test(`${name}: 400 with the field named, nothing written`, async () => {
      const [before] = await server.db.query<{ n: number }>('select count(*)::int as n from audit_log');
      const response = await send();
      const problem = (await response.json()) as { code: string; fieldErrors: Record<string, string> };
      assert.equal(response.status, 400, JSON.stringify(problem));
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(problem.fieldErrors, fieldErrors);
      const [after] = await server.db.query<{ n: number }>('select count(*)::int as n from audit_log');
      assert.equal(after!.n, before!.n);
    });
  }
  test('nothing reached the unhandled-error path', () => {
    assert.deepEqual(
      server.logs.filter((line) => line.includes('unhandled error')),
      [],
    );
  });
});
