/**
 * AutoPay rules at the HTTP boundary: one live rule per scope, the agreement
 * recorded, the preview, roles and scope, and every refusal changing nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AUTOPAY_AGREEMENT } from '../../server/autopay/agreement.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Rule {
  id: string;
  scope: { type: string; number: string; currency: string };
  methodId: string | null;
  status: string;
  suspendedReason: string | null;
  editable: boolean;
  agreement: { version: string; acceptedBy: string };
  nextRun: { date: string; invoices: { invoiceNumber: string; action: string }[] } | null;
}

describe('AutoPay rules', () => {
  let server: TestServer;
  let visaId: string;
  let expiredId: string;

  before(async () => {
    server = await startTestServer();
    const response = await server.api('/payment-methods', { token: await server.tokenFor('admin1') });
    const items = ((await response.json()) as { items: { id: string; nickname: string | null }[] }).items;
    visaId = items.find((m) => m.nickname === 'Company Visa')!.id;
    expiredId = items.find((m) => m.nickname === 'Old Mastercard')!.id;
  });
  after(() => server.close());

  const call = async (path: string, method: string, json?: unknown, user = 'admin1') =>
    server.api(path, { method, ...(json === undefined ? {} : { json }), token: await server.tokenFor(user) });
  const list = async (user = 'admin1') =>
    (await (await call('/autopay-rules', 'GET', undefined, user)).json()) as {
      items: Rule[];
      available: { type: string; number: string }[];
    };
  const request = (overrides: Record<string, unknown> = {}) => ({
    scope: { type: 'account', number: '4R7X21' },
    methodId: visaId,
    amount: { type: 'up_to', maximum: { amount: 250_000, currency: 'USD' } },
    schedule: { type: 'days_before_due', days: 2 },
    effectiveUntil: null,
    agreementVersion: AUTOPAY_AGREEMENT.version,
    ...overrides,
  });
  const snapshot = () =>
    server.db.query(`select id, method_id, status, maximum, schedule_type, days_before from autopay_rules order by id`);

  test('lists the seeded rules: an active one with its preview, a suspended one with its reason', async () => {
    const { items, available } = await list();
    const newark = items.find((r) => r.scope.number === 'Y67V08')!;
    const seattle = items.find((r) => r.scope.number === 'K2M8Q5')!;
    assert.deepEqual([newark.status, newark.methodId, newark.editable], ['active', visaId, true]);
    assert.equal(newark.agreement.acceptedBy, 'Alice Martin');
    assert.deepEqual([seattle.status, seattle.suspendedReason, seattle.nextRun], ['suspended', 'method_expired', null]);
    assert.ok(!available.some((s) => s.number === 'Y67V08'), 'a scope with a rule is not offered again');
    assert.ok(available.some((s) => s.type === 'plan' && s.number === 'P4R7X210'));
  });

  test('creates a rule with the agreement recorded; a second one on the same scope is refused', async () => {
    const created = await call('/autopay-rules', 'POST', request());
    assert.equal(created.status, 201);
    const rule = (await created.json()) as Rule;
    assert.deepEqual(
      [rule.scope.number, rule.status, rule.agreement.version],
      ['4R7X21', 'active', AUTOPAY_AGREEMENT.version],
    );
    // Applies to invoices issued after it exists: the open ones are not in its next run.
    assert.deepEqual(rule.nextRun, null);
    const [audit] = await server.db.query<{ action: string }>(
      `select action from audit_log where target = $1 and action = 'autopay.create'`,
      [rule.id],
    );
    assert.ok(audit);

    const before = await snapshot();
    const second = await call('/autopay-rules', 'POST', request({ schedule: { type: 'weekly', weekday: 5 } }));
    assert.equal(second.status, 409);
    const problem = (await second.json()) as { code: string; fieldErrors: Record<string, string> };
    assert.deepEqual([problem.code, problem.fieldErrors['scope']], ['autopay_rule_exists', 'rule_exists']);
    assert.deepEqual(await snapshot(), before);
  });

  test('two creations on one scope at once: exactly one wins', async () => {
    const body = request({ scope: { type: 'plan', number: 'P4R7X210' }, amount: { type: 'total_due' } });
    const answers = await Promise.all([call('/autopay-rules', 'POST', body), call('/autopay-rules', 'POST', body)]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
    const [{ n } = { n: 0 }] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from autopay_rules r join plans p on p.id = r.plan_id where p.number = 'P4R7X210'`,
    );
    assert.equal(n, 1);
  });

  test('refuses bad rules with a field and a code, writing nothing', async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, number, string, string, string?][] = [
      [
        { amount: { type: 'up_to', maximum: { amount: 0, currency: 'EUR' } } },
        422,
        'maximum_not_positive',
        'amount.maximum.amount',
      ],
      [
        { amount: { type: 'up_to', maximum: { amount: -500, currency: 'EUR' } } },
        422,
        'maximum_not_positive',
        'amount.maximum.amount',
      ],
      [
        { amount: { type: 'up_to', maximum: { amount: 500, currency: 'USD' } } },
        422,
        'currency_mismatch',
        'amount.maximum.currency',
      ],
      [{ scope: { type: 'account', number: 'N0RTH1' } }, 404, 'not_found', 'scope'],
      [{ methodId: expiredId }, 422, 'method_unusable', 'methodId'],
      [{ agreementVersion: '2020-01' }, 409, 'agreement_outdated', 'agreementVersion'],
      [{ effectiveUntil: '2000-01-01' }, 400, 'validation_failed', 'effectiveUntil'],
      [{ schedule: { type: 'days_before_due', days: 31 } }, 400, 'validation_failed', 'schedule.days'],
      [{ schedule: { type: 'weekly', weekday: 0 } }, 400, 'validation_failed', 'schedule.weekday'],
      // A manager's scope is 4R7X21 and P4R7X210: Seattle is outside it, and stays a 404.
      [{ scope: { type: 'account', number: 'K2M8Q5' } }, 404, 'not_found', 'scope', 'manager1'],
    ];
    for (const [overrides, status, code, field, user] of cases) {
      const body = request({ scope: { type: 'account', number: 'E7T310' }, ...overrides });
      if (!('amount' in overrides)) Object.assign(body, { amount: { type: 'total_due' } });
      const response = await call('/autopay-rules', 'POST', body, user);
      const problem = (await response.json()) as { code: string; fieldErrors?: Record<string, string> };
      assert.equal(response.status, status, JSON.stringify(overrides));
      assert.equal(problem.code, code, JSON.stringify(overrides));
      assert.ok(problem.fieldErrors?.[field], `${field} for ${JSON.stringify(overrides)}: ${JSON.stringify(problem)}`);
    }
    assert.deepEqual(await snapshot(), before);
  });

  test('payers and viewers may look but not create, edit or cancel', async () => {
    const before = await snapshot();
    const { items } = await list('payer1');
    assert.ok(items.every((r) => !r.editable));
    const [rule] = (await list()).items;
    for (const user of ['payer1', 'viewer1']) {
      assert.equal(
        (await call('/autopay-rules', 'POST', request({ scope: { type: 'account', number: 'F3R901' } }), user)).status,
        403,
      );
    }
    // A rule outside the payer's scope is not found rather than forbidden.
    const outside = await call(`/autopay-rules/${rule!.id}`, 'DELETE', undefined, 'viewer1');
    assert.equal(outside.status, 404);
    assert.deepEqual(await snapshot(), before);
  });

  test('an edit with a usable method resumes a suspended rule; the scope cannot change; cancel ends it', async () => {
    const seattle = (await list()).items.find((r) => r.scope.number === 'K2M8Q5')!;
    const body = request({ scope: { type: 'account', number: 'K2M8Q5' }, schedule: { type: 'weekly', weekday: 3 } });
    const moved = await call(`/autopay-rules/${seattle.id}`, 'PUT', {
      ...body,
      scope: { type: 'account', number: 'W9E530' },
    });
    assert.equal(moved.status, 422);
    assert.equal(((await moved.json()) as { code: string }).code, 'not_editable');
    const edited = await call(`/autopay-rules/${seattle.id}`, 'PUT', body);
    assert.equal(edited.status, 200);
    const rule = (await edited.json()) as Rule;
    assert.deepEqual([rule.status, rule.suspendedReason, rule.methodId], ['active', null, visaId]);
    // Weekly: the next run is the coming Wednesday even before an invoice is due.
    assert.equal(new Date(`${rule.nextRun!.date}T00:00:00Z`).getUTCDay(), 3);

    const preview = await call('/autopay-rules/preview', 'POST', { ...body, schedule: { type: 'weekly', weekday: 5 } });
    assert.equal(preview.status, 200);
    const { nextRun } = (await preview.json()) as { nextRun: Rule['nextRun'] };
    assert.equal(new Date(`${nextRun!.date}T00:00:00Z`).getUTCDay(), 5);

    assert.equal((await call(`/autopay-rules/${seattle.id}`, 'DELETE')).status, 204);
    assert.ok(!(await list()).items.some((r) => r.id === seattle.id));
    assert.ok(
      (await list()).available.some((s) => s.number === 'K2M8Q5'),
      'the scope is free again',
    );
  });

  test('another user may keep a rule on its owner’s card, but not change what that card is charged', async () => {
    const wallet = await call('/payment-methods', 'GET', undefined, 'manager1');
    const [managerCard] = ((await wallet.json()) as { items: { id: string }[] }).items;
    const body = request({
      scope: { type: 'account', number: 'W9E530' },
      methodId: managerCard!.id,
      amount: { type: 'up_to', maximum: { amount: 10_000, currency: 'USD' } },
    });
    const created = await call('/autopay-rules', 'POST', body, 'manager1');
    assert.equal(created.status, 201);
    const rule = (await created.json()) as Rule;
    const before = await snapshot();
    const raised = await call(`/autopay-rules/${rule.id}`, 'PUT', {
      ...body,
      amount: { type: 'total_due' },
    });
    assert.equal(raised.status, 422);
    const problem = (await raised.json()) as { code: string; fieldErrors: Record<string, string> };
    assert.deepEqual([problem.code, problem.fieldErrors['methodId']], ['method_unusable', 'not_allowed']);
    assert.deepEqual(await snapshot(), before, 'nothing changed');
    // The same terms, accepted again by the administrator, are fine; so is a switch to the administrator's own card.
    assert.equal((await call(`/autopay-rules/${rule.id}`, 'PUT', body)).status, 200);
    const own = await call(`/autopay-rules/${rule.id}`, 'PUT', {
      ...body,
      methodId: visaId,
      amount: { type: 'total_due' },
    });
    assert.equal(own.status, 200);
  });

  test('the preview lists invoices issued after the rule, and flags those over the maximum', async () => {
    const newark = (await list()).items.find((r) => r.scope.number === 'Y67V08')!;
    // Invoices issued after the rule: two due soon, one above the 5,000.00 maximum.
    const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    for (const [number, amount, type] of [
      ['AP-TEST-1', 120_000, 'delivery_service'],
      ['AP-TEST-2', 900_000, 'delivery_service'],
      // Duties and taxes cannot go on a card: the preview says so rather than promise a payment that will fail.
      ['AP-TEST-3', 50_000, 'import'],
    ] as const) {
      await server.db.query(
        `insert into invoices (company_id, account_id, plan_id, account_number, number, invoice_date, due_date, type,
                               currency, amount, amount_due, status)
         select company_id, id, plan_id, number, $1, current_date, $2, $4, currency, $3, $3, 'open'
           from accounts where number = 'Y67V08'`,
        [number, due, amount, type],
      );
    }
    const rule = (await list()).items.find((r) => r.id === newark.id)!;
    assert.ok(rule.nextRun, 'a next run');
    assert.deepEqual(
      rule.nextRun.invoices.map((i) => [i.invoiceNumber, i.action]),
      [
        ['AP-TEST-1', 'pay'],
        ['AP-TEST-2', 'skip_over_maximum'],
        ['AP-TEST-3', 'method_not_allowed'],
      ],
    );
  });
});
