/**
 * Account administration at the HTTP boundary: the list with nicknames, XML
 * enrolment and enrolment dates; names; XML enrolment (then XML downloads
 * appear on the account's invoices); Add account with the 45-day proof;
 * cancelling enrolment with a reason. Roles as SPEC's table says, what the
 * caller may not see as 404, an audit row for every change, and every
 * refusal checked to change nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OTHER_COMPANY_ADMIN } from '../../server/db/seed.js';
import { testGateway } from '../../server/payments/test-gateway.js';
import {
  attemptsOf,
  freshAccount,
  proofOf,
  recentInvoiceOf,
  refused,
  seededInvoice,
} from '../helpers/account-admin.js';
import { autopayFixtures } from '../helpers/autopay.js';
import { TEST_PASSWORD_ITERATIONS, today } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Account {
  number: string;
  name: string;
  nickname: string | null;
  country: string;
  currency: string;
  planNumber: string | null;
  xmlEnrolled: boolean;
  enrolledAt: string;
}

describe('account administration', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ config: { passwordIterations: TEST_PASSWORD_ITERATIONS } });
    // Sign-ins write audit rows: do them all before any snapshot is taken.
    for (const user of ['admin1', 'manager1', 'payer1', 'viewer1', OTHER_COMPANY_ADMIN]) await server.tokenFor(user);
  });
  after(() => server.close());

  const call = async (path: string, method = 'GET', json?: unknown, user = 'admin1') =>
    server.api(path, { method, ...(json === undefined ? {} : { json }), token: await server.tokenFor(user) });
  const accounts = async (user = 'admin1') => {
    const response = await call('/accounts', 'GET', undefined, user);
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: Account[] }).items;
  };
  const auditOf = (action: string, target: string) =>
    server.db.query<{ actor: string; data: Record<string, unknown> }>(
      `select u.user_id as actor, l.data from audit_log l left join users u on u.id = l.actor_id
        where l.action = $1 and l.target = $2 order by l.id`,
      [action, target],
    );
  const invoiceOf = async (accountNumber: string) =>
    (
      await server.db.query<{ number: string }>(
        'select number from invoices where account_number = $1 order by id limit 1',
        [accountNumber],
      )
    )[0]!.number;

  describe('the list', () => {
    test('an administrator sees every account of its company, with XML enrolment and when it was enrolled', async () => {
      const items = await accounts();
      assert.deepEqual(items.map((a) => a.number).sort(), [
        '4R7X21',
        '8F2K44',
        'E7T310',
        'F3R901',
        'F3R902',
        'K2M8Q5',
        'W9E530',
        'Y67V08',
      ]);
      const atlanta = items.find((a) => a.number === '4R7X21')!;
      assert.deepEqual([atlanta.xmlEnrolled, atlanta.nickname, atlanta.planNumber], [true, null, null]);
      assert.equal(items.find((a) => a.number === 'W9E530')!.planNumber, 'P4R7X210');
      assert.ok(items.every((a) => !Number.isNaN(Date.parse(a.enrolledAt))));
    });

    test('a manager sees its scope only; no one sees accounts no company has enrolled', async () => {
      assert.deepEqual(
        (await accounts('manager1')).map((a) => a.number),
        ['4R7X21', '8F2K44', 'W9E530'],
      );
      assert.deepEqual(
        (await accounts(OTHER_COMPANY_ADMIN)).map((a) => a.number),
        ['N0RTH1', 'N0RTH2'],
      );
    });
  });

  describe('nicknames', () => {
    test('an administrator names an account and clears the name; each change is audited', async () => {
      const named = await call('/accounts/K2M8Q5', 'PATCH', { nickname: '  Seattle dock  ' });
      assert.equal(named.status, 200);
      assert.equal(((await named.json()) as Account).nickname, 'Seattle dock');
      assert.equal((await accounts()).find((a) => a.number === 'K2M8Q5')!.nickname, 'Seattle dock');
      // The same name again changes nothing, and writes no audit row.
      assert.equal((await call('/accounts/K2M8Q5', 'PATCH', { nickname: 'Seattle dock' })).status, 200);
      const cleared = await call('/accounts/K2M8Q5', 'PATCH', { nickname: null });
      assert.equal(((await cleared.json()) as Account).nickname, null);
      assert.deepEqual(await auditOf('accounts.update', 'K2M8Q5'), [
        { actor: 'admin1', data: { changes: { nickname: { from: null, to: 'Seattle dock' } } } },
        { actor: 'admin1', data: { changes: { nickname: { from: 'Seattle dock', to: null } } } },
      ]);
    });

    test('managers, payers and viewers may not; what they cannot see is not found; bad names are refused', async () => {
      const db = server.db;
      const rename = (number: string, user: string, nickname: unknown = 'X') =>
        call(`/accounts/${number}`, 'PATCH', { nickname }, user);
      await refused(db, () => rename('4R7X21', 'manager1'), 403, 'forbidden');
      await refused(db, () => rename('4R7X21', 'payer1'), 403, 'forbidden');
      await refused(db, () => rename('F3R901', 'viewer1'), 403, 'forbidden');
      await refused(db, () => rename('E7T310', 'manager1'), 404, 'not_found');
      await refused(db, () => rename('N0RTH1', 'admin1'), 404, 'not_found');
      await refused(db, () => rename('H4B7R2', 'admin1'), 404, 'not_found');
      await refused(db, () => rename('K2M8Q5', 'admin1', '   '), 400, 'validation_failed', { nickname: 'required' });
      await refused(db, () => rename('K2M8Q5', 'admin1', 'x'.repeat(41)), 400, 'validation_failed', {
        nickname: 'too_long',
      });
    });
  });

  describe('XML enrolment', () => {
    test('a manager enrols an account of its scope: XML downloads appear on its invoices, and go when it is undone', async () => {
      const number = await invoiceOf('W9E530');
      const formats = async () =>
        ((await (await call(`/invoices/${number}`, 'GET', undefined, 'manager1')).json()) as { formats: string[] })
          .formats;
      const xml = () => call(`/invoices/${number}/documents/xml`, 'GET', undefined, 'manager1');
      assert.deepEqual(await formats(), ['pdf', 'csv']);
      assert.equal((await xml()).status, 422);

      const on = await call('/accounts/W9E530/xml-enrollment', 'PUT', { enrolled: true }, 'manager1');
      assert.equal(on.status, 200);
      assert.equal(((await on.json()) as Account).xmlEnrolled, true);
      assert.deepEqual(await formats(), ['pdf', 'csv', 'xml']);
      const download = await xml();
      assert.equal(download.status, 200);
      assert.ok((await download.text()).includes(`<Number>${number}</Number>`));
      // Saying it again writes nothing.
      assert.equal((await call('/accounts/W9E530/xml-enrollment', 'PUT', { enrolled: true }, 'manager1')).status, 200);

      const off = await call('/accounts/W9E530/xml-enrollment', 'PUT', { enrolled: false });
      assert.equal(((await off.json()) as Account).xmlEnrolled, false);
      assert.deepEqual(await formats(), ['pdf', 'csv']);
      assert.equal((await (await xml()).json()).code, 'xml_not_enrolled');
      assert.deepEqual(await auditOf('accounts.xml_enrollment', 'W9E530'), [
        { actor: 'manager1', data: { xmlEnrolled: { from: false, to: true } } },
        { actor: 'admin1', data: { xmlEnrolled: { from: true, to: false } } },
      ]);
    });

    test('payers and viewers may not; a manager outside its scope finds nothing', async () => {
      const db = server.db;
      const put = (number: string, user: string) =>
        call(`/accounts/${number}/xml-enrollment`, 'PUT', { enrolled: true }, user);
      await refused(db, () => put('4R7X21', 'payer1'), 403, 'forbidden');
      await refused(db, () => put('F3R902', 'viewer1'), 403, 'forbidden');
      await refused(db, () => put('E7T310', 'manager1'), 404, 'not_found');
      await refused(db, () => put('N0RTH1', 'admin1'), 404, 'not_found');
      await refused(
        db,
        () => call('/accounts/E7T310/xml-enrollment', 'PUT', { enrolled: 'yes' }),
        400,
        'validation_failed',
        {
          enrolled: 'invalid_type',
        },
      );
    });
  });

  describe('Add account', () => {
    test('an administrator adds an account proved by a recent invoice; its invoices join the company', async () => {
      const invoice = seededInvoice('H4B7R2', 17);
      const response = await call(
        '/accounts',
        'POST',
        proofOf(invoice, 'US', { invoiceNumber: invoice.number.toLowerCase() }),
      );
      const account = (await response.json()) as Account;
      assert.equal(response.status, 201, JSON.stringify(account));
      assert.deepEqual(
        [account.number, account.name, account.xmlEnrolled, account.nickname, account.planNumber],
        ['H4B7R2', 'Harbor Supply — Savannah', false, null, null],
      );
      assert.ok((await accounts()).some((a) => a.number === 'H4B7R2'));
      const invoices = await call('/invoices?account=H4B7R2');
      assert.equal(((await invoices.json()) as { total: number }).total, 6);
      // In no one's scope yet: a manager does not see it until someone gives it.
      assert.ok(!(await accounts('manager1')).some((a) => a.number === 'H4B7R2'));
      assert.deepEqual(await auditOf('accounts.add', 'H4B7R2'), [
        { actor: 'admin1', data: { invoiceNumber: invoice.number, country: 'US' } },
      ]);
    });

    test('only administrators add accounts; a refusal counts no attempt', async () => {
      const { account, invoices } = await freshAccount(server.db);
      for (const user of ['manager1', 'payer1', 'viewer1']) {
        await refused(server.db, () => call('/accounts', 'POST', proofOf(invoices[3]!, 'US'), user), 403, 'forbidden');
      }
      assert.equal(await attemptsOf(server.db, account.number), 0);
    });

    test('an account of the company already is said so before any proof, costing no attempt', async () => {
      const invoice = await recentInvoiceOf(server.db, '4R7X21');
      await refused(
        server.db,
        () => call('/accounts', 'POST', proofOf(invoice, 'US', { amount: '1.00' })),
        409,
        'account_already_enrolled',
        {
          accountNumber: 'already_enrolled',
        },
      );
      assert.equal(await attemptsOf(server.db, '4R7X21'), 0);
    });

    test('an account of another company is refused, naming it, once the invoice matched', async () => {
      const invoice = await recentInvoiceOf(server.db, 'N0RTH1');
      const problem = await refused(
        server.db,
        () => call('/accounts', 'POST', proofOf(invoice, 'FR')),
        409,
        'account_in_other_company',
        { accountNumber: 'enrolled_elsewhere' },
      );
      assert.equal(problem.detail, 'Northwind Freight SARL');
      // With a wrong value, the same account is only a mismatch.
      const wrong = await refused(
        server.db,
        () => call('/accounts', 'POST', proofOf(invoice, 'FR', { controlId: 'ZZZZ' })),
        422,
        'invoice_mismatch',
      );
      assert.equal(wrong.detail, undefined);
    });

    test('bad input: a 7-character account number, an invoice of 46 days ago, a thousands separator, a wrong value', async () => {
      const { account, invoices } = await freshAccount(server.db);
      const add = (proof: unknown) => () => call('/accounts', 'POST', proof);
      await refused(
        server.db,
        add(proofOf(invoices[3]!, 'US', { accountNumber: `${account.number}1` })),
        400,
        'validation_failed',
        {
          accountNumber: 'invalid_format',
        },
      );
      await refused(server.db, add(proofOf(invoices[46]!, 'US')), 422, 'invoice_date_out_of_window', {
        invoiceDate: 'too_old',
      });
      const amount = invoices[3]!.amount;
      await refused(
        server.db,
        add(proofOf(invoices[3]!, 'US', { amount: `${amount[0]},${amount.slice(1)}` })),
        400,
        'validation_failed',
        {
          amount: 'amount_format',
        },
      );
      assert.equal(await attemptsOf(server.db, account.number), 0);
      await refused(
        server.db,
        add(proofOf(invoices[3]!, 'US', { amount: invoices[17]!.amount })),
        422,
        'invoice_mismatch',
      );
      assert.equal(await attemptsOf(server.db, account.number), 1);
      // Day 45 is in.
      const added = await call('/accounts', 'POST', proofOf(invoices[45]!, 'US'));
      assert.equal(added.status, 201);
    });

    test('failures count with enrolment’s: 5 for the account, then both are locked', async () => {
      const { invoices } = await freshAccount(server.db);
      const wrong = proofOf(invoices[3]!, 'US', { amount: '2.00' });
      for (let i = 0; i < 5; i++) assert.equal((await call('/accounts', 'POST', wrong)).status, 422);
      const locked = await refused(
        server.db,
        () => call('/accounts', 'POST', proofOf(invoices[3]!, 'US')),
        429,
        'rate_limited',
      );
      assert.ok(locked.retryAfter! > 86_000);
      const enrol = await server.api('/enrollment/invoice-check', {
        method: 'POST',
        json: proofOf(invoices[3]!, 'US'),
      });
      assert.equal(enrol.status, 429);
    });
  });

  describe('cancelling enrolment', () => {
    test('a reason is required, from the list, and a comment when it is "other"', async () => {
      const cancel = (json: unknown) => () => call('/accounts/K2M8Q5/cancel-enrollment', 'POST', json);
      // A missing choice of a fixed list is `invalid_value` (src/api/field-errors.ts), as for every enum.
      await refused(server.db, cancel({}), 400, 'validation_failed', { reason: 'invalid_value' });
      await refused(server.db, cancel({ reason: 'bored' }), 400, 'validation_failed', { reason: 'invalid_value' });
      await refused(server.db, cancel({ reason: 'other' }), 400, 'validation_failed', { comment: 'required' });
      await refused(server.db, cancel({ reason: 'other', comment: '   ' }), 400, 'validation_failed', {
        comment: 'required',
      });
    });

    test('only administrators cancel; what the caller cannot see is not found', async () => {
      const cancel = (number: string, user: string) => () =>
        call(`/accounts/${number}/cancel-enrollment`, 'POST', { reason: 'no_longer_used' }, user);
      await refused(server.db, cancel('4R7X21', 'manager1'), 403, 'forbidden');
      await refused(server.db, cancel('4R7X21', 'payer1'), 403, 'forbidden');
      await refused(server.db, cancel('E7T310', 'manager1'), 404, 'not_found');
      await refused(server.db, cancel('N0RTH1', 'admin1'), 404, 'not_found');
    });

    test('an account billed through a plan is refused', async () => {
      const problem = await refused(
        server.db,
        () => call('/accounts/W9E530/cancel-enrollment', 'POST', { reason: 'account_closed' }),
        409,
        'account_in_plan',
      );
      assert.equal(problem.detail, 'P4R7X210');
    });

    test('an account with a payment scheduled is refused, naming the payment; once it is cancelled, it goes', async () => {
      const { account, invoices } = await freshAccount(server.db);
      assert.equal((await call('/accounts', 'POST', proofOf(invoices[3]!, 'US'))).status, 201);
      const [method] = await server.db.query<{ id: string }>(
        `select m.id from payment_methods m join users u on u.id = m.user_id
          where u.user_id = 'admin1' and m.removed_at is null and m.type = 'card' order by m.created_at limit 1`,
      );
      const tomorrow = new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const scheduled = await server.api('/payments', {
        method: 'POST',
        token: await server.tokenFor('admin1'),
        headers: { 'idempotency-key': crypto.randomUUID() },
        json: {
          invoices: [{ number: invoices[3]!.number, amount: invoices[3]!.amountMinor }],
          processingDate: tomorrow,
          source: { methodId: method!.id },
        },
      });
      const receipt = (await scheduled.json()) as { confirmationNumber: string; status: string };
      assert.equal(scheduled.status, 201, JSON.stringify(receipt));
      assert.equal(receipt.status, 'scheduled');
      const problem = await refused(
        server.db,
        () => call(`/accounts/${account.number}/cancel-enrollment`, 'POST', { reason: 'no_longer_used' }),
        409,
        'payments_in_progress',
      );
      assert.equal(problem.detail, receipt.confirmationNumber);
      assert.equal((await call(`/payments/${receipt.confirmationNumber}/cancel`, 'POST')).status, 200);
      const cancelled = await call(`/accounts/${account.number}/cancel-enrollment`, 'POST', {
        reason: 'no_longer_used',
      });
      assert.equal(cancelled.status, 204);

      // Whoever enrols it next sees the invoice, but not the payments (and card digits) of the company before.
      const enrolled = await server.api('/enrollment', {
        method: 'POST',
        headers: { 'x-test-client-ip': '10.2.0.2' },
        json: {
          invoice: proofOf(invoices[3]!, 'US'),
          user: { userId: 'next-owner', email: 'next@owner.example', name: 'Next Owner', password: 'the next chapter' },
        },
      });
      const { token } = (await enrolled.json()) as { token: string };
      assert.equal(enrolled.status, 201);
      const detail = await server.api(`/invoices/${invoices[3]!.number}`, { token });
      assert.equal(detail.status, 200);
      assert.deepEqual(((await detail.json()) as { payments: unknown[] }).payments, []);
      const kept = await server.db.query(
        `select 1 from payments p join payment_allocations a on a.payment_id = p.id join invoices i on i.id = a.invoice_id
          where i.number = $1 and p.confirmation_number = $2`,
        [invoices[3]!.number, receipt.confirmationNumber],
      );
      assert.equal(kept.length, 1, 'the payment itself is kept');
    });

    test('the account leaves the company with its invoices, scopes, AutoPay rule and inbound settings; it may enrol again', async () => {
      const { account, invoices } = await freshAccount(server.db);
      assert.equal((await call('/accounts', 'POST', proofOf(invoices[17]!, 'US'))).status, 201);
      // Give it a life in the company: a name, XML, a user's scope, an AutoPay rule, inbound-charge settings.
      assert.equal((await call(`/accounts/${account.number}`, 'PATCH', { nickname: 'Doomed' })).status, 200);
      assert.equal((await call(`/accounts/${account.number}/xml-enrollment`, 'PUT', { enrolled: true })).status, 200);
      const [payer] = await server.db.query<{ id: string }>(`select id from users where user_id = 'payer1'`);
      const scoped = await call(`/users/${payer!.id}`, 'PATCH', {
        scope: { accounts: ['4R7X21', 'F3R901', account.number], plans: [] },
      });
      assert.equal(scoped.status, 200);
      const fixtures = autopayFixtures(server.db, testGateway(server.db));
      const rule = await fixtures.addRule({ account: account.number, method: await fixtures.addCard('admin1') });
      const inbound = `/accounts/${account.number}/inbound-charges`;
      assert.equal((await call(inbound, 'PATCH', { defaultRule: 'refuse' })).status, 200);
      assert.equal((await call(`${inbound}/exceptions`, 'POST', { shipperAccount: 'AB12CD' })).status, 201);
      const invoiceNumber = invoices[3]!.number;
      assert.equal((await call(`/invoices/${invoiceNumber}`, 'GET', undefined, 'payer1')).status, 200);

      const response = await call(`/accounts/${account.number}/cancel-enrollment`, 'POST', {
        reason: 'other',
        comment: '  Moved to our parent company  ',
      });
      assert.equal(response.status, 204);

      assert.ok(!(await accounts()).some((a) => a.number === account.number));
      assert.equal((await call(`/invoices/${invoiceNumber}`)).status, 404);
      assert.equal(((await (await call(`/invoices?account=${account.number}`)).json()) as { total: number }).total, 0);
      assert.equal((await call(`/invoices/${invoiceNumber}`, 'GET', undefined, 'payer1')).status, 404);
      const session = (await (await call('/session', 'GET', undefined, 'payer1')).json()) as {
        user: { scope: { accounts: string[] } };
      };
      assert.deepEqual(session.user.scope.accounts, ['4R7X21', 'F3R901']);
      assert.equal((await call(inbound)).status, 404);
      const [state] = await server.db.query<Record<string, unknown>>(
        `select a.company_id, a.enrolled_at, a.nickname, a.xml_enrolled,
                (select count(*)::int from invoices i where i.account_id = a.id and i.company_id is not null) as invoices,
                (select status from autopay_rules where id = $2) as rule,
                (select count(*)::int from inbound_charge_settings where account_id = a.id) as settings,
                (select count(*)::int from inbound_charge_exceptions where account_id = a.id) as exceptions
           from accounts a where a.number = $1`,
        [account.number, rule],
      );
      assert.deepEqual(state, {
        company_id: null,
        enrolled_at: null,
        nickname: null,
        xml_enrolled: false,
        invoices: 0,
        rule: 'ended',
        settings: 0,
        exceptions: 0,
      });
      assert.deepEqual(await auditOf('accounts.cancel_enrollment', account.number), [
        {
          actor: 'admin1',
          data: {
            reason: 'other',
            comment: 'Moved to our parent company',
            nickname: 'Doomed',
            endedAutopayRules: [rule],
            removedFromScopeOf: ['payer1'],
            inboundExceptionsRemoved: 1,
          },
        },
      ]);

      // Enrolled nowhere again: another company can sign up with it, and sees its invoices, none of the old settings.
      const enrolled = await server.api('/enrollment', {
        method: 'POST',
        headers: { 'x-test-client-ip': '10.2.0.1' },
        json: {
          invoice: proofOf(invoices[3]!, 'US'),
          user: { userId: 'new-owner', email: 'owner@new.example', name: 'New Owner', password: 'a brand new start' },
        },
      });
      const signIn = (await enrolled.json()) as { token: string };
      assert.equal(enrolled.status, 201, JSON.stringify(signIn));
      const theirs = await server.api(`/invoices?account=${account.number}`, { token: signIn.token });
      assert.equal(((await theirs.json()) as { total: number }).total, 4);
      const settings = await server.api(inbound, { token: signIn.token });
      assert.deepEqual(
        (({ defaultRule, exceptions }) => ({ defaultRule, exceptions }))(
          (await settings.json()) as { defaultRule: string; exceptions: unknown[] },
        ),
        { defaultRule: 'accept', exceptions: [] },
      );
      // And the old company cannot reach it any more.
      assert.equal((await call(`/accounts/${account.number}/xml-enrollment`, 'PUT', { enrolled: true })).status, 404);
    });
  });
});
