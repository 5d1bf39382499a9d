/**
 * Inbound charges ("frais internes") at the HTTP boundary: the defaults, the
 * default rule and "contact me before billing", exceptions added and
 * removed, and the CSV import that reports bad rows by line and writes the
 * good ones only once confirmed. Roles: reading for whoever sees the
 * account; changing for administrators and managers in their scope. Every
 * refusal is checked to change nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_INBOUND_EXCEPTIONS } from '../../src/api/schemas/inbound-charges.js';
import { OTHER_COMPANY_ADMIN } from '../../server/db/seed.js';
import { refused, snapshot } from '../helpers/account-admin.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Settings {
  accountNumber: string;
  defaultRule: 'accept' | 'refuse';
  contactBeforeBilling: boolean;
  exceptions: { shipperAccount: string; note: string | null; addedAt: string; addedBy: { userId: string } | null }[];
  updatedAt: string | null;
}
interface Report {
  committed: boolean;
  rows: number;
  good: { line: number; shipperAccount: string; note: string | null }[];
  bad: { line: number; code: string; field: string; text: string }[];
  alreadyListed: { line: number; shipperAccount: string }[];
  added: number;
}

describe('inbound charges', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
    for (const user of ['admin1', 'manager1', 'payer1', 'viewer1', OTHER_COMPANY_ADMIN]) await server.tokenFor(user);
  });
  after(() => server.close());

  const call = async (path: string, method = 'GET', json?: unknown, user = 'admin1') =>
    server.api(path, { method, ...(json === undefined ? {} : { json }), token: await server.tokenFor(user) });
  const settings = async (number: string, user = 'admin1') => {
    const response = await call(`/accounts/${number}/inbound-charges`, 'GET', undefined, user);
    assert.equal(response.status, 200);
    return (await response.json()) as Settings;
  };
  const auditOf = (action: string, target: string) =>
    server.db.query<{ actor: string; data: Record<string, unknown> }>(
      `select u.user_id as actor, l.data from audit_log l left join users u on u.id = l.actor_id
        where l.action = $1 and l.target = $2 order by l.id`,
      [action, target],
    );
  const importCsv = (number: string, json: Record<string, unknown>, user = 'admin1') =>
    call(`/accounts/${number}/inbound-charges/exceptions/import`, 'POST', json, user);

  describe('settings', () => {
    test('an account nobody configured accepts inbound charges and does not ask UPS to call first', async () => {
      assert.deepEqual(await settings('F3R902'), {
        accountNumber: 'F3R902',
        defaultRule: 'accept',
        contactBeforeBilling: false,
        exceptions: [],
        updatedAt: null,
      });
    });

    test('the list shows every account the caller sees, and none it does not', async () => {
      const list = async (user: string) =>
        (
          (await (await call('/inbound-charges', 'GET', undefined, user)).json()) as {
            items: { accountNumber: string; defaultRule: string; exceptionCount: number }[];
          }
        ).items.map((i) => i.accountNumber);
      assert.equal((await list('admin1')).length, 8);
      assert.deepEqual(await list('viewer1'), ['F3R901', 'F3R902']);
      assert.deepEqual(await list(OTHER_COMPANY_ADMIN), ['N0RTH1', 'N0RTH2']);
    });

    test('an administrator, or a manager in its scope, sets the default rule and the toggle; audited', async () => {
      const changed = await call('/accounts/4R7X21/inbound-charges', 'PATCH', {
        defaultRule: 'refuse',
        contactBeforeBilling: true,
      });
      assert.equal(changed.status, 200);
      const body = (await changed.json()) as Settings;
      assert.deepEqual([body.defaultRule, body.contactBeforeBilling], ['refuse', true]);
      assert.ok(body.updatedAt);
      const byManager = await call(
        '/accounts/4R7X21/inbound-charges',
        'PATCH',
        { contactBeforeBilling: false },
        'manager1',
      );
      assert.equal(byManager.status, 200);
      const now = await settings('4R7X21', 'payer1');
      assert.deepEqual([now.defaultRule, now.contactBeforeBilling], ['refuse', false]);
      // The same again changes nothing and writes nothing.
      const before = await snapshot(server.db);
      assert.equal((await call('/accounts/4R7X21/inbound-charges', 'PATCH', { defaultRule: 'refuse' })).status, 200);
      assert.deepEqual(await snapshot(server.db), before);
      assert.deepEqual(await auditOf('inbound.update', '4R7X21'), [
        {
          actor: 'admin1',
          data: {
            changes: { defaultRule: { from: 'accept', to: 'refuse' }, contactBeforeBilling: { from: false, to: true } },
            exceptions: 0,
          },
        },
        { actor: 'manager1', data: { changes: { contactBeforeBilling: { from: true, to: false } }, exceptions: 0 } },
      ]);
    });

    test('payers and viewers read but may not change; what the caller cannot see is not found', async () => {
      assert.equal((await settings('F3R901', 'viewer1')).defaultRule, 'accept');
      const patch = (number: string, user: string) => () =>
        call(`/accounts/${number}/inbound-charges`, 'PATCH', { defaultRule: 'refuse' }, user);
      await refused(server.db, patch('4R7X21', 'payer1'), 403, 'forbidden');
      await refused(server.db, patch('F3R901', 'viewer1'), 403, 'forbidden');
      await refused(server.db, patch('E7T310', 'manager1'), 404, 'not_found');
      await refused(server.db, patch('N0RTH1', 'admin1'), 404, 'not_found');
      await refused(server.db, patch('H4B7R2', 'admin1'), 404, 'not_found');
      await refused(
        server.db,
        () => call('/accounts/E7T310/inbound-charges', 'GET', undefined, 'payer1'),
        404,
        'not_found',
      );
      await refused(server.db, () => call('/accounts/4R7X21/inbound-charges', 'PATCH', {}), 400, 'validation_failed', {
        _: 'invalid_value',
      });
      await refused(
        server.db,
        () => call('/accounts/4R7X21/inbound-charges', 'PATCH', { defaultRule: 'maybe' }),
        400,
        'validation_failed',
        { defaultRule: 'invalid_value' },
      );
    });
  });

  describe('exceptions', () => {
    const exceptions = '/accounts/F3R902/inbound-charges/exceptions';

    test('added with a note and who added it, removed; each audited', async () => {
      const added = await call(exceptions, 'POST', { shipperAccount: 'ZX81AB', note: ' Lyon supplier ' });
      assert.equal(added.status, 201);
      const exception = (await added.json()) as Settings['exceptions'][number];
      assert.deepEqual(
        [exception.shipperAccount, exception.note, exception.addedBy?.userId],
        ['ZX81AB', 'Lyon supplier', 'admin1'],
      );
      assert.deepEqual(
        (await settings('F3R902')).exceptions.map((e) => e.shipperAccount),
        ['ZX81AB'],
      );
      assert.equal((await call(`${exceptions}/ZX81AB`, 'DELETE')).status, 204);
      assert.deepEqual((await settings('F3R902')).exceptions, []);
      assert.deepEqual(await auditOf('inbound.add_exception', 'F3R902'), [
        { actor: 'admin1', data: { shipperAccount: 'ZX81AB', note: 'Lyon supplier' } },
      ]);
      assert.deepEqual(await auditOf('inbound.remove_exception', 'F3R902'), [
        { actor: 'admin1', data: { shipperAccount: 'ZX81AB', note: 'Lyon supplier' } },
      ]);
    });

    test('refused: a duplicate, the account itself, a malformed number, one not listed, and roles', async () => {
      assert.equal((await call(exceptions, 'POST', { shipperAccount: 'QW12ER' })).status, 201);
      await refused(server.db, () => call(exceptions, 'POST', { shipperAccount: 'QW12ER' }), 409, 'exception_exists', {
        shipperAccount: 'taken',
      });
      await refused(server.db, () => call(exceptions, 'POST', { shipperAccount: 'F3R902' }), 400, 'validation_failed', {
        shipperAccount: 'own_account',
      });
      await refused(
        server.db,
        () => call(exceptions, 'POST', { shipperAccount: 'QW12ER7' }),
        400,
        'validation_failed',
        {
          shipperAccount: 'invalid_format',
        },
      );
      await refused(server.db, () => call(`${exceptions}/NOPE12`, 'DELETE'), 404, 'not_found');
      await refused(
        server.db,
        () => call(exceptions, 'POST', { shipperAccount: 'AA11BB' }, 'viewer1'),
        403,
        'forbidden',
      );
      await refused(server.db, () => call(`${exceptions}/QW12ER`, 'DELETE', undefined, 'viewer1'), 403, 'forbidden');
      await refused(server.db, () => call(`${exceptions}/QW12ER`, 'DELETE', undefined, 'manager1'), 404, 'not_found');
    });

    test(`an account holds at most ${MAX_INBOUND_EXCEPTIONS}`, async () => {
      await server.db.query(
        `insert into inbound_charge_exceptions (account_id, shipper_account, company_id)
         select a.id, 'L' || lpad(n::text, 5, '0'), a.company_id
           from accounts a cross join generate_series(1, $1) n where a.number = 'K2M8Q5'`,
        [MAX_INBOUND_EXCEPTIONS - 1],
      );
      const path = '/accounts/K2M8Q5/inbound-charges/exceptions';
      assert.equal((await call(path, 'POST', { shipperAccount: 'LAST01' })).status, 201);
      const problem = await refused(
        server.db,
        () => call(path, 'POST', { shipperAccount: 'LAST02' }),
        422,
        'too_many_exceptions',
      );
      assert.equal(problem.detail, '0');
      await refused(
        server.db,
        () => importCsv('K2M8Q5', { csv: 'LAST03\n', commit: false }),
        422,
        'too_many_exceptions',
      );
    });
  });

  describe('CSV import', () => {
    // Line numbers as an editor shows them: the header is line 1, blank lines count.
    const CSV = [
      'Shipper account;Note', // 1 header
      'ab12cd;Lyon supplier', // 2 good, lower case
      ' EF34GH ; "Returns; Lille" ', // 3 good, spaces and a quoted separator
      '', // 4 blank
      'IJ56KLM;seven characters', // 5 bad
      ';no account', // 6 bad
      'AB12CD;again', // 7 duplicate of line 2
      'E7T310;its own number', // 8 own account
      'MN78OP;' + 'n'.repeat(81), // 9 note too long
      'QR90ST;a;b', // 10 too many columns
      'UV12WX', // 11 already listed
      '"YZ34AB', // 12 quote never closed
    ].join('\r\n');

    test('a check reports every row by line and reason, and writes nothing', async () => {
      assert.equal(
        (await call('/accounts/E7T310/inbound-charges/exceptions', 'POST', { shipperAccount: 'UV12WX' })).status,
        201,
      );
      const before = await snapshot(server.db);
      const response = await importCsv('E7T310', { csv: CSV, commit: false });
      const report = (await response.json()) as Report;
      assert.equal(response.status, 200, JSON.stringify(report));
      assert.deepEqual(await snapshot(server.db), before, 'a check writes nothing');
      assert.equal(report.committed, false);
      assert.equal(report.added, 0);
      assert.equal(report.rows, 10);
      assert.deepEqual(report.good, [
        { line: 2, shipperAccount: 'AB12CD', note: 'Lyon supplier' },
        { line: 3, shipperAccount: 'EF34GH', note: 'Returns; Lille' },
      ]);
      assert.deepEqual(
        report.bad.map((b) => [b.line, b.field, b.code]),
        [
          [5, 'shipperAccount', 'invalid_format'],
          [6, 'shipperAccount', 'required'],
          [7, 'shipperAccount', 'duplicate'],
          [8, 'shipperAccount', 'own_account'],
          [9, 'note', 'too_long'],
          [10, 'row', 'too_many_columns'],
          [12, 'row', 'invalid_format'],
        ],
      );
      assert.equal(report.bad[0]!.text, 'IJ56KLM;seven characters');
      assert.deepEqual(report.alreadyListed, [{ line: 11, shipperAccount: 'UV12WX' }]);
    });

    test('the good rows are written only once confirmed with their count, and the bad ones never', async () => {
      await refused(server.db, () => importCsv('E7T310', { csv: CSV, commit: true }), 400, 'validation_failed', {
        goodRows: 'required',
      });
      const changed = await refused(
        server.db,
        () => importCsv('E7T310', { csv: CSV, commit: true, goodRows: 3 }),
        409,
        'import_changed',
      );
      assert.equal(changed.detail, '2');
      const response = await importCsv('E7T310', { csv: CSV, commit: true, goodRows: 2 });
      const report = (await response.json()) as Report;
      assert.equal(response.status, 200, JSON.stringify(report));
      assert.deepEqual([report.committed, report.added], [true, 2]);
      assert.deepEqual(
        (await settings('E7T310')).exceptions.map((e) => [e.shipperAccount, e.note]),
        [
          ['AB12CD', 'Lyon supplier'],
          ['EF34GH', 'Returns; Lille'],
          ['UV12WX', null],
        ],
      );
      assert.deepEqual(await auditOf('inbound.import', 'E7T310'), [
        { actor: 'admin1', data: { added: ['AB12CD', 'EF34GH'], badRows: [5, 6, 7, 8, 9, 10, 12], alreadyListed: 1 } },
      ]);
      // The same file again: nothing new to add.
      const again = (await (await importCsv('E7T310', { csv: CSV, commit: false })).json()) as Report;
      assert.deepEqual(again.good, []);
      assert.deepEqual(
        again.alreadyListed.map((r) => r.line),
        [2, 3, 11],
      );
    });

    test('a comma-separated file without a header works too; a manager imports into its scope only', async () => {
      const csv = 'GH12JK,"Paris, rive gauche"\nLM34NP\n';
      const checked = (await (await importCsv('W9E530', { csv, commit: false }, 'manager1')).json()) as Report;
      assert.deepEqual(checked.good, [
        { line: 1, shipperAccount: 'GH12JK', note: 'Paris, rive gauche' },
        { line: 2, shipperAccount: 'LM34NP', note: null },
      ]);
      const done = await importCsv('W9E530', { csv, commit: true, goodRows: 2 }, 'manager1');
      assert.equal(done.status, 200);
      await refused(server.db, () => importCsv('E7T310', { csv, commit: false }, 'manager1'), 404, 'not_found');
      await refused(server.db, () => importCsv('4R7X21', { csv, commit: false }, 'payer1'), 403, 'forbidden');
      await refused(server.db, () => importCsv('N0RTH1', { csv, commit: false }), 404, 'not_found');
    });
  });
});
