/**
 * Sign-up without an invoice at the HTTP boundary: a user ID first (unique
 * without regard to case, a valid e-mail, a password of NIST SP 800-63B's
 * kind: 12 characters or more, not common, not containing the user ID, no
 * composition rules), a limit per address, then a payment account made all
 * or nothing (a served country, a way to pay that country offers). A user of
 * no company sees nothing of any company; once the account is open, the
 * dashboard, wallet, payment types, invoices and Add account work for the
 * new company. Every refusal is checked to create nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshAccount, proofOf } from '../helpers/account-admin.js';
import { TEST_PASSWORD_ITERATIONS } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Problem {
  status: number;
  code: string;
  fieldErrors?: Record<string, string>;
}

interface SignIn {
  token: string;
  expiresAt: string;
  user: { id: string; userId: string; role: string | null; scope: { all: boolean } };
  company: { id: string; name: string; country: string; currency: string } | null;
}

interface PaymentAccount {
  company: { id: string; name: string; country: string; currency: string };
  billingAddress: Record<string, string>;
  contact: Record<string, string>;
  user: { id: string; role: string; scope: { all: boolean } };
  method: {
    id: string;
    method: { type: string; last4: string | null };
    isDefault: boolean;
    billingAddress: Record<string, string> | null;
  };
}

const PASSWORD = 'tide pools at dawn';

describe('sign-up without an invoice', () => {
  let server: TestServer;
  let serial = 0;
  let address = 0;
  const year = new Date().getUTCFullYear();

  before(async () => {
    server = await startTestServer({ config: { passwordIterations: TEST_PASSWORD_ITERATIONS } });
  });
  after(() => server.close());

  /** Each call its own address unless told, so the per-address limit is tested on its own. */
  const nextIp = () => `10.2.${Math.floor(++address / 250)}.${address % 250}`;
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    userId: `newcomer-${++serial}`,
    email: 'newcomer@example.com',
    name: 'Nora Newcomer',
    password: PASSWORD,
    ...overrides,
  });
  const signUp = (json: unknown, ip = nextIp()) =>
    server.api('/signup', { method: 'POST', json, headers: { 'x-test-client-ip': ip } });
  const signedUp = async (overrides: Record<string, unknown> = {}): Promise<SignIn> => {
    const response = await signUp(newUser(overrides));
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as SignIn;
  };
  const open = (token: string, json: unknown) => server.api('/signup/payment-account', { method: 'POST', json, token });

  const cardToken = async (postalCode = '30309') => {
    const response = await server.api('/card-tokens', {
      method: 'POST',
      headers: { 'x-test-client-ip': nextIp() },
      json: {
        holder: 'Nora Newcomer',
        number: '4242424242424242',
        expMonth: 12,
        expYear: year + 2,
        cvc: '737',
        postalCode,
      },
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { token: string }).token;
  };
  const bankToken = async (type: 'ach' | 'sepa') => {
    const json =
      type === 'ach'
        ? { type, holder: 'Nora Newcomer', routingNumber: '021000021', accountNumber: '123456789' }
        : { type, holder: 'Nora Newcomer', iban: 'FR7630006000011234567890189', mandateVersion: '2026-01' };
    const response = await server.api('/bank-tokens', {
      method: 'POST',
      headers: { 'x-test-client-ip': nextIp() },
      json,
    });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { token: string }).token;
  };
  const accountRequest = (token: string, overrides: Record<string, unknown> = {}) => ({
    companyName: 'Newcomer Trading',
    country: 'US',
    billingAddress: { line1: '12 Peachtree St', city: 'Atlanta', postalCode: '30303', region: 'GA' },
    contact: { name: 'Nora Newcomer', email: 'billing@newcomer.example', phone: '+1 404 555 0100' },
    method: { token, nickname: 'Company card' },
    ...overrides,
  });

  /** What a refusal must leave as it was: people, companies, wallets, and their audit trail. */
  const counts = async () => {
    const [row] = await server.db.query<Record<string, number>>(
      `select (select count(*)::int from users) as users,
              (select count(*)::int from companies) as companies,
              (select count(*)::int from payment_methods) as methods,
              (select count(*)::int from audit_log where action not like 'session.%') as audit`,
    );
    return row!;
  };
  const refused = async (send: () => Promise<Response>, status: number, code: string, fields?: object) => {
    const before = await counts();
    const response = await send();
    const problem = (await response.json()) as Problem;
    assert.equal(response.status, status, JSON.stringify(problem));
    assert.equal(problem.code, code);
    if (fields) assert.deepEqual(problem.fieldErrors, fields);
    assert.deepEqual(await counts(), before, 'a refusal creates nothing');
    return { problem, response };
  };

  describe('the user ID', () => {
    test('creates a user of no company, signed in at once: the session says so', async () => {
      const before = await counts();
      const body = await signedUp({ userId: 'Nora.Newcomer' });
      assert.equal(body.company, null);
      assert.equal(body.user.userId, 'Nora.Newcomer');
      assert.equal(body.user.role, null);
      assert.equal(body.user.scope.all, false);
      const after = await counts();
      assert.deepEqual(after, { ...before, users: before.users + 1, audit: before.audit + 1 });
      const [row] = await server.db.query<{ company_id: string | null; role: string | null; action: string }>(
        `select u.company_id, u.role, l.action from users u join audit_log l on l.actor_id = u.id
          where u.id = $1 and l.action like 'signup.%'`,
        [body.user.id],
      );
      assert.deepEqual(row, { company_id: null, role: null, action: 'signup.user' });

      const session = await server.api('/session', { token: body.token });
      assert.equal(session.status, 200);
      const described = (await session.json()) as SignIn;
      assert.equal(described.company, null);
      assert.equal(described.user.role, null);
    });

    test('user IDs are unique without regard to case', async () => {
      await signedUp({ userId: 'Casey-Case' });
      await refused(() => signUp(newUser({ userId: 'cASEY-cASE' })), 409, 'user_id_taken', { userId: 'taken' });
      // A demo company's user too.
      await refused(() => signUp(newUser({ userId: 'Admin1' })), 409, 'user_id_taken', { userId: 'taken' });
    });

    test('the e-mail must be one', async () => {
      for (const email of ['not-an-email', 'two@@example.com', 'a@b']) {
        await refused(() => signUp(newUser({ email })), 400, 'validation_failed', { email: 'invalid_format' });
      }
    });

    test('a password of 12 characters passes, of 11 does not; no composition rules', async () => {
      await refused(() => signUp(newUser({ password: 'lantern moss'.slice(0, 11) })), 400, 'validation_failed', {
        password: 'too_short',
      });
      // All lower case, no digit, no symbol: fine once long enough.
      await signedUp({ password: 'lanternmossy' });
      await signedUp({ password: 'nocapsnodigitsnosymbolsjustlength' });
    });

    test('a common password is refused, whole or with digits and symbols after it, in any case', async () => {
      // From the server's list only (the browser's short list of stems has none of them).
      for (const password of ['LeaveMeAlone', 'baseball2024!!', 'Starwars123456', 'qazwsxedcrfv']) {
        await refused(() => signUp(newUser({ password })), 400, 'validation_failed', {
          password: 'password_too_common',
        });
      }
      // The browser's stems are checked too (the same schema runs on the server).
      await refused(() => signUp(newUser({ password: 'Password2024!' })), 400, 'validation_failed', {
        password: 'password_too_common',
      });
    });

    test('a password containing the user ID is refused', async () => {
      await refused(
        () => signUp(newUser({ userId: 'harbormaster', password: 'my HarborMaster key' })),
        400,
        'validation_failed',
        { password: 'password_contains_user_id' },
      );
    });

    test('sign-ups per address are limited: the 11th within the hour is 429 with Retry-After', async () => {
      const ip = '10.3.0.1';
      // Refusals for a taken ID count too: the form must not list which IDs exist.
      for (let i = 0; i < 9; i++) {
        const response = await signUp(newUser({ userId: 'admin1' }), ip);
        assert.equal(response.status, 409);
      }
      assert.equal((await signUp(newUser(), ip)).status, 201);
      const { response } = await refused(() => signUp(newUser(), ip), 429, 'rate_limited');
      const retryAfter = Number(response.headers.get('retry-after'));
      assert.ok(retryAfter > 3500 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
      // Another address is not held back.
      assert.equal((await signUp(newUser(), '10.3.0.2')).status, 201);
    });
  });

  describe('a user of no company', () => {
    test('signs in again and is told they have no company', async () => {
      const { user } = await signedUp({ userId: 'returning-user' });
      const response = await server.api('/session', {
        method: 'POST',
        json: { userId: 'RETURNING-USER', password: PASSWORD },
      });
      assert.equal(response.status, 201);
      const body = (await response.json()) as SignIn;
      assert.equal(body.user.id, user.id);
      assert.equal(body.company, null);
      assert.equal(body.user.role, null);
    });

    test('sees nothing of any company: reads are empty or refused, writes refused, never a 500', async () => {
      const { token } = await signedUp();
      const get = async (path: string) => server.api(path, { token });
      // Routes open to any signed-in user: they answer for no company.
      const recovery = await get('/admin-recovery-requests');
      assert.equal(recovery.status, 200);
      assert.deepEqual(((await recovery.json()) as { items: unknown[] }).items, []);
      // Company routes need a role, and this caller has none.
      for (const path of [
        '/invoices',
        '/accounts',
        '/plans',
        '/dashboard',
        '/payments',
        '/payment-methods',
        '/users',
        '/autopay-rules',
        '/inbound-charges',
        '/audit-log',
        '/invoices/4R7X21A00001',
      ]) {
        const response = await get(path);
        assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`);
        const text = await response.text();
        assert.doesNotMatch(text, /4R7X21|N0RTH|Demo Co|Northwind/, path);
      }
      const before = await counts();
      for (const [path, json] of [
        ['/document-exports', { format: 'pdf', numbers: ['4R7X21A00001'] }],
        ['/payment-methods', { token: await cardToken() }],
        ['/accounts', proofOf((await freshAccount(server.db)).invoices[3]!, 'US')],
        [
          '/admin-recovery-requests',
          {
            previousAdminUserId: 'admin1',
            previousAdminEmail: 'admin1@demo.example',
            newAdminUserId: 'someone-new',
            newAdminEmail: 'new@example.com',
          },
        ],
      ] as const) {
        const response = await server.api(path, { method: 'POST', json, token });
        assert.ok([403, 404, 422].includes(response.status), `${path}: ${response.status} ${await response.text()}`);
      }
      assert.deepEqual(await counts(), before);
    });
  });

  describe('the payment account', () => {
    test('makes the caller administrator of a new company with the first method, default, and no accounts', async () => {
      const { token, user } = await signedUp();
      const before = await counts();
      const response = await open(token, accountRequest(await cardToken('30303')));
      assert.equal(response.status, 201, await response.clone().text());
      const body = (await response.json()) as PaymentAccount;
      assert.deepEqual(
        { ...body.company, id: undefined },
        { id: undefined, name: 'Newcomer Trading', country: 'US', currency: 'USD' },
      );
      assert.deepEqual(body.billingAddress, {
        line1: '12 Peachtree St',
        city: 'Atlanta',
        postalCode: '30303',
        region: 'GA',
      });
      assert.equal(body.contact.phone, '+1 404 555 0100');
      assert.equal(body.user.id, user.id);
      assert.equal(body.user.role, 'administrator');
      assert.equal(body.user.scope.all, true);
      assert.equal(body.method.method.type, 'card');
      assert.equal(body.method.isDefault, true);
      // A card without an address of its own gets the company's.
      assert.deepEqual(body.method.billingAddress, {
        line1: '12 Peachtree St',
        city: 'Atlanta',
        postalCode: '30303',
        country: 'US',
      });
      assert.deepEqual(await counts(), {
        ...before,
        companies: before.companies + 1,
        methods: before.methods + 1,
        audit: before.audit + 3,
      });
      const actions = await server.db.query<{ action: string }>(
        `select action from audit_log where company_id = $1 order by id`,
        [body.company.id],
      );
      assert.deepEqual(
        actions.map((a) => a.action),
        ['signup.payment_account', 'users.update', 'wallet.add'],
      );

      // The same token now carries the company: the server reads it from its records.
      const session = (await (await server.api('/session', { token })).json()) as SignIn;
      assert.equal(session.company!.id, body.company.id);
      assert.equal(session.user.role, 'administrator');

      // The billing center works for a company with no shipping accounts.
      const dashboard = await server.api('/dashboard', { token });
      assert.equal(dashboard.status, 200, await dashboard.clone().text());
      const wallet = (await (await server.api('/payment-methods', { token })).json()) as { items: { id: string }[] };
      assert.deepEqual(
        wallet.items.map((m) => m.id),
        [body.method.id],
      );
      const invoices = (await (await server.api('/invoices', { token })).json()) as { total: number; items: unknown[] };
      assert.deepEqual([invoices.total, invoices.items.length], [0, 0]);
      const accounts = (await (await server.api('/accounts', { token })).json()) as { items: unknown[] };
      assert.deepEqual(accounts.items, []);
      const payments = await server.api('/payments', { token });
      assert.equal(payments.status, 200);
      const types = (await (await server.api('/payment-types?country=US')).json()) as { types: { type: string }[] };
      assert.ok(types.types.some((t) => t.type === 'ach'));
      const users = (await (await server.api('/users', { token })).json()) as { items: { id: string }[] };
      assert.deepEqual(
        users.items.map((u) => u.id),
        [user.id],
      );

      // A shipping account comes later, through Add account and its 45-day proof.
      const { account, invoices: printed } = await freshAccount(server.db);
      const added = await server.api('/accounts', { method: 'POST', json: proofOf(printed[17]!, 'US'), token });
      assert.equal(added.status, 201, await added.clone().text());
      const listed = (await (await server.api('/accounts', { token })).json()) as { items: { number: string }[] };
      assert.deepEqual(
        listed.items.map((a) => a.number),
        [account.number],
      );
    });

    test('a French company pays by SEPA; its currency is the euro', async () => {
      const { token } = await signedUp();
      const response = await open(
        token,
        accountRequest(await bankToken('sepa'), {
          companyName: 'Nouvelle Société',
          country: 'FR',
          billingAddress: { line1: '5 rue de la Paix', city: 'Paris', postalCode: '75002' },
          contact: { name: 'Nora Newcomer', email: 'compta@nouvelle.example' },
        }),
      );
      assert.equal(response.status, 201, await response.clone().text());
      const body = (await response.json()) as PaymentAccount;
      assert.deepEqual([body.company.country, body.company.currency], ['FR', 'EUR']);
      assert.equal(body.method.method.type, 'sepa');
      assert.equal(body.method.billingAddress, null);
      const dashboard = await server.api('/dashboard', { token });
      assert.equal(dashboard.status, 200);
    });

    test('a country not served is refused, and nothing is created', async () => {
      const { token } = await signedUp();
      const card = await cardToken();
      for (const country of ['JP', 'BR', 'ZZ']) {
        await refused(() => open(token, accountRequest(card, { country })), 422, 'country_not_served', {
          country: 'not_served',
        });
      }
      const served = (await (await server.api('/signup/countries')).json()) as {
        items: { country: string; currency: string }[];
      };
      const codes = served.items.map((c) => c.country);
      assert.ok(['US', 'CA', 'GB', 'FR', 'DE'].every((c) => codes.includes(c)));
      assert.ok(!codes.includes('JP'));
      assert.deepEqual(
        served.items.find((c) => c.country === 'GB'),
        { country: 'GB', currency: 'GBP' },
      );
    });

    test('a way to pay the country does not offer is refused: SEPA in the US, ACH in France', async () => {
      const { token, user } = await signedUp();
      const sepa = await bankToken('sepa');
      await refused(() => open(token, accountRequest(sepa)), 422, 'payment_method_not_allowed', {
        'method.token': 'not_allowed',
      });
      const ach = await bankToken('ach');
      await refused(
        () =>
          open(
            token,
            accountRequest(ach, {
              country: 'FR',
              billingAddress: { line1: '5 rue de la Paix', city: 'Paris', postalCode: '75002' },
            }),
          ),
        422,
        'payment_method_not_allowed',
        { 'method.token': 'not_allowed' },
      );
      // Nothing was used up: the same SEPA token opens a French account.
      const [row] = await server.db.query<{ company_id: string | null }>('select company_id from users where id = $1', [
        user.id,
      ]);
      assert.equal(row!.company_id, null);
      const response = await open(
        token,
        accountRequest(sepa, {
          country: 'FR',
          billingAddress: { line1: '5 rue de la Paix', city: 'Paris', postalCode: '75002' },
        }),
      );
      assert.equal(response.status, 201, await response.clone().text());
    });

    test('a token that fails its checks (unknown, or used) is refused, and nothing is created', async () => {
      const { token } = await signedUp();
      await refused(() => open(token, accountRequest('pt_doesnotexist0000')), 422, 'payment_token_invalid', {
        'method.token': 'invalid_value',
      });
      const used = await cardToken();
      const { token: other } = await signedUp();
      assert.equal((await open(other, accountRequest(used))).status, 201);
      await refused(() => open(token, accountRequest(used)), 422, 'payment_token_invalid', {
        'method.token': 'invalid_value',
      });
    });

    test('a failure at the method step leaves no company behind', async () => {
      const { token, user } = await signedUp();
      const card = await cardToken();
      // The company and the new administrator are written before the method: make the method's
      // own insert fail, as a broken database would, and check that all of it went back.
      await server.db.exec(`
        create function fail_method_insert() returns trigger language plpgsql as
          $$ begin raise exception 'method step failed'; end $$;
        create trigger fail_method_insert before insert on payment_methods
          for each row execute function fail_method_insert();`);
      const before = await counts();
      try {
        const response = await open(token, accountRequest(card, { companyName: 'Half Way Ltd' }));
        assert.equal(response.status, 500);
        assert.equal(((await response.json()) as Problem).code, 'internal_error');
      } finally {
        await server.db.exec('drop trigger fail_method_insert on payment_methods; drop function fail_method_insert();');
      }
      assert.deepEqual(await counts(), before);
      assert.deepEqual(await server.db.query(`select 1 from companies where name = 'Half Way Ltd'`), []);
      const [row] = await server.db.query<{ company_id: string | null; role: string | null }>(
        'select company_id, role from users where id = $1',
        [user.id],
      );
      assert.deepEqual(row, { company_id: null, role: null });
      const [tokenRow] = await server.db.query<{ used_at: string | null }>(
        'select used_at from payment_tokens where token = $1',
        [card],
      );
      assert.equal(tokenRow!.used_at, null);
      // Retried once the fault is gone, it works with the same token.
      assert.equal((await open(token, accountRequest(card, { companyName: 'Half Way Ltd' }))).status, 201);
    });

    test('a caller who already has a company is refused: already_in_company', async () => {
      const { token } = await signedUp();
      assert.equal((await open(token, accountRequest(await cardToken()))).status, 201);
      const again = await cardToken();
      await refused(() => open(token, accountRequest(again)), 409, 'already_in_company');
      const admin = await server.tokenFor('admin1');
      await refused(() => open(admin, accountRequest(again)), 409, 'already_in_company');
    });

    test('bad fields get field codes, and nothing is created', async () => {
      const { token } = await signedUp();
      const card = await cardToken();
      const { problem } = await refused(
        () =>
          open(
            token,
            accountRequest(card, {
              companyName: ' ',
              billingAddress: { line1: '', city: 'Atlanta', postalCode: '3' },
              contact: { name: 'N', email: 'nope', phone: 'call me' },
            }),
          ),
        400,
        'validation_failed',
      );
      assert.deepEqual(Object.keys(problem.fieldErrors!).sort(), [
        'billingAddress.line1',
        'billingAddress.postalCode',
        'companyName',
        'contact.email',
        'contact.phone',
      ]);
      await refused(
        () => server.api('/signup/payment-account', { method: 'POST', json: accountRequest(card) }),
        401,
        'unauthenticated',
      );
    });
  });
});
