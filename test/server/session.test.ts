import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_ITERATIONS, hashPassword, verifyPassword } from '../../server/domain/passwords.js';
import { DEMO_PASSWORD } from '../../server/db/seed.js';
import { issueToken } from '../../server/http/tokens.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('POST /session and GET /session', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const signIn = (userId: string, password: string, ip = '10.0.0.1') =>
    server.api('/session', { method: 'POST', json: { userId, password }, headers: { 'x-test-client-ip': ip } });

  test('a demo user signs in and gets a short-lived token, user, role and scope', async () => {
    const response = await signIn('payer1', DEMO_PASSWORD);
    assert.equal(response.status, 201);
    const body = await response.json();
    assert.match(body.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const lifetime = Date.parse(body.expiresAt) - Date.now();
    assert.ok(lifetime > 14 * 60_000 && lifetime <= 15 * 60_000, `token lives ${lifetime} ms`);
    assert.equal(body.user.userId, 'payer1');
    assert.equal(body.user.role, 'payer');
    assert.deepEqual(body.user.scope, { all: false, accounts: ['4R7X21', 'F3R901'], plans: [] });
    assert.equal(body.company.name, 'Demo Co');
    assert.equal(body.user.password_hash, undefined);
  });

  test('user IDs are matched without regard to case', async () => {
    assert.equal((await signIn('ADMIN1', DEMO_PASSWORD)).status, 201);
  });

  test('a wrong password and an unknown user get the same answer', async () => {
    const wrong = await signIn('admin1', 'not-the-password', '10.0.0.2');
    const unknown = await signIn('nobody-here', DEMO_PASSWORD, '10.0.0.2');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    assert.equal(a.code, 'invalid_credentials');
    assert.deepEqual(a, b);
  });

  test('GET /session describes the caller from the server records', async () => {
    const token = await server.tokenFor('manager1');
    const response = await server.api('/session', { token });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.user.role, 'manager');
    assert.deepEqual(body.user.scope.plans, ['P4R7X210']);
  });

  test('a role change takes effect on the next request, whatever the token says', async () => {
    const token = await server.tokenFor('viewer1');
    await server.db.query(`update users set role = 'payer' where user_id = 'viewer1'`);
    const body = await (await server.api('/session', { token })).json();
    assert.equal(body.user.role, 'payer');
    await server.db.query(`update users set role = 'viewer' where user_id = 'viewer1'`);
  });

  test('missing, malformed, forged and expired tokens get 401 with a code, never data', async () => {
    const token = await server.tokenFor('admin1');
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...claims, sub: '00000000-0000-0000-0000-000000000000' }),
    ).toString('base64url');
    const signature = token.split('.')[2]!;
    const expired = await issueToken(claims.sub, 'wrong-secret', 60, new Date(Date.now() - 3_600_000));
    const cases: [string | undefined, string][] = [
      [undefined, 'unauthenticated'],
      ['not-a-token', 'token_invalid'],
      [`${header}.${forgedPayload}.${signature}`, 'token_invalid'],
      [`${token.slice(0, -2)}xx`, 'token_invalid'],
      [`${header}.${payload}.a`, 'token_invalid'],
      [expired.token, 'token_invalid'],
    ];
    for (const [value, code] of cases) {
      const response = await server.api('/invoices', value ? { headers: { authorization: `Bearer ${value}` } } : {});
      assert.equal(response.status, 401, String(value));
      assert.equal((await response.json()).code, code, String(value));
    }
    const basic = await server.api('/invoices', { headers: { authorization: 'Basic YWRtaW4xOng=' } });
    assert.equal((await basic.json()).code, 'token_invalid');
  });

  test('a correctly signed token past its expiry gets token_expired', async () => {
    const [{ value: secret }] = await server.db.query<{ value: string }>(
      `select value from settings where key = 'token_secret'`,
    );
    const [{ id }] = await server.db.query<{ id: string }>(`select id from users where user_id = 'admin1'`);
    const stale = await issueToken(id!, secret!, 900, new Date(Date.now() - 901_000));
    const response = await server.api('/session', { token: stale.token });
    assert.equal(response.status, 401);
    assert.equal((await response.json()).code, 'token_expired');
    const fresh = await issueToken(id!, secret!, 900, new Date());
    assert.equal((await server.api('/session', { token: fresh.token })).status, 200);
  });

  test('a token of a deleted user is refused', async () => {
    const token = await server.tokenFor('viewer1');
    await server.db.query(`delete from users where user_id = 'viewer1'`);
    const response = await server.api('/session', { token });
    assert.equal(response.status, 401);
  });

  test('repeated failures for a user ID are limited with 429 and Retry-After', async () => {
    for (let i = 0; i < 10; i++) await signIn('manager1', `guess-${i}`, `10.1.0.${i}`);
    const limited = await signIn('manager1', DEMO_PASSWORD, '10.1.1.1');
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    const body = await limited.json();
    assert.equal(body.code, 'rate_limited');
    assert.equal(body.retryAfter, retryAfter);
  });

  test('sign-ins and failures are audited', async () => {
    const rows = await server.db.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_log where action like 'session.%' group by action`,
    );
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    assert.ok(byAction['session.sign_in']! >= 2);
    assert.ok(byAction['session.sign_in_failed']! >= 10);
  });

  test('passwords are stored only as slow salted hashes', async () => {
    const rows = await server.db.query<{ password_hash: string }>('select password_hash from users');
    for (const { password_hash } of rows) {
      assert.match(password_hash, /^pbkdf2-sha256\$\d+\$/);
      assert.ok(!password_hash.includes(DEMO_PASSWORD));
    }
    const hash = await hashPassword('correct horse battery staple');
    assert.equal(Number(hash.split('$')[1]), DEFAULT_ITERATIONS);
    assert.ok(DEFAULT_ITERATIONS >= 600_000);
    assert.equal(await verifyPassword('correct horse battery staple', hash), true);
    assert.equal(await verifyPassword('correct horse battery stapler', hash), false);
    assert.notEqual(await hashPassword('same'), await hashPassword('same'), 'salted');
  });
});
