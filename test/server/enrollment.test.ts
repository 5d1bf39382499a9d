/**
 * Enrolment at the HTTP boundary, without a session: the 45-day rule (day 45
 * in, day 46 out), values matched exactly (amount as printed, invoice number
 * and control ID without regard to case), 5 failed attempts per account in
 * 24 hours then a lock that says when, one company per account, the first
 * user's ID and password, and a session that works at once. Every refusal
 * is checked to change nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { UNENROLLED_ACCOUNTS } from '../../server/db/seed-unenrolled.js';
import { TEST_PASSWORD_ITERATIONS } from '../helpers/database.js';
import {
  attemptsOf,
  freshAccount,
  proofOf,
  recentInvoiceOf,
  refused,
  seededInvoice,
  snapshot,
  type Problem,
} from '../helpers/account-admin.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface SignIn {
  token: string;
  expiresAt: string;
  user: { id: string; userId: string; role: string; scope: { all: boolean } };
  company: { id: string; name: string; country: string; currency: string };
}

describe('enrolment', () => {
  let server: TestServer;
  /** Added to the real clock: the lock test moves a day ahead, then back. */
  let shift = 0;
  let serial = 0;

  before(async () => {
    server = await startTestServer({
      config: { passwordIterations: TEST_PASSWORD_ITERATIONS },
      now: () => new Date(Date.now() + shift),
    });
    // Sign-ins write audit rows: do them before any snapshot is taken.
    await server.tokenFor('admin1');
  });
  after(() => server.close());

  /** Each test its own address, so the per-address limit never mixes tests. */
  const post = (path: string, json: unknown, ip: string) =>
    server.api(path, { method: 'POST', json, headers: { 'x-test-client-ip': ip } });
  const check = (json: unknown, ip = '10.1.0.1') => post('/enrollment/invoice-check', json, ip);
  const enrol = (json: unknown, ip = '10.1.0.1') => post('/enrollment', json, ip);
  const firstUser = (overrides: Record<string, unknown> = {}) => ({
    userId: `founder-${++serial}`,
    email: 'founder@harbor.example',
    name: 'Frances Founder',
    password: 'tide pools at dawn',
    ...overrides,
  });

  describe('accounts enrolled nowhere', () => {
    test('the seed has some, with recent invoices no company can see', async () => {
      const rows = await server.db.query<{ number: string; invoices: number; visible: number }>(
        `select a.number, count(i.id)::int as invoices, count(i.company_id)::int as visible
           from accounts a join invoices i on i.account_id = a.id
          where a.company_id is null group by a.number order by a.number`,
      );
      assert.deepEqual(
        rows.map((r) => r.number),
        UNENROLLED_ACCOUNTS.map((a) => a.number).sort(),
      );
      assert.ok(rows.every((r) => r.invoices === 6 && r.visible === 0));
      const response = await server.api('/invoices?account=H4B7R2', { token: await server.tokenFor('admin1') });
      assert.equal(((await response.json()) as { total: number }).total, 0);
    });

    test('a guest can pay an invoice of such an account: the payment belongs to no company', async () => {
      const { invoices } = await freshAccount(server.db);
      const invoice = invoices[3]!;
      const lookup = await post(
        '/guest/invoice-lookup',
        { accountNumber: invoice.accountNumber, invoiceNumber: invoice.number, amountDue: invoice.amountMinor },
        '10.1.9.1',
      );
      assert.equal(lookup.status, 200);
      const { lookupToken } = (await lookup.json()) as { lookupToken: string };
      const card = await server.api('/card-tokens', {
        method: 'POST',
        json: { holder: 'G', number: '4242424242424242', expMonth: 10, expYear: 2035, cvc: '123', postalCode: '31401' },
      });
      const { token } = (await card.json()) as { token: string };
      const paid = await server.api('/guest/payments', {
        method: 'POST',
        json: { lookupToken, token },
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
      assert.equal(paid.status, 201, await paid.clone().text());
      const [payment] = await server.db.query<{ company_id: string | null; kind: string }>(
        `select p.company_id, p.kind from payments p join payment_allocations a on a.payment_id = p.id
           join invoices i on i.id = a.invoice_id where i.number = $1`,
        [invoice.number],
      );
      assert.deepEqual(payment, { company_id: null, kind: 'guest' });
    });
  });

  describe('signing up', () => {
    test('the invoice check names the account the values prove, and writes nothing', async () => {
      const before = await snapshot(server.db);
      const response = await check(proofOf(seededInvoice('H4B7R2', 17), 'US'));
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), {
        accountNumber: 'H4B7R2',
        accountName: 'Harbor Supply — Savannah',
        country: 'US',
        currency: 'USD',
      });
      assert.deepEqual(await snapshot(server.db), before);
    });

    test('creates the company with the account and its invoices; the first user is its administrator, signed in', async () => {
      const invoice = seededInvoice('L9C2M4', 31);
      const user = firstUser();
      // As a French user types it: invoice number and control ID in lower case, a decimal comma.
      const proof = proofOf(invoice, 'FR', {
        invoiceNumber: invoice.number.toLowerCase(),
        controlId: invoice.controlId!.toLowerCase(),
        amount: invoice.amount.replace('.', ','),
      });
      const response = await enrol({ invoice: proof, user });
      const body = (await response.json()) as SignIn;
      assert.equal(response.status, 201, JSON.stringify(body));
      assert.equal(body.user.userId, user.userId);
      assert.equal(body.user.role, 'administrator');
      assert.equal(body.user.scope.all, true);
      assert.deepEqual(
        [body.company.name, body.company.country, body.company.currency],
        ['Lumière Cosmétiques — Grasse', 'FR', 'EUR'],
      );

      // The session works at once, and shows the account and all its invoices, and nothing of other companies.
      const session = await server.api('/session', { token: body.token });
      assert.equal(session.status, 200);
      const accounts = (await (await server.api('/accounts', { token: body.token })).json()) as {
        items: { number: string; enrolledAt: string; xmlEnrolled: boolean; nickname: string | null }[];
      };
      assert.deepEqual(
        accounts.items.map((a) => [a.number, a.xmlEnrolled, a.nickname]),
        [['L9C2M4', false, null]],
      );
      assert.ok(Math.abs(Date.parse(accounts.items[0]!.enrolledAt) - Date.now()) < 60_000);
      const invoices = (await (await server.api('/invoices?pageSize=50', { token: body.token })).json()) as {
        total: number;
        items: { accountNumber: string }[];
      };
      assert.equal(invoices.total, 6);
      assert.ok(invoices.items.every((i) => i.accountNumber === 'L9C2M4'));

      // The password chosen is the password: signing in again works.
      const again = await server.api('/session', {
        method: 'POST',
        json: { userId: user.userId, password: user.password },
      });
      assert.equal(again.status, 201);

      const audit = await server.db.query<{ action: string; target: string; actor: string }>(
        `select l.action, l.target, u.user_id as actor from audit_log l join users u on u.id = l.actor_id
          where l.company_id = $1 and l.action not like 'session.%' order by l.id`,
        [body.company.id],
      );
      assert.deepEqual(audit, [
        { action: 'enrollment.sign_up', target: body.company.id, actor: user.userId },
        { action: 'accounts.add', target: 'L9C2M4', actor: user.userId },
        { action: 'users.create', target: body.user.id, actor: user.userId },
      ]);
      assert.equal(await attemptsOf(server.db, 'L9C2M4'), 0);
    });

    test('the company takes the name given, rather than the account’s', async () => {
      const { invoices } = await freshAccount(server.db);
      const response = await enrol({
        invoice: proofOf(invoices[3]!, 'US'),
        companyName: 'Harbor Holdings',
        user: firstUser(),
      });
      assert.equal(response.status, 201);
      assert.equal(((await response.json()) as SignIn).company.name, 'Harbor Holdings');
    });
  });

  describe('the 45-day window', () => {
    test('an invoice dated 45 days ago is accepted', async () => {
      const invoice = seededInvoice('H4B7R3', 45);
      const response = await enrol({ invoice: proofOf(invoice, 'US'), user: firstUser() }, '10.1.1.1');
      assert.equal(response.status, 201, await response.clone().text());
    });

    test('an invoice dated 46 days ago is refused with the field that says so, and costs no attempt', async () => {
      const { account, invoices } = await freshAccount(server.db);
      const problem = await refused(
        server.db,
        () => enrol({ invoice: proofOf(invoices[46]!, 'US'), user: firstUser() }, '10.1.1.2'),
        422,
        'invoice_date_out_of_window',
        { 'invoice.invoiceDate': 'too_old' },
      );
      assert.equal(problem.detail, '45');
      await refused(
        server.db,
        () => check(proofOf(invoices[46]!, 'US'), '10.1.1.2'),
        422,
        'invoice_date_out_of_window',
        { invoiceDate: 'too_old' },
      );
      assert.equal(await attemptsOf(server.db, account.number), 0);
    });

    test('a date in the future is refused too', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const { invoices } = await freshAccount(server.db);
      await refused(
        server.db,
        () => check(proofOf(invoices[3]!, 'US', { invoiceDate: tomorrow }), '10.1.1.3'),
        422,
        'invoice_date_out_of_window',
        { invoiceDate: 'in_future' },
      );
    });

    test('the invoice’s own date counts: an old invoice typed with a recent date matches nothing', async () => {
      const { invoices } = await freshAccount(server.db);
      const recent = invoices[17]!.invoiceDate;
      await refused(
        server.db,
        () => check(proofOf(invoices[46]!, 'US', { invoiceDate: recent }), '10.1.1.4'),
        422,
        'invoice_mismatch',
      );
    });
  });

  describe('exact values', () => {
    test('each wrong value gets the same answer, which never says which one, and counts one attempt', async () => {
      const us = await freshAccount(server.db);
      const fr = await freshAccount(server.db, 'FR');
      const other = await freshAccount(server.db);
      const usInvoice = us.invoices[17]!;
      const frInvoice = fr.invoices[17]!;
      const cents = (amount: string, delta: number) => (Math.round(Number(amount) * 100 + delta) / 100).toFixed(2);
      const cases: [string, string, Record<string, unknown>][] = [
        ['one cent more', us.account.number, proofOf(usInvoice, 'US', { amount: cents(usInvoice.amount, 1) })],
        ['another day', us.account.number, proofOf(usInvoice, 'US', { invoiceDate: us.invoices[3]!.invoiceDate })],
        [
          'another account’s invoice',
          us.account.number,
          proofOf(usInvoice, 'US', { invoiceNumber: other.invoices[17]!.number }),
        ],
        ['another country', us.account.number, proofOf(usInvoice, 'CA')],
        ['a wrong control ID', fr.account.number, proofOf(frInvoice, 'FR', { controlId: 'ZZZZ9' })],
        ['another invoice’s amount', fr.account.number, proofOf(frInvoice, 'FR', { amount: fr.invoices[3]!.amount })],
        ['an unknown account', 'ZZ9ZZ9', proofOf(usInvoice, 'US', { accountNumber: 'ZZ9ZZ9' })],
      ];
      for (const [what, accountNumber, proof] of cases) {
        const before = await attemptsOf(server.db, accountNumber);
        const problem = await refused(server.db, () => check(proof, '10.1.2.1'), 422, 'invoice_mismatch');
        assert.equal(problem.fieldErrors, undefined, what);
        assert.equal(await attemptsOf(server.db, accountNumber), before + 1, what);
      }
    });

    test('the amount as printed: a currency sign or a thousands separator is refused with the expected form', async () => {
      const { account, invoices } = await freshAccount(server.db);
      const invoice = invoices[17]!;
      const [whole, cents] = invoice.amount.split('.');
      const typings = [
        `$${invoice.amount}`,
        `${invoice.amount} USD`,
        `€${invoice.amount}`,
        `${whole!.slice(0, 1)},${whole!.slice(1)}.${cents}`,
        `${whole!.slice(0, 1)} ${whole!.slice(1)},${cents}`,
        `${whole!.slice(0, 1)}.${whole!.slice(1)},${cents}`,
        `${whole}.${cents}.`,
      ];
      for (const amount of typings) {
        await refused(
          server.db,
          () => enrol({ invoice: proofOf(invoice, 'US', { amount }), user: firstUser() }, '10.1.2.2'),
          400,
          'validation_failed',
          { 'invoice.amount': 'amount_format' },
        );
      }
      // A form error says nothing about the account, so it is not an attempt.
      assert.equal(await attemptsOf(server.db, account.number), 0);
      // The same digits without the decoration are the printed amount.
      const response = await check(proofOf(invoice, 'US', { amount: `${whole}.${cents}` }), '10.1.2.2');
      assert.equal(response.status, 200);
    });

    test('the amount with one decimal is the same printed amount when its last digit is zero', async () => {
      const { invoices } = await freshAccount(server.db, 'US', [10]);
      const invoice = invoices[10]!;
      const typed = invoice.amount.endsWith('0') ? invoice.amount.slice(0, -1) : invoice.amount;
      const response = await check(proofOf(invoice, 'US', { amount: typed }), '10.1.2.3');
      assert.equal(response.status, 200);
    });

    test('a 7-character account number is refused with the field that says so', async () => {
      const invoice = seededInvoice('H4B7R2', 17);
      await refused(
        server.db,
        () => enrol({ invoice: proofOf(invoice, 'US', { accountNumber: 'H4B7R22' }), user: firstUser() }, '10.1.2.4'),
        400,
        'validation_failed',
        { 'invoice.accountNumber': 'invalid_format' },
      );
    });

    test('a control ID is required where the country prints one', async () => {
      const invoice = seededInvoice('L9C2M5', 17);
      const { controlId: _, ...withoutControlId } = proofOf(invoice, 'FR');
      await refused(server.db, () => check(withoutControlId, '10.1.2.5'), 400, 'validation_failed', {
        controlId: 'required',
      });
    });
  });

  describe('attempt limits', () => {
    test('5 failed attempts per account, then locked for 24 hours with the time to try again', async () => {
      const { account, invoices } = await freshAccount(server.db);
      const good = proofOf(invoices[3]!, 'US');
      const wrong = { ...good, amount: '1.00' };
      // Failures from any address count for the account.
      for (let i = 0; i < 5; i++) {
        const response = await check(wrong, `10.1.3.${i}`);
        assert.equal(response.status, 422);
      }
      // Now even the right values are refused, by enrolment and by Add account alike.
      const started = Date.now();
      const problem = await refused(
        server.db,
        () => enrol({ invoice: good, user: firstUser() }, '10.1.3.9'),
        429,
        'rate_limited',
      );
      assert.ok(problem.retryAfter! > 86_400 - 60 && problem.retryAfter! <= 86_400, String(problem.retryAfter));
      const unlocksAt = Date.parse(problem.detail!);
      assert.ok(Math.abs(unlocksAt - (started + problem.retryAfter! * 1000)) < 5_000, problem.detail);
      const viaAddAccount = await server.api('/accounts', {
        method: 'POST',
        json: good,
        token: await server.tokenFor('admin1'),
      });
      assert.equal(viaAddAccount.status, 429);
      assert.equal(viaAddAccount.headers.get('retry-after'), String((await viaAddAccount.json()).retryAfter));
      assert.equal(await attemptsOf(server.db, account.number), 5);

      // A day later the lock is gone, and the right values enrol.
      shift = 86_400_000 + 1_000;
      try {
        const response = await enrol({ invoice: good, user: firstUser() }, '10.1.3.9');
        assert.equal(response.status, 201, await response.clone().text());
        assert.equal(await attemptsOf(server.db, account.number), 0, 'success clears the failures');
      } finally {
        shift = 0;
      }
    });

    test('one address cannot try account after account: 25 failures, then locked', async () => {
      for (let i = 0; i < 25; i++) {
        const response = await check(
          proofOf(seededInvoice('H4B7R2', 17), 'US', {
            amount: '1.00',
            accountNumber: `QQ${String(i).padStart(4, '0')}`,
          }),
          '10.1.4.1',
        );
        assert.equal(response.status, 422);
      }
      const response = await check(proofOf(seededInvoice('H4B7R2', 17), 'US'), '10.1.4.1');
      assert.equal(response.status, 429);
      // Another address is not affected.
      assert.equal((await check(proofOf(seededInvoice('H4B7R2', 17), 'US'), '10.1.4.2')).status, 200);
    });
  });

  describe('one company per account', () => {
    test('an account another company has is refused, naming the company whose administrator to ask', async () => {
      const invoice = await recentInvoiceOf(server.db, '4R7X21');
      const problem = await refused(
        server.db,
        () => enrol({ invoice: proofOf(invoice, 'US'), user: firstUser() }, '10.1.5.1'),
        409,
        'account_in_other_company',
        { 'invoice.accountNumber': 'enrolled_elsewhere' },
      );
      assert.equal(problem.detail, 'Demo Co');
      const checked = await refused(
        server.db,
        () => check(proofOf(invoice, 'US'), '10.1.5.1'),
        409,
        'account_in_other_company',
      );
      assert.equal(checked.detail, 'Demo Co');
    });

    test('without the right values, nothing tells that the account is enrolled', async () => {
      const invoice = await recentInvoiceOf(server.db, '4R7X21');
      const problem = await refused(
        server.db,
        () => check(proofOf(invoice, 'US', { amount: '1.00' }), '10.1.5.2'),
        422,
        'invoice_mismatch',
      );
      assert.equal(problem.detail, undefined);
    });

    test('two sign-ups with the same invoice at once: one company gets the account', async () => {
      const { account, invoices } = await freshAccount(server.db);
      const proof = proofOf(invoices[3]!, 'US');
      const responses = await Promise.all([
        enrol({ invoice: proof, user: firstUser() }, '10.1.5.3'),
        enrol({ invoice: proof, user: firstUser() }, '10.1.5.4'),
      ]);
      assert.deepEqual(responses.map((r) => r.status).sort(), [201, 409]);
      const [{ n }] = await server.db.query<{ n: number }>(
        'select count(*)::int as n from companies c join accounts a on a.company_id = c.id where a.number = $1',
        [account.number],
      );
      assert.equal(n, 1);
      // The loser left no company behind.
      const orphans = await server.db.query(
        'select c.id from companies c where not exists (select 1 from accounts a where a.company_id = c.id)',
      );
      assert.deepEqual(orphans, []);
    });
  });

  describe('the first user', () => {
    test('a user ID already in use (in any company, any case) is refused, nothing created', async () => {
      const { invoices } = await freshAccount(server.db);
      await refused(
        server.db,
        () => enrol({ invoice: proofOf(invoices[3]!, 'US'), user: firstUser({ userId: 'ADMIN1' }) }, '10.1.6.1'),
        409,
        'user_id_taken',
        { 'user.userId': 'taken' },
      );
    });

    test('a malformed e-mail, and passwords too short, too common, or holding the user ID, are refused', async () => {
      const { account, invoices } = await freshAccount(server.db);
      const invoice = proofOf(invoices[3]!, 'US');
      const cases: [Record<string, unknown>, Record<string, string>][] = [
        [{ email: 'founder.harbor.example' }, { 'user.email': 'invalid_format' }],
        [{ password: 'short-pass1' }, { 'user.password': 'too_short' }],
        [{ password: 'Password2024!' }, { 'user.password': 'password_too_common' }],
        [{ password: '123456789012' }, { 'user.password': 'password_too_common' }],
        [{ password: 'aaaaaaaaaaaaaaaa' }, { 'user.password': 'password_too_common' }],
        // Only on the server's list (the browser's short list of stems does not have it).
        [{ password: 'LeaveMeAlone' }, { 'user.password': 'password_too_common' }],
        [{ userId: 'frances', password: 'my name is Frances!' }, { 'user.password': 'password_contains_user_id' }],
      ];
      for (const [overrides, fieldErrors] of cases) {
        await refused(
          server.db,
          () => enrol({ invoice, user: firstUser(overrides) }, '10.1.6.2'),
          400,
          'validation_failed',
          fieldErrors,
        );
      }
      assert.equal(await attemptsOf(server.db, account.number), 0);
    });
  });

  test('a refused request is a problem document, never an echo of the password', async () => {
    const { invoices } = await freshAccount(server.db);
    const response = await enrol(
      { invoice: proofOf(invoices[3]!, 'US', { amount: '1.00' }), user: firstUser({ password: 'secret sauce 4242' }) },
      '10.1.7.1',
    );
    const text = await response.text();
    assert.equal(response.status, 422);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.ok(!text.includes('secret sauce'));
    assert.ok(!server.logs.join('\n').includes('secret sauce'));
    assert.equal((JSON.parse(text) as Problem).code, 'invoice_mismatch');
  });
});
