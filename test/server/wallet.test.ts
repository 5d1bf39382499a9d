/**
 * The wallet at the HTTP boundary: adding methods from tokens, what may be
 * edited, removal with the AutoPay rules that use a method, and roles.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Method {
  id: string;
  method: { type: string; brand: string | null; last4: string | null };
  nickname: string | null;
  isDefault: boolean;
  expired: boolean;
  expiresSoon: boolean;
  expMonth: number | null;
  expYear: number | null;
  holder: string | null;
  usedBy: { ruleId: string; scope: { type: string; number: string } }[];
}

describe('wallet', () => {
  let server: TestServer;
  const year = new Date().getUTCFullYear();

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const wallet = async (user = 'admin1'): Promise<Method[]> => {
    const response = await server.api('/payment-methods', { token: await server.tokenFor(user) });
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: Method[] }).items;
  };
  const byNickname = async (nickname: string, user = 'admin1') =>
    (await wallet(user)).find((m) => m.nickname === nickname)!;
  const send = async (path: string, method: string, json: unknown, user = 'admin1') =>
    server.api(path, { method, json, token: await server.tokenFor(user) });
  const snapshot = () =>
    server.db.query(
      `select id, nickname, exp_month, exp_year, holder, is_default, removed_at from payment_methods order by id`,
    );
  const rulesSnapshot = () =>
    server.db.query(`select id, method_id, status, suspended_reason from autopay_rules order by id`);
  const cardToken = async (extra: Record<string, unknown> = {}) => {
    const response = await server.api('/card-tokens', {
      method: 'POST',
      json: {
        holder: 'Alice Martin',
        number: '4242424242424242',
        expMonth: 12,
        expYear: year + 2,
        cvc: '737',
        postalCode: '30309',
        ...extra,
      },
    });
    return ((await response.json()) as { token: string }).token;
  };

  test('the seeded wallet shows the default first, expired and expiring cards, and the rules using each', async () => {
    const items = await wallet();
    assert.equal(items[0]!.nickname, 'Company Visa');
    assert.equal(items[0]!.isDefault, true);
    assert.equal(items.filter((m) => m.isDefault).length, 1);
    const old = items.find((m) => m.nickname === 'Old Mastercard')!;
    assert.deepEqual([old.expired, old.expiresSoon], [true, false]);
    const amex = items.find((m) => m.method.brand === 'amex')!;
    assert.deepEqual([amex.expired, amex.expiresSoon], [false, true]);
    assert.deepEqual(
      items[0]!.usedBy.map((u) => u.scope),
      [{ type: 'account', number: 'Y67V08' }],
    );
    // Each user sees their own wallet only.
    assert.deepEqual(
      (await wallet('payer1')).map((m) => m.holder),
      ['Priya Shah'],
    );
  });

  test('adds a card from a card-frame token, and PayPal from a bank token; a token serves once', async () => {
    const token = await cardToken();
    const added = await send('/payment-methods', 'POST', { token, nickname: 'Travel card', makeDefault: true });
    assert.equal(added.status, 201);
    const method = (await added.json()) as Method;
    assert.deepEqual([method.method.brand, method.method.last4, method.isDefault], ['visa', '4242', true]);
    assert.equal((await wallet()).filter((m) => m.isDefault).length, 1, 'one default');
    const again = await send('/payment-methods', 'POST', { token });
    assert.equal(again.status, 422);
    assert.equal(((await again.json()) as { code: string }).code, 'payment_token_invalid');

    const paypal = await server.api('/bank-tokens', {
      method: 'POST',
      json: { type: 'paypal' },
    });
    assert.equal(paypal.status, 201, 'the test gateway approves a PayPal link');
    const paypalToken = ((await paypal.json()) as { token: string }).token;
    const linked = await send('/payment-methods', 'POST', { token: paypalToken, nickname: 'PayPal' });
    assert.equal(linked.status, 201);
    assert.equal(((await linked.json()) as Method).method.type, 'paypal');
    // The card number never reaches the database.
    const rows = await server.db.query<{ row: string }>(`select row_to_json(m)::text as row from payment_methods m`);
    assert.ok(rows.every((r) => !r.row.includes('4242424242424242')));
  });

  test('edits a card’s nickname, expiry, holder and address; resumes rules its expiry suspended', async () => {
    const old = await byNickname('Old Mastercard');
    const response = await send(`/payment-methods/${old.id}`, 'PATCH', {
      expMonth: 11,
      expYear: year + 1,
      holder: 'A. Martin',
      nickname: 'Renewed Mastercard',
      billingAddress: { line1: '1 Main St', city: 'Seattle', postalCode: '98101', country: 'US' },
    });
    assert.equal(response.status, 200);
    const updated = (await response.json()) as Method;
    assert.deepEqual(
      [updated.expMonth, updated.expYear, updated.holder, updated.nickname, updated.expired],
      [11, year + 1, 'A. Martin', 'Renewed Mastercard', false],
    );
    const [rule] = await server.db.query<{ status: string }>(`select status from autopay_rules where method_id = $1`, [
      old.id,
    ]);
    assert.equal(rule!.status, 'active');
  });

  test('refuses an expiry in the past, bank number edits, and card fields on a bank account, changing nothing', async () => {
    const visa = await byNickname('Company Visa');
    const bank = await byNickname('Operating account');
    const before = await snapshot();
    const cases: [string, unknown, number, string, string][] = [
      [visa.id, { expMonth: 1, expYear: year - 1 }, 422, 'expiry_in_past', 'expMonth'],
      [visa.id, { expMonth: 1 }, 400, 'validation_failed', 'expYear'],
      [bank.id, { accountNumber: '000123456789' }, 422, 'bank_details_not_editable', 'accountNumber'],
      [bank.id, { routingNumber: '011000015', nickname: 'x' }, 422, 'bank_details_not_editable', 'routingNumber'],
      [bank.id, { expMonth: 1, expYear: year + 1 }, 422, 'not_editable', 'expMonth'],
      [visa.id, { expMonth: 13, expYear: year + 1 }, 400, 'validation_failed', 'expMonth'],
    ];
    for (const [id, body, status, code, field] of cases) {
      const response = await send(`/payment-methods/${id}`, 'PATCH', body);
      const problem = (await response.json()) as { code: string; fieldErrors?: Record<string, string> };
      assert.equal(response.status, status, JSON.stringify(body));
      assert.equal(problem.code, code, JSON.stringify(body));
      assert.ok(problem.fieldErrors?.[field], `${field} named for ${JSON.stringify(body)}`);
    }
    assert.deepEqual(await snapshot(), before);
  });

  test('removing a method used by AutoPay needs a decision per rule; switch or suspend, never a dangling rule', async () => {
    const visa = await byNickname('Company Visa');
    const [ruleId] = visa.usedBy.map((u) => u.ruleId);
    const before = [await snapshot(), await rulesSnapshot()];
    const refused = await send(`/payment-methods/${visa.id}/remove`, 'POST', {});
    assert.equal(refused.status, 409);
    const problem = (await refused.json()) as { code: string; fieldErrors: Record<string, string> };
    assert.equal(problem.code, 'method_in_use');
    assert.equal(problem.fieldErrors[`rules.${ruleId}`], 'decision_required');
    // Switching to an expired card or to the method being removed is refused too.
    const amex = (await wallet()).find((m) => m.method.brand === 'amex')!;
    const self = await send(`/payment-methods/${visa.id}/remove`, 'POST', {
      rules: [{ ruleId, action: 'switch', methodId: visa.id }],
    });
    assert.equal(self.status, 422);
    assert.deepEqual([await snapshot(), await rulesSnapshot()], before, 'nothing changed on refusal');

    const switched = await send(`/payment-methods/${visa.id}/remove`, 'POST', {
      rules: [{ ruleId, action: 'switch', methodId: amex.id }],
    });
    assert.equal(switched.status, 204);
    const [rule] = await server.db.query<{ method_id: string; status: string }>(
      `select method_id, status from autopay_rules where id = $1`,
      [ruleId],
    );
    assert.deepEqual([rule!.method_id, rule!.status], [amex.id, 'active']);
    const after = await wallet();
    assert.ok(!after.some((m) => m.id === visa.id), 'gone from the wallet');
    assert.equal(after.filter((m) => m.isDefault).length, 1, 'another method became the default');

    const suspended = await send(`/payment-methods/${amex.id}/remove`, 'POST', {
      rules: [{ ruleId, action: 'suspend' }],
    });
    assert.equal(suspended.status, 204);
    const [rule2] = await server.db.query<{ method_id: string | null; status: string; suspended_reason: string }>(
      `select method_id, status, suspended_reason from autopay_rules where id = $1`,
      [ruleId],
    );
    assert.deepEqual([rule2!.method_id, rule2!.status, rule2!.suspended_reason], [null, 'suspended', 'method_removed']);
    const audit = await server.db.query<{ action: string }>(
      `select action from audit_log where action like 'wallet.%' or action like 'autopay.%' order by at`,
    );
    assert.ok(audit.some((a) => a.action === 'wallet.remove'));
    assert.ok(audit.some((a) => a.action === 'autopay.suspend'));
  });

  test('someone else’s method is not found; a viewer may look but not change', async () => {
    const payers = await wallet('payer1');
    const before = await snapshot();
    for (const [path, method, json] of [
      [`/payment-methods/${payers[0]!.id}`, 'PATCH', { nickname: 'mine now' }],
      [`/payment-methods/${payers[0]!.id}/remove`, 'POST', {}],
    ] as const) {
      const response = await send(path, method, json, 'admin1');
      assert.equal(response.status, 404, path);
      assert.equal(((await response.json()) as { code: string }).code, 'not_found');
    }
    assert.equal((await wallet('viewer1')).length, 0);
    const viewerAdd = await send('/payment-methods', 'POST', { token: await cardToken() }, 'viewer1');
    assert.equal(viewerAdd.status, 403);
    assert.deepEqual(await snapshot(), before);
  });
});
