/**
 * User administration at the HTTP boundary: who may manage whom, the last
 * administrator, unique user IDs, scope entries that must be the caller's to
 * give, administrator recovery with its operations command, and the audit
 * log. Every refusal is checked to change nothing in the database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices } from '../../server/app.js';
import { DEMO_PASSWORD, OTHER_COMPANY_ADMIN } from '../../server/db/seed.js';
import type { Services } from '../../server/http/services.js';
import { runRecoveryCommand } from '../../server/ops/recovery.js';
import { TEST_PASSWORD_ITERATIONS } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface User {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  scope: { all: boolean; accounts: string[]; plans: string[] };
  createdAt: string;
  lastSignInAt: string | null;
}
interface UserList {
  items: User[];
  total: number;
  administratorCount: number;
}
interface Problem {
  status: number;
  code: string;
  fieldErrors?: Record<string, string>;
}
interface Recovery {
  id: string;
  status: string;
  newAdminUserId: string;
  requestedBy: { userId: string } | null;
  approvedAt: string | null;
}

describe('user administration', () => {
  let server: TestServer;
  let ops: Services;
  let serial = 0;

  before(async () => {
    // Created users get hashes as cheap as the demo users' (see TEST_PASSWORD_ITERATIONS).
    server = await startTestServer({ config: { passwordIterations: TEST_PASSWORD_ITERATIONS } });
    // The operations command runs in this process on the same database, as `npm run ops` would on its own.
    ops = createServices({ db: server.db, config: { passwordIterations: TEST_PASSWORD_ITERATIONS } });
    // Sign-ins write audit rows and last sign-in times: do them all before any snapshot is taken.
    for (const user of ['admin1', 'manager1', 'payer1', 'viewer1', OTHER_COMPANY_ADMIN]) await server.tokenFor(user);
  });
  after(() => server.close());

  const call = async (path: string, method = 'GET', json?: unknown, user = 'admin1') =>
    server.api(path, { method, ...(json === undefined ? {} : { json }), token: await server.tokenFor(user) });
  const list = async (user = 'admin1', query = '') => {
    const response = await call(`/users${query}`, 'GET', undefined, user);
    assert.equal(response.status, 200);
    return (await response.json()) as UserList;
  };
  const uuidOf = async (userId: string) =>
    (
      await server.db.query<{ id: string }>('select id from users where user_id = $1 and removed_at is null', [userId])
    )[0]!.id;
  const fresh = (prefix = 'u') => `${prefix}-${++serial}-${Math.random().toString(36).slice(2, 6)}`;
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    userId: fresh(),
    email: 'someone@demo-co.example',
    name: 'Some One',
    role: 'viewer',
    scope: { accounts: ['4R7X21'], plans: [] },
    ...overrides,
  });
  const create = async (body: Record<string, unknown>, user = 'admin1') => {
    const response = await call('/users', 'POST', body, user);
    assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
    return (await response.json()) as { user: User; temporaryPassword: string };
  };
  const signIn = (userId: string, password: string) =>
    server.api('/session', { method: 'POST', json: { userId, password } });

  /** Everything administration can change; sign-in bookkeeping (last sign-in, session audit rows) aside. */
  const snapshot = async () => ({
    users: await server.db.query(
      'select id, company_id, user_id, email, name, role, password_hash, removed_at from users order by id',
    ),
    scope: await server.db.query(
      'select user_id, account_id, plan_id from user_scope order by user_id, account_id, plan_id',
    ),
    recovery: await server.db.query('select * from admin_recovery_requests order by id'),
    audit: await server.db.query(
      `select id, action, target, data from audit_log where action not like 'session.%' order by id`,
    ),
  });
  /** Sends a request that must be refused, and checks the refusal and that nothing changed. */
  const refused = async (
    send: () => Promise<Response>,
    status: number,
    code: string,
    fieldErrors?: Record<string, string>,
  ): Promise<Problem> => {
    const before = await snapshot();
    const response = await send();
    const problem = (await response.json()) as Problem;
    assert.equal(response.status, status, JSON.stringify(problem));
    assert.equal(problem.code, code);
    if (fieldErrors) assert.deepEqual(problem.fieldErrors, fieldErrors);
    assert.deepEqual(await snapshot(), before, 'a refusal changes nothing');
    return problem;
  };
  const auditOf = async (action: string, target: string) =>
    server.db.query<{ actor: string; data: Record<string, unknown> }>(
      `select u.user_id as actor, l.data from audit_log l left join users u on u.id = l.actor_id
        where l.action = $1 and l.target = $2 order by l.id`,
      [action, target],
    );

  describe('the list', () => {
    test('an administrator sees every user of its company, none of another, and the administrator count', async () => {
      const { items, administratorCount, total } = await list();
      const ids = items.map((u) => u.userId);
      for (const userId of ['admin1', 'manager1', 'payer1', 'viewer1']) assert.ok(ids.includes(userId), userId);
      assert.ok(!ids.includes(OTHER_COMPANY_ADMIN));
      assert.equal(total, items.length);
      assert.equal(administratorCount, 1);
      const admin = items.find((u) => u.userId === 'admin1')!;
      assert.deepEqual(admin.scope, { all: true, accounts: [], plans: [] });
      assert.ok(admin.lastSignInAt && Date.now() - Date.parse(admin.lastSignInAt) < 600_000, 'signed in just now');
      const manager = items.find((u) => u.userId === 'manager1')!;
      assert.deepEqual(manager.scope, { all: false, accounts: ['4R7X21'], plans: ['P4R7X210'] });
      assert.equal(manager.email, 'manager1@demo-co.example');
    });

    test('searches user ID, name and e-mail without regard to case, and sorts on the server', async () => {
      assert.deepEqual(
        (await list('admin1', '?q=PRIYA')).items.map((u) => u.userId),
        ['payer1'],
      );
      assert.deepEqual(
        (await list('admin1', '?q=viewer1%40demo')).items.map((u) => u.userId),
        ['viewer1'],
      );
      // `_` and `%` are searched for themselves, not as wildcards.
      assert.equal((await list('admin1', '?q=%25')).total, 0);
      const byName = (await list('admin1', '?sort=name&order=desc')).items.map((u) => u.name);
      assert.deepEqual(
        byName,
        [...byName].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())),
      );
      const byRole = (await list('admin1', '?sort=role')).items.map((u) => u.role);
      assert.equal(byRole[0], 'administrator', 'roles sort by rank, not alphabetically');
      assert.ok(byRole.indexOf('manager') < byRole.indexOf('viewer'));
      const page = await list('admin1', '?sort=userId&pageSize=2&page=2');
      assert.equal(page.items.length, 2);
      assert.ok(page.total >= 4);
      const bad = await call('/users?sort=password_hash');
      assert.equal(bad.status, 400);
    });

    test('a user who never signed in has no last sign-in', async () => {
      const { user } = await create(newUser());
      assert.equal(user.lastSignInAt, null);
      assert.ok(Date.now() - Date.parse(user.createdAt) < 60_000);
    });

    test('payers and viewers may not list or add users', async () => {
      for (const user of ['payer1', 'viewer1']) {
        await refused(() => call('/users', 'GET', undefined, user), 403, 'forbidden');
        await refused(() => call('/users', 'POST', newUser(), user), 403, 'forbidden');
      }
    });
  });

  describe('adding users', () => {
    test('an administrator adds a user with a role and a scope; the temporary password signs in once given', async () => {
      const body = newUser({ role: 'payer', scope: { accounts: ['F3R901', 'F3R901'], plans: ['P4R7X210'] } });
      const { user, temporaryPassword } = await create(body);
      assert.deepEqual(
        [user.userId, user.role, user.scope],
        [body.userId, 'payer', { all: false, accounts: ['F3R901'], plans: ['P4R7X210'] }],
      );
      assert.match(temporaryPassword, /^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      // The server keeps only a hash of it.
      const [row] = await server.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [
        user.id,
      ]);
      assert.ok(!row!.password_hash.includes(temporaryPassword));
      const signedIn = await signIn(body.userId as string, temporaryPassword);
      assert.equal(signedIn.status, 201);
      const session = (await signedIn.json()) as { user: { role: string; scope: unknown } };
      assert.deepEqual(session.user.scope, { all: false, accounts: ['F3R901'], plans: ['P4R7X210'] });
      const [audit] = await auditOf('users.create', user.id);
      assert.equal(audit!.actor, 'admin1');
      assert.deepEqual(audit!.data, {
        userId: body.userId,
        role: 'payer',
        scope: { accounts: ['F3R901'], plans: ['P4R7X210'] },
      });
      assert.equal((await list('admin1', `?q=${body.userId}`)).items[0]!.lastSignInAt !== null, true);
    });

    test('an administrator’s scope is the whole company: lists sent with that role are not kept', async () => {
      const { user } = await create(newUser({ role: 'administrator', scope: { accounts: ['4R7X21'], plans: [] } }));
      assert.deepEqual(user.scope, { all: true, accounts: [], plans: [] });
      const [rows] = await server.db.query<{ n: number }>(
        'select count(*)::int as n from user_scope where user_id = $1',
        [user.id],
      );
      assert.equal(rows!.n, 0);
      // Put things back: one administrator, as the other tests expect.
      assert.equal((await call(`/users/${user.id}`, 'DELETE')).status, 204);
    });

    test('user IDs are unique without regard to case, across companies', async () => {
      for (const userId of ['ADMIN1', 'Manager1', 'NorthWind-Admin']) {
        await refused(() => call('/users', 'POST', newUser({ userId })), 409, 'user_id_taken', { userId: 'taken' });
      }
    });

    test('malformed values are refused field by field', async () => {
      await refused(() => call('/users', 'POST', newUser({ email: 'not-an-email' })), 400, 'validation_failed', {
        email: 'invalid_format',
      });
      await refused(
        () => call('/users', 'POST', newUser({ email: 'a@b', userId: 'x', role: 'owner', name: '  ' })),
        400,
        'validation_failed',
        { email: 'invalid_format', userId: 'invalid_format', role: 'invalid_value', name: 'required' },
      );
      await refused(
        () => call('/users', 'POST', newUser({ scope: { accounts: ['4R7X2'], plans: [] } })),
        400,
        'validation_failed',
        { 'scope.accounts.0': 'invalid_format' },
      );
    });

    test('scope entries must be the company’s: unknown and other companies’ get the same answer', async () => {
      const unknown = await refused(
        () => call('/users', 'POST', newUser({ scope: { accounts: ['4R7X21', 'ZZZZZZ'], plans: ['P0000000'] } })),
        404,
        'not_found',
        { 'scope.accounts.1': 'invalid_value', 'scope.plans.0': 'invalid_value' },
      );
      const foreign = await refused(
        () => call('/users', 'POST', newUser({ scope: { accounts: ['4R7X21', 'N0RTH1'], plans: ['P0000000'] } })),
        404,
        'not_found',
      );
      assert.deepEqual(foreign, unknown, 'no hint that N0RTH1 exists');
    });
  });

  describe('managers', () => {
    test('a user without any scope (a demoted administrator, say) is the administrators’ to place', async () => {
      const { user } = await create(newUser({ scope: { accounts: [], plans: [] } }));
      assert.ok(!(await list('manager1')).items.some((u) => u.userId === user.userId), 'not in the manager’s list');
      await refused(
        async () =>
          call(`/users/${user.id}`, 'PATCH', { role: 'payer', scope: { accounts: ['4R7X21'], plans: [] } }, 'manager1'),
        404,
        'not_found',
      );
      await refused(async () => call(`/users/${user.id}`, 'DELETE', undefined, 'manager1'), 404, 'not_found');
    });

    test('see only users whose whole scope lies within their own', async () => {
      const inside = (await create(newUser({ scope: { accounts: ['W9E530'], plans: [] } }))).user;
      const viaPlan = (await create(newUser({ role: 'payer', scope: { accounts: [], plans: ['P4R7X210'] } }))).user;
      const straddling = (await create(newUser({ scope: { accounts: ['4R7X21', 'F3R901'], plans: [] } }))).user;
      // The plan's member accounts alone do not make the plan: a plan gives accounts added to it later too.
      const members = await create(newUser({ scope: { accounts: ['W9E530', '8F2K44'], plans: [] } }));
      const { items, administratorCount } = await list('manager1');
      const ids = items.map((u) => u.id);
      assert.ok(ids.includes(inside.id) && ids.includes(viaPlan.id) && ids.includes(members.user.id));
      assert.ok(ids.includes(await uuidOf('manager1')), 'itself');
      assert.ok(!ids.includes(straddling.id));
      for (const userId of ['admin1', 'payer1', 'viewer1']) assert.ok(!items.some((u) => u.userId === userId), userId);
      assert.equal(administratorCount, 1, 'the banner needs it whoever asks');
    });

    test('add users within their scope, never an administrator, never scope beyond their own', async () => {
      const { user } = await create(
        newUser({ role: 'manager', scope: { accounts: ['8F2K44'], plans: ['P4R7X210'] } }),
        'manager1',
      );
      assert.deepEqual(user.scope, { all: false, accounts: ['8F2K44'], plans: ['P4R7X210'] });
      const [audit] = await auditOf('users.create', user.id);
      assert.equal(audit!.actor, 'manager1');

      await refused(() => call('/users', 'POST', newUser({ role: 'administrator' }), 'manager1'), 403, 'forbidden', {
        role: 'not_allowed',
      });
      // An account of the company outside the manager's scope is answered like one that does not exist.
      const outside = await refused(
        () => call('/users', 'POST', newUser({ scope: { accounts: ['E7T310'], plans: [] } }), 'manager1'),
        404,
        'not_found',
        { 'scope.accounts.0': 'invalid_value' },
      );
      const unknown = await refused(
        () => call('/users', 'POST', newUser({ scope: { accounts: ['ZZZZZZ'], plans: [] } }), 'manager1'),
        404,
        'not_found',
      );
      assert.deepEqual(outside, unknown);
    });

    test('edit and remove only users within their scope; others are not found', async () => {
      const { user } = await create(newUser({ scope: { accounts: ['W9E530'], plans: [] } }));
      const edited = await call(
        `/users/${user.id}`,
        'PATCH',
        { role: 'payer', scope: { accounts: ['4R7X21'], plans: [] } },
        'manager1',
      );
      assert.equal(edited.status, 200);
      assert.deepEqual(((await edited.json()) as User).scope.accounts, ['4R7X21']);

      for (const target of ['payer1', 'viewer1', 'admin1']) {
        const id = await uuidOf(target);
        await refused(() => call(`/users/${id}`, 'PATCH', { name: 'Renamed' }, 'manager1'), 404, 'not_found');
        await refused(() => call(`/users/${id}`, 'DELETE', undefined, 'manager1'), 404, 'not_found');
      }
      await refused(() => call(`/users/${user.id}`, 'PATCH', { role: 'administrator' }, 'manager1'), 403, 'forbidden', {
        role: 'not_allowed',
      });
      await refused(
        () => call(`/users/${user.id}`, 'PATCH', { scope: { accounts: ['4R7X21', 'F3R902'], plans: [] } }, 'manager1'),
        404,
        'not_found',
        { 'scope.accounts.1': 'invalid_value' },
      );
      // Nor may a manager raise its own scope or role.
      const self = await uuidOf('manager1');
      await refused(() => call(`/users/${self}`, 'PATCH', { role: 'administrator' }, 'manager1'), 403, 'forbidden');
      await refused(
        () => call(`/users/${self}`, 'PATCH', { scope: { accounts: ['E7T310'], plans: [] } }, 'manager1'),
        404,
        'not_found',
      );

      assert.equal((await call(`/users/${user.id}`, 'DELETE', undefined, 'manager1')).status, 204);
      assert.ok(!(await list()).items.some((u) => u.id === user.id));
    });

    test('payers and viewers get 403 for users they can see, 404 for others', async () => {
      const { user } = await create(newUser({ scope: { accounts: ['F3R901'], plans: [] } }));
      await refused(() => call(`/users/${user.id}`, 'PATCH', { name: 'X' }, 'viewer1'), 403, 'forbidden');
      await refused(() => call(`/users/${user.id}`, 'DELETE', undefined, 'payer1'), 403, 'forbidden');
      const manager = await uuidOf('manager1');
      await refused(() => call(`/users/${manager}`, 'DELETE', undefined, 'viewer1'), 404, 'not_found');
    });
  });

  describe('editing and removing', () => {
    test('an administrator changes role, scope, name and e-mail; the change is audited with before and after', async () => {
      const { user } = await create(newUser({ scope: { accounts: ['4R7X21'], plans: [] } }));
      const response = await call(`/users/${user.id}`, 'PATCH', {
        role: 'manager',
        scope: { accounts: ['E7T310'], plans: ['P4R7X210'] },
        name: 'New Name',
        email: 'new.name@demo-co.example',
      });
      assert.equal(response.status, 200);
      const updated = (await response.json()) as User;
      assert.deepEqual(
        [updated.role, updated.scope, updated.name, updated.email],
        ['manager', { all: false, accounts: ['E7T310'], plans: ['P4R7X210'] }, 'New Name', 'new.name@demo-co.example'],
      );
      const [audit] = await auditOf('users.update', user.id);
      assert.deepEqual(audit!.data, {
        userId: user.userId,
        changes: {
          role: { from: 'viewer', to: 'manager' },
          scope: { from: { accounts: ['4R7X21'], plans: [] }, to: { accounts: ['E7T310'], plans: ['P4R7X210'] } },
          name: { from: 'Some One', to: 'New Name' },
          email: { from: 'someone@demo-co.example', to: 'new.name@demo-co.example' },
        },
      });
    });

    test('bad edits are refused and change nothing', async () => {
      const { user } = await create(newUser());
      await refused(() => call(`/users/${user.id}`, 'PATCH', { email: 'nope' }), 400, 'validation_failed', {
        email: 'invalid_format',
      });
      await refused(() => call(`/users/${user.id}`, 'PATCH', {}), 400, 'validation_failed', { _: 'invalid_value' });
      // The user ID never changes; with nothing else asked, there is nothing to change either.
      await refused(() => call(`/users/${user.id}`, 'PATCH', { userId: 'renamed' }), 400, 'validation_failed', {
        userId: 'unknown_field',
        _: 'invalid_value',
      });
      await refused(
        () => call(`/users/${user.id}`, 'PATCH', { scope: { accounts: ['N0RTH2'], plans: [] } }),
        404,
        'not_found',
        { 'scope.accounts.0': 'invalid_value' },
      );
      await refused(() => call('/users/not-a-uuid', 'PATCH', { name: 'X' }), 400, 'validation_failed');
      await refused(() => call(`/users/${crypto.randomUUID()}`, 'PATCH', { name: 'X' }), 404, 'not_found');
      // Another company's user does not exist here.
      const other = await uuidOf(OTHER_COMPANY_ADMIN);
      await refused(() => call(`/users/${other}`, 'PATCH', { name: 'X' }), 404, 'not_found');
      await refused(() => call(`/users/${other}`, 'DELETE'), 404, 'not_found');
    });

    test('a removed user is gone from lists, cannot sign in, and its token stops working at once', async () => {
      const { user, temporaryPassword } = await create(newUser({ role: 'payer' }));
      const signedIn = (await (await signIn(user.userId, temporaryPassword)).json()) as { token: string };
      assert.equal((await server.api('/session', { token: signedIn.token })).status, 200);

      assert.equal((await call(`/users/${user.id}`, 'DELETE')).status, 204);
      assert.equal((await server.api('/session', { token: signedIn.token })).status, 401);
      assert.equal((await signIn(user.userId, temporaryPassword)).status, 401);
      assert.ok(!(await list('admin1', `?q=${user.userId}`)).items.length);
      const [audit] = await auditOf('users.remove', user.id);
      assert.deepEqual(audit, { actor: 'admin1', data: { userId: user.userId, role: 'payer', self: false } });
      await refused(() => call(`/users/${user.id}`, 'DELETE'), 404, 'not_found');
      // The row stays for the audit trail, and the ID may be given again.
      const again = await create(newUser({ userId: user.userId.toUpperCase() }));
      assert.notEqual(again.user.id, user.id);
    });
  });

  describe('administrators', () => {
    test('the last administrator can be neither demoted nor removed, not even by itself', async () => {
      const admin = await uuidOf('admin1');
      await refused(() => call(`/users/${admin}`, 'PATCH', { role: 'manager' }), 409, 'last_administrator', {
        role: 'last_administrator',
      });
      await refused(() => call(`/users/${admin}`, 'DELETE'), 409, 'last_administrator');
      // Changes that keep the role are fine.
      const renamed = await call(`/users/${admin}`, 'PATCH', { name: 'Alice Martin', role: 'administrator' });
      assert.equal(renamed.status, 200);
    });

    test('with two administrators either may go, and the count follows', async () => {
      const second = await create(newUser({ role: 'administrator', userId: fresh('admin') }));
      const secondToken = (
        (await (await signIn(second.user.userId, second.temporaryPassword)).json()) as { token: string }
      ).token;
      assert.equal((await list()).administratorCount, 2);

      // The second demotes the first: allowed, now the second is the last.
      const admin1 = await uuidOf('admin1');
      const demoted = await server.api(`/users/${admin1}`, {
        method: 'PATCH',
        json: { role: 'manager' },
        token: secondToken,
      });
      assert.equal(demoted.status, 200);
      // Demoted without a scope: from everything to nothing, not a guess.
      assert.deepEqual(((await demoted.json()) as User).scope, { all: false, accounts: [], plans: [] });
      assert.equal((await list('manager1')).administratorCount, 1);
      await refused(
        () => server.api(`/users/${second.user.id}`, { method: 'DELETE', token: secondToken }),
        409,
        'last_administrator',
      );
      const restored = await server.api(`/users/${admin1}`, {
        method: 'PATCH',
        json: { role: 'administrator' },
        token: secondToken,
      });
      assert.equal(restored.status, 200);
      assert.deepEqual(((await restored.json()) as User).scope.all, true);

      // Administrators may remove themselves while another remains.
      assert.equal(
        (await server.api(`/users/${second.user.id}`, { method: 'DELETE', token: secondToken })).status,
        204,
      );
      const [audit] = await auditOf('users.remove', second.user.id);
      assert.equal(audit!.data['self'], true);
      assert.equal((await list()).administratorCount, 1);
    });

    test('two administrators demoting each other at once leave one administrator', async () => {
      const second = await create(newUser({ role: 'administrator', userId: fresh('admin') }));
      const secondToken = (
        (await (await signIn(second.user.userId, second.temporaryPassword)).json()) as { token: string }
      ).token;
      const admin1 = await uuidOf('admin1');
      const [a, b] = await Promise.all([
        call(`/users/${second.user.id}`, 'PATCH', { role: 'viewer' }),
        server.api(`/users/${admin1}`, { method: 'PATCH', json: { role: 'viewer' }, token: secondToken }),
      ]);
      // One wins. The other is refused: the last administrator (409), or, when it was itself demoted
      // before its request was read, the first administrator is no longer its to see (404).
      const statuses = [a.status, b.status];
      assert.equal(statuses.filter((s) => s === 200).length, 1, String(statuses));
      assert.ok(
        statuses.every((s) => [200, 404, 409].includes(s)),
        String(statuses),
      );
      assert.equal((await list(a.status === 200 ? 'admin1' : 'manager1')).administratorCount, 1);
      // Put admin1 back in charge for the tests that follow.
      if (b.status === 200) {
        const back = await server.api(`/users/${admin1}`, {
          method: 'PATCH',
          json: { role: 'administrator' },
          token: secondToken,
        });
        assert.equal(back.status, 200);
        assert.equal((await call(`/users/${second.user.id}`, 'PATCH', { role: 'viewer' })).status, 200);
      }
      assert.equal((await list()).items.find((u) => u.userId === 'admin1')!.role, 'administrator');
      assert.equal((await list()).administratorCount, 1);
    });
  });

  describe('administrator recovery', () => {
    const request = (overrides: Record<string, unknown> = {}) => ({
      previousAdminUserId: 'ADMIN1',
      previousAdminEmail: 'Admin1@Demo-Co.example',
      newAdminUserId: fresh('boss'),
      newAdminEmail: 'new.boss@demo-co.example',
      newAdminName: 'New Boss',
      ...overrides,
    });
    const file = async (body: Record<string, unknown>, user = 'payer1') => {
      const response = await call('/admin-recovery-requests', 'POST', body, user);
      assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
      return (await response.json()) as Recovery;
    };
    test('guessing who administers costs attempts: ten wrong details a day, then 429', async () => {
      // manager1 files no other request in this file, so its count starts at zero.
      for (let i = 0; i < 10; i++) {
        const response = await call(
          '/admin-recovery-requests',
          'POST',
          request({ previousAdminEmail: `guess-${i}@demo-co.example` }),
          'manager1',
        );
        assert.equal(response.status, 422);
      }
      const locked = await call('/admin-recovery-requests', 'POST', request(), 'manager1');
      assert.equal(locked.status, 429, 'even the right details wait');
      assert.ok(Number(((await locked.json()) as { retryAfter: number }).retryAfter) > 0);
    });

    const approve = async (args: string[]) => {
      const lines: string[] = [];
      const errors: string[] = [];
      const code = await runRecoveryCommand(ops, args, { log: (l) => lines.push(l), error: (l) => errors.push(l) });
      return { code, out: lines.join('\n'), err: errors.join('\n') };
    };

    test('any user files a request; operations approve it and the new administrator signs in', async () => {
      const body = request();
      const filed = await file(body, 'viewer1');
      assert.deepEqual([filed.status, filed.requestedBy?.userId, filed.approvedAt], ['pending', 'viewer1', null]);
      const [created] = await auditOf('recovery.create', filed.id);
      assert.equal(created!.actor, 'viewer1');

      // The requester sees its own requests; an administrator sees the company's; others see theirs only.
      const mine = (await (await call('/admin-recovery-requests', 'GET', undefined, 'viewer1')).json()) as {
        items: Recovery[];
      };
      assert.ok(mine.items.some((r) => r.id === filed.id));
      const admins = (await (await call('/admin-recovery-requests')).json()) as { items: Recovery[] };
      assert.ok(admins.items.some((r) => r.id === filed.id));
      const others = (await (await call('/admin-recovery-requests', 'GET', undefined, 'payer1')).json()) as {
        items: Recovery[];
      };
      assert.ok(!others.items.some((r) => r.id === filed.id));
      const northwind = (await (
        await call('/admin-recovery-requests', 'GET', undefined, OTHER_COMPANY_ADMIN)
      ).json()) as {
        items: Recovery[];
      };
      assert.deepEqual(northwind.items, []);

      const pending = await approve([]);
      assert.equal(pending.code, 0);
      assert.match(pending.out, new RegExp(`${filed.id}  Demo Co`));

      const approved = await approve([filed.id]);
      assert.equal(approved.code, 0, approved.err);
      const password = /Temporary password .*: (\S+)$/m.exec(approved.out)?.[1];
      assert.ok(password, approved.out);
      const session = await signIn(body.newAdminUserId, password);
      assert.equal(session.status, 201);
      const user = ((await session.json()) as { user: { role: string; name: string; scope: { all: boolean } } }).user;
      assert.deepEqual([user.role, user.name, user.scope.all], ['administrator', 'New Boss', true]);
      assert.equal((await list()).administratorCount, 2);

      const status = (await (await call('/admin-recovery-requests', 'GET', undefined, 'viewer1')).json()) as {
        items: Recovery[];
      };
      const now = status.items.find((r) => r.id === filed.id)!;
      assert.equal(now.status, 'approved');
      assert.ok(now.approvedAt);
      const [audit] = await auditOf('recovery.approve', filed.id);
      assert.equal(audit!.actor, null, 'operations, not a user of the company');
      assert.equal(audit!.data['created'], true);

      // Approved once only; nothing changes on a second try, an unknown id, or a malformed one.
      const before = await snapshot();
      assert.equal((await approve([filed.id])).code, 1);
      assert.match((await approve([crypto.randomUUID()])).err, /no such request/);
      assert.equal((await approve(['42'])).code, 2);
      assert.deepEqual(await snapshot(), before);

      // Put things back: one administrator.
      const newAdmin = await uuidOf(body.newAdminUserId);
      assert.equal((await call(`/users/${newAdmin}`, 'DELETE')).status, 204);
    });

    test('naming an existing user of the company promotes it, scope cleared', async () => {
      const { user } = await create(newUser({ role: 'payer', email: 'promote.me@demo-co.example' }));
      const filed = await file(
        request({ newAdminUserId: user.userId.toUpperCase(), newAdminEmail: 'PROMOTE.ME@demo-co.example' }),
      );
      const approved = await approve([filed.id]);
      assert.equal(approved.code, 0, approved.err);
      assert.doesNotMatch(approved.out, /Temporary password/);
      const promoted = (await list()).items.find((u) => u.id === user.id)!;
      assert.deepEqual([promoted.role, promoted.scope], ['administrator', { all: true, accounts: [], plans: [] }]);
      assert.equal((await call(`/users/${user.id}`, 'DELETE')).status, 204);
    });

    test('refusals: details that match no administrator, a taken or mismatched new administrator', async () => {
      const wrongEmail = await refused(
        () =>
          call(
            '/admin-recovery-requests',
            'POST',
            request({ previousAdminEmail: 'someone@demo-co.example' }),
            'payer1',
          ),
        422,
        'recovery_mismatch',
        { previousAdminUserId: 'invalid_value', previousAdminEmail: 'invalid_value' },
      );
      // A manager is not an administrator; another company's administrator is not this company's.
      for (const previous of [
        { previousAdminUserId: 'manager1', previousAdminEmail: 'manager1@demo-co.example' },
        { previousAdminUserId: OTHER_COMPANY_ADMIN, previousAdminEmail: `${OTHER_COMPANY_ADMIN}@northwind.example` },
        { previousAdminUserId: 'nobody-at-all', previousAdminEmail: 'nobody@demo-co.example' },
      ]) {
        const problem = await refused(
          () => call('/admin-recovery-requests', 'POST', request(previous), 'payer1'),
          422,
          'recovery_mismatch',
        );
        assert.deepEqual(problem, wrongEmail, 'the same answer, whichever was wrong');
      }
      await refused(
        () => call('/admin-recovery-requests', 'POST', request({ newAdminUserId: OTHER_COMPANY_ADMIN }), 'payer1'),
        409,
        'user_id_taken',
        { newAdminUserId: 'taken' },
      );
      await refused(
        () =>
          call(
            '/admin-recovery-requests',
            'POST',
            request({ newAdminUserId: 'viewer1', newAdminEmail: 'x@demo-co.example' }),
            'payer1',
          ),
        422,
        'recovery_mismatch',
        { newAdminEmail: 'invalid_value' },
      );
      await refused(
        () =>
          call(
            '/admin-recovery-requests',
            'POST',
            request({ newAdminUserId: 'admin1', newAdminEmail: 'admin1@demo-co.example' }),
            'payer1',
          ),
        409,
        'already_administrator',
        { newAdminUserId: 'invalid_value' },
      );
      await refused(
        () => call('/admin-recovery-requests', 'POST', request({ newAdminEmail: 'broken' }), 'payer1'),
        400,
        'validation_failed',
        { newAdminEmail: 'invalid_format' },
      );
    });

    test('approval checks again: a new administrator ID taken since the request is refused', async () => {
      const body = request();
      const filed = await file(body);
      // Meanwhile the ID was given to someone in the company with another e-mail.
      await create(newUser({ userId: body.newAdminUserId, email: 'other.person@demo-co.example' }));
      const before = await snapshot();
      const result = await approve([filed.id]);
      assert.equal(result.code, 1);
      assert.match(result.err, /do not match/);
      assert.deepEqual(await snapshot(), before);
    });
  });

  describe('the audit log', () => {
    test('administrators read their company’s log, newest first, filtered by action prefix', async () => {
      const response = await call('/audit-log?action=users.&pageSize=200');
      assert.equal(response.status, 200);
      const page = (await response.json()) as {
        items: { id: string; at: string; action: string; actor: { userId: string } | null; target: string }[];
        total: number;
      };
      assert.ok(page.items.length > 10);
      assert.ok(page.items.every((e) => e.action.startsWith('users.')));
      const actions = new Set(page.items.map((e) => e.action));
      assert.deepEqual([...actions].sort(), ['users.create', 'users.remove', 'users.update']);
      const times = page.items.map((e) => Date.parse(e.at));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
        'newest first',
      );
      assert.ok(page.items.some((e) => e.actor?.userId === 'manager1'));

      const removes = (await (await call('/audit-log?action=users.remove')).json()) as { total: number };
      const [count] = await server.db.query<{ n: number }>(
        `select count(*)::int as n from audit_log l join companies c on c.id = l.company_id
          where c.name = 'Demo Co' and l.action = 'users.remove'`,
      );
      assert.equal(removes.total, count!.n);

      // `_` is no wildcard: `session.sign_in` does not match `session.sign_in_failed`'s neighbours by accident.
      const signIns = (await (await call('/audit-log?action=session.sign_in&pageSize=200')).json()) as {
        items: { action: string; actor: { userId: string } | null }[];
      };
      assert.ok(signIns.items.every((e) => e.action.startsWith('session.sign_in')));
      // Another company's rows never show.
      assert.ok(!signIns.items.some((e) => e.actor?.userId === OTHER_COMPANY_ADMIN));

      const first = (await (await call('/audit-log?pageSize=3&page=1')).json()) as { items: { id: string }[] };
      const second = (await (await call('/audit-log?pageSize=3&page=2')).json()) as { items: { id: string }[] };
      assert.equal(first.items.length, 3);
      assert.ok(!second.items.some((e) => first.items.some((f) => f.id === e.id)), 'pages do not overlap');
    });

    test('only administrators read it', async () => {
      for (const user of ['manager1', 'payer1', 'viewer1']) {
        await refused(() => call('/audit-log', 'GET', undefined, user), 403, 'forbidden');
      }
      await refused(() => call('/audit-log?action=Users'), 400, 'validation_failed', { action: 'invalid_format' });
    });
  });

  test('the demo password still signs the demo users in (nothing above broke them)', async () => {
    for (const user of ['admin1', 'manager1', 'payer1']) assert.equal((await signIn(user, DEMO_PASSWORD)).status, 201);
  });
});
