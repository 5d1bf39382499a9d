/**
 * The authorization matrix: every route of the route table × the four demo
 * roles × {a resource in the caller's scope, one of the same company outside
 * it, one of the other company}, against SPEC's roles table.
 *
 * It is generated from ROUTES: a route without an entry in MATRIX below
 * fails the test, so a new route cannot escape it. Each entry says which row
 * of SPEC's table governs the route (checked against the capability the
 * route declares), where the route names what it acts on, and how to build a
 * request for each role and scope case. The expected answer follows from
 * those alone (see `expectation`):
 *
 * - **allowed**: 2xx, or 409/422 — refusals the server gives only once it
 *   found the resource in the caller's scope and checked the role (request
 *   validation, 400, runs before authorization and so proves nothing: a 400
 *   here is a broken fixture and fails). Requests that would change the
 *   shared fixtures are built to be refused that way (an amount that is not
 *   the amount due, an outdated agreement version, a taken user ID…); the
 *   few real writes (cancelling a rule, removing a user, cancelling an
 *   account's enrolment, removing an inbound-charge exception) act on
 *   fixtures made for that one case.
 * - **403**: the role may not, on something the caller may see.
 * - **404**: the caller may not see the thing — out of scope, or another
 *   company's — whatever its role (no existence leaks).
 *
 * Every allowed JSON or text answer is also scanned for the other company's
 * account numbers and, for non-administrators, for the one account in no
 * demo user's scope (E7T310): invoice and account numbers carry them, so a
 * leak shows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AUTOPAY_AGREEMENT } from '../../server/autopay/agreement.js';
import { DEMO_PASSWORD, OTHER_COMPANY_ADMIN } from '../../server/db/seed.js';
import type { Capability } from '../../server/domain/roles.js';
import { testGateway } from '../../server/payments/test-gateway.js';
import { ROUTES } from '../../server/routes/index.js';
import { autopayFixtures } from '../helpers/autopay.js';
import { today } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const ROLES = ['admin1', 'manager1', 'payer1', 'viewer1'] as const;
type Role = (typeof ROLES)[number];
const SCOPES = ['in', 'out', 'other'] as const;
type Scope = (typeof SCOPES)[number];

/**
 * SPEC §2's roles table, row by row. Written out here rather than imported
 * from server/domain/roles.ts, so the server's table is tested against the
 * spec and not against itself.
 */
const SPEC: Record<Capability, readonly Role[]> = {
  // see invoices, download, print: all
  'invoices:read': ['admin1', 'manager1', 'payer1', 'viewer1'],
  // pay, manage own wallet, dispute: not viewers
  'payments:write': ['admin1', 'manager1', 'payer1'],
  'wallet:write': ['admin1', 'manager1', 'payer1'],
  'disputes:write': ['admin1', 'manager1', 'payer1'],
  // create / edit AutoPay
  'autopay:write': ['admin1', 'manager1'],
  // add / remove users, change roles: managers within their scope
  'users:write': ['admin1', 'manager1'],
  // add accounts, cancel enrolment; XML enrolment also for managers, in scope
  'accounts:write': ['admin1'],
  'accounts:xml': ['admin1', 'manager1'],
  // inbound charges: no row of their own; a per-account setting like XML enrolment, so that row's answer
  'inbound:write': ['admin1', 'manager1'],
  // issue 6: an audit log view for administrators
  'audit:read': ['admin1'],
};

/** The demo users' scopes (server/db/seed.ts): an account each may see, for the "in scope" case. */
const IN_ACCOUNT: Record<Role, string> = { admin1: '4R7X21', manager1: '4R7X21', payer1: '4R7X21', viewer1: 'F3R901' };
/** Demo Co's account in no demo user's scope (only administrators see it), and the other company's. */
const OUT_ACCOUNT = 'E7T310';
const OTHER_ACCOUNT = 'N0RTH1';
const account = (role: Role, scope: Scope) =>
  scope === 'in' ? IN_ACCOUNT[role] : scope === 'out' ? OUT_ACCOUNT : OTHER_ACCOUNT;

interface Req {
  method: string;
  path: string;
  json?: unknown;
  /** A multipart body (uploads), built per request: a FormData is read once. */
  form?: () => FormData;
  headers?: Record<string, string>;
}

interface Entry {
  /** The row of SPEC's table; `null` for any signed-in user. Must equal the route's declared capability. */
  capability: Capability | null;
  /** Routes open without a session. They are run once, anonymously. */
  public?: true;
  /**
   * Where the route names what it acts on. `path`: the server finds it
   * first, so what the caller may not see is 404 whatever the role. `body`
   * (or query): the role is checked first, then what is named. `none`: the
   * route names nothing of a scope (lists filter by it, and are scanned).
   */
  target: 'path' | 'body' | 'none';
  /** Personal things (exports, wallet methods): another user's is out of scope even for an administrator. */
  personal?: true;
  /** Unseen things are left out of an allowed answer (and `check` says so) rather than refused. */
  unseen?: 'excluded';
  /** Scope cases that differ; by default all three. Routes naming nothing run one. */
  cases?: readonly Scope[];
  request(role: Role, scope: Scope): Req;
  /** More checks on an allowed answer. */
  check?(role: Role, scope: Scope, body: unknown): void;
}

type Expected = 'allowed' | 403 | 404;

function expectation(entry: Entry, role: Role, scope: Scope): Expected {
  if (entry.public || entry.capability === null) return 'allowed';
  const may = SPEC[entry.capability].includes(role);
  const sees = scope === 'in' || (scope === 'out' && role === 'admin1' && !entry.personal);
  if (entry.target === 'path') return !sees ? 404 : may ? 'allowed' : 403;
  if (entry.target === 'body') return !may ? 403 : sees || entry.unseen ? 'allowed' : 404;
  return may ? 'allowed' : 403;
}

function classify(status: number): Expected | 'other' {
  if ((status >= 200 && status < 300) || status === 409 || status === 422) return 'allowed';
  if (status === 403 || status === 404) return status;
  return 'other';
}

// ── fixtures ───────────────────────────────────────────────────────────

interface Fixtures {
  invoice: Record<string, string>;
  /** A completed payment on the account (so cancelling it is refused after authorization). */
  payment: Record<string, string>;
  /** Each user's own export, and the other company's. */
  exportOf: Record<string, string>;
  /** Each user's own live payment method. */
  methodOf: Record<string, string>;
  /** A live AutoPay rule per account. */
  rule: Record<string, string>;
  /** Users to edit: one per account of the scope cases, plus the other company's administrator. */
  user: Record<string, { id: string; name: string }>;
  /** Made for a case that really removes or cancels, so no other case loses its fixture. */
  victimUser: Partial<Record<`${Role}:${Scope}`, string>>;
  victimRule: Partial<Record<`${Role}:${Scope}`, string>>;
  /** Each account's XML enrolment as seeded, so a request can ask for what is already so. */
  xml: Record<string, boolean>;
  /** Demo Co accounts made to be cancelled for real, by the administrator's cases. */
  victimAccount: Partial<Record<`${Role}:${Scope}`, string>>;
  /** Inbound-charge exceptions removed for real, one per allowed case; every account also lists `MXEX00`. */
  victimException: Partial<Record<`${Role}:${Scope}`, string>>;
  /** A withdrawn dispute per account, with one attachment: withdrawing it again is refused (409) after authorization. */
  dispute: Record<string, { id: string; attachmentId: string }>;
}

let fx: Fixtures;
const key = () => crypto.randomUUID();

const exportOwner = (role: Role, scope: Scope) =>
  // Another user's export: the administrator's for others, the manager's for the administrator.
  scope === 'in' ? role : scope === 'out' ? (role === 'admin1' ? 'manager1' : 'admin1') : OTHER_COMPANY_ADMIN;

const ruleRequest = (role: Role, scope: Scope, agreementVersion: string) => ({
  scope: { type: 'account', number: account(role, scope) },
  methodId: fx.methodOf[role]!,
  amount: { type: 'total_due' },
  schedule: { type: 'days_before_due', days: 2 },
  effectiveUntil: null,
  agreementVersion,
});

/**
 * Invoice values that match no invoice (the amount is never one cent), for
 * an account's country: refused after authorization, as one failed attempt.
 */
const wrongProof = (number: string) => {
  const country = ['F3R901', 'F3R902', 'E7T310', OTHER_ACCOUNT].includes(number) ? 'FR' : 'US';
  return {
    country,
    accountNumber: number,
    invoiceNumber: `${number}X00003`,
    invoiceDate: today(),
    amount: '0.01',
    ...(country === 'FR' ? { controlId: 'C000' } : {}),
  };
};

/** What an allowed answer must never mention: the other company's accounts, and for non-administrators E7T310. */
const leaks = (role: Role, text: string) =>
  [/N0RTH/, /orthwind/, ...(role === 'admin1' ? [] : [new RegExp(OUT_ACCOUNT)])].filter((re) => re.test(text));

const MATRIX: Record<string, Entry> = {
  // ── session ──
  signIn: {
    capability: null,
    public: true,
    target: 'none',
    request: () => ({ method: 'POST', path: '/session', json: { userId: 'viewer1', password: DEMO_PASSWORD } }),
  },
  getSession: { capability: null, target: 'none', cases: ['in'], request: () => ({ method: 'GET', path: '/session' }) },

  // ── accounts, invoices, documents, dashboard ──
  listAccounts: {
    capability: 'invoices:read',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/accounts' }),
  },
  listPlans: {
    capability: 'invoices:read',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/plans' }),
  },
  updateAccount: {
    capability: 'accounts:write',
    target: 'path',
    // No nickname, as seeded: a real update that changes nothing the other cases rely on.
    request: (role, scope) => ({
      method: 'PATCH',
      path: `/accounts/${account(role, scope)}`,
      json: { nickname: null },
    }),
  },
  setXmlEnrollment: {
    capability: 'accounts:xml',
    target: 'path',
    // What the account already has: a real request that changes nothing.
    request: (role, scope) => ({
      method: 'PUT',
      path: `/accounts/${account(role, scope)}/xml-enrollment`,
      json: { enrolled: fx.xml[account(role, scope)] },
    }),
  },
  addAccount: {
    capability: 'accounts:write',
    // Add account names accounts of no company, or of another, by design: what the caller learns is
    // governed by the invoice proof, not by scope. After the role check, the company's own accounts are
    // refused as already enrolled (409), the other company's by values that match nothing (422),
    // which says nothing about who has it.
    target: 'none',
    request: (role, scope) => ({ method: 'POST', path: '/accounts', json: wrongProof(account(role, scope)) }),
    check: (_role, scope, body) =>
      assert.equal(
        (body as { code: string }).code,
        scope === 'other' ? 'invoice_mismatch' : 'account_already_enrolled',
      ),
  },
  cancelEnrollment: {
    capability: 'accounts:write',
    target: 'path',
    // The administrator's cases cancel for real, on accounts made for them; every other case is refused first.
    request: (role, scope) => ({
      method: 'POST',
      path: `/accounts/${fx.victimAccount[`${role}:${scope}`] ?? account(role, scope)}/cancel-enrollment`,
      json: { reason: 'no_longer_used' },
    }),
  },

  // ── enrolment (public) ──
  checkEnrollmentInvoice: {
    capability: null,
    public: true,
    target: 'none',
    request: () => ({
      method: 'POST',
      path: '/enrollment/invoice-check',
      headers: { 'x-test-client-ip': '10.9.9.10' },
      json: wrongProof('H4B7R2'),
    }),
    check: (_role, _scope, body) => assert.equal((body as { code: string }).code, 'invoice_mismatch'),
  },
  enrollCompany: {
    capability: null,
    public: true,
    target: 'none',
    request: () => ({
      method: 'POST',
      path: '/enrollment',
      headers: { 'x-test-client-ip': '10.9.9.10' },
      json: {
        invoice: wrongProof('H4B7R3'),
        user: { userId: 'mx-enrol', email: 'mx@example.com', name: 'Matrix', password: 'correct horse battery' },
      },
    }),
    check: (_role, _scope, body) => assert.equal((body as { code: string }).code, 'invoice_mismatch'),
  },
  // ── sign-up without an invoice ──
  signUp: {
    capability: null,
    public: true,
    target: 'none',
    // A taken user ID (in another case): refused after the checks, creating nothing.
    request: () => ({
      method: 'POST',
      path: '/signup',
      headers: { 'x-test-client-ip': '10.9.9.11' },
      json: { userId: 'ADMIN1', email: 'mx@example.com', name: 'Matrix', password: 'correct horse battery' },
    }),
    check: (_role, _scope, body) => assert.equal((body as { code: string }).code, 'user_id_taken'),
  },
  listServedCountries: {
    capability: null,
    public: true,
    target: 'none',
    request: () => ({ method: 'GET', path: '/signup/countries' }),
  },
  openPaymentAccount: {
    capability: null,
    target: 'none',
    cases: ['in'],
    // Every demo user has a company: refused for each, whatever the role, before anything is read.
    request: () => ({
      method: 'POST',
      path: '/signup/payment-account',
      json: {
        companyName: 'Matrix Co',
        country: 'US',
        billingAddress: { line1: '1 Main St', city: 'Atlanta', postalCode: '30301' },
        contact: { name: 'Matrix', email: 'mx@example.com' },
        method: { token: 'pt_notarealtoken' },
      },
    }),
    check: (_role, _scope, body) => assert.equal((body as { code: string }).code, 'already_in_company'),
  },

  // ── inbound charges ──
  listInboundCharges: {
    capability: 'invoices:read',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/inbound-charges' }),
  },
  getInboundCharges: {
    capability: 'invoices:read',
    target: 'path',
    request: (role, scope) => ({ method: 'GET', path: `/accounts/${account(role, scope)}/inbound-charges` }),
  },
  updateInboundCharges: {
    capability: 'inbound:write',
    target: 'path',
    // The default again: saying what is already so writes nothing.
    request: (role, scope) => ({
      method: 'PATCH',
      path: `/accounts/${account(role, scope)}/inbound-charges`,
      json: { contactBeforeBilling: false },
    }),
  },
  addInboundException: {
    capability: 'inbound:write',
    target: 'path',
    // Already an exception of every account: 409 once the account was found and the role checked.
    request: (role, scope) => ({
      method: 'POST',
      path: `/accounts/${account(role, scope)}/inbound-charges/exceptions`,
      json: { shipperAccount: 'MXEX00' },
    }),
  },
  removeInboundException: {
    capability: 'inbound:write',
    target: 'path',
    request: (role, scope) => ({
      method: 'DELETE',
      path: `/accounts/${account(role, scope)}/inbound-charges/exceptions/${fx.victimException[`${role}:${scope}`] ?? 'MXEX00'}`,
    }),
  },
  importInboundExceptions: {
    capability: 'inbound:write',
    target: 'path',
    // A check, not a commit: the report, nothing written.
    request: (role, scope) => ({
      method: 'POST',
      path: `/accounts/${account(role, scope)}/inbound-charges/exceptions/import`,
      json: { csv: 'shipper account\nAB12CD\nnot-an-account\n', commit: false },
    }),
    check: (_role, _scope, body) => {
      const report = body as { committed: boolean; good: unknown[]; bad: unknown[] };
      assert.deepEqual([report.committed, report.good.length, report.bad.length], [false, 1, 1]);
    },
  },
  listInvoices: {
    capability: 'invoices:read',
    target: 'none',
    // A list answers "nothing" where a single resource answers 404: asked for an account out of scope, it is empty.
    request: (role, scope) => ({ method: 'GET', path: `/invoices?account=${account(role, scope)}&pageSize=5` }),
    check: (role, scope, body) => {
      const { total } = body as { total: number };
      const sees = scope === 'in' || (scope === 'out' && role === 'admin1');
      assert.ok(sees ? total > 0 : total === 0, `${total} invoices`);
    },
  },
  getInvoice: {
    capability: 'invoices:read',
    target: 'path',
    request: (role, scope) => ({ method: 'GET', path: `/invoices/${fx.invoice[account(role, scope)]}` }),
  },
  listInvoiceShipments: {
    capability: 'invoices:read',
    target: 'path',
    request: (role, scope) => ({ method: 'GET', path: `/invoices/${fx.invoice[account(role, scope)]}/shipments` }),
  },
  downloadInvoiceDocument: {
    capability: 'invoices:read',
    target: 'path',
    request: (role, scope) => ({
      method: 'GET',
      path: `/invoices/${fx.invoice[account(role, scope)]}/documents/csv`,
    }),
  },
  createDocumentExport: {
    capability: 'invoices:read',
    target: 'body',
    unseen: 'excluded',
    request: (role, scope) => ({
      method: 'POST',
      path: '/document-exports',
      json: { format: 'csv', numbers: [fx.invoice[account(role, scope)]] },
    }),
    check: (role, scope, body) => {
      const { total, excluded } = body as { total: number; excluded: { number: string; reason: string }[] };
      const sees = scope === 'in' || (scope === 'out' && role === 'admin1');
      assert.deepEqual(
        [total, excluded],
        sees ? [1, []] : [0, [{ number: fx.invoice[account(role, scope)], reason: 'not_found' }]],
      );
    },
  },
  getDocumentExport: {
    capability: 'invoices:read',
    target: 'path',
    personal: true,
    request: (role, scope) => ({ method: 'GET', path: `/document-exports/${fx.exportOf[exportOwner(role, scope)]}` }),
  },
  downloadDocumentExport: {
    capability: 'invoices:read',
    target: 'path',
    personal: true,
    request: (role, scope) => ({
      method: 'GET',
      path: `/document-exports/${fx.exportOf[exportOwner(role, scope)]}/file`,
    }),
  },
  getDashboard: {
    capability: 'invoices:read',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/dashboard' }),
  },

  // ── payments ──
  getPaymentTypes: {
    capability: null,
    public: true,
    target: 'none',
    request: () => ({ method: 'GET', path: '/payment-types?country=US' }),
  },
  createCardToken: {
    capability: null,
    public: true,
    target: 'none',
    request: () => ({
      method: 'POST',
      path: '/card-tokens',
      json: { holder: 'A', number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123', postalCode: '30301' },
    }),
  },
  createBankToken: {
    capability: null,
    public: true,
    target: 'none',
    request: () => ({ method: 'POST', path: '/bank-tokens', json: { type: 'paypal' } }),
  },
  createPayment: {
    capability: 'payments:write',
    target: 'body',
    // One minor unit is never the amount due: refused (422) after the invoice was found and the role checked.
    request: (role, scope) => ({
      method: 'POST',
      path: '/payments',
      headers: { 'idempotency-key': key() },
      json: {
        invoices: [{ number: fx.invoice[account(role, scope)], amount: 1 }],
        processingDate: today(),
        source: { methodId: fx.methodOf[role] },
      },
    }),
  },
  listPayments: {
    capability: 'invoices:read',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/payments?pageSize=200' }),
  },
  getPayment: {
    capability: 'invoices:read',
    target: 'path',
    request: (role, scope) => ({ method: 'GET', path: `/payments/${fx.payment[account(role, scope)]}` }),
  },
  cancelPayment: {
    capability: 'payments:write',
    target: 'path',
    // A completed payment: not cancellable (409), once found and the role checked.
    request: (role, scope) => ({ method: 'POST', path: `/payments/${fx.payment[account(role, scope)]}/cancel` }),
  },
  guestLookup: {
    capability: null,
    public: true,
    target: 'none',
    request: () => ({
      method: 'POST',
      path: '/guest/invoice-lookup',
      headers: { 'x-test-client-ip': '10.9.9.9' },
      json: { accountNumber: '4R7X21', invoiceNumber: fx.invoice['4R7X21'], amountDue: 1 },
    }),
  },
  createGuestPayment: {
    capability: null,
    public: true,
    target: 'none',
    request: () => ({
      method: 'POST',
      path: '/guest/payments',
      headers: { 'idempotency-key': key() },
      json: { lookupToken: 'not-a-lookup-token', token: 'not-a-payment-token' },
    }),
  },

  // ── wallet ──
  listPaymentMethods: {
    capability: 'invoices:read',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/payment-methods' }),
    check: (role, _scope, body) => {
      assert.ok((body as { items: { id: string }[] }).items.some((m) => m.id === fx.methodOf[role]));
    },
  },
  addPaymentMethod: {
    capability: 'wallet:write',
    target: 'none',
    cases: ['in'],
    // An unknown token: refused (422) after the role check.
    request: () => ({ method: 'POST', path: '/payment-methods', json: { token: 'tok_unknown_0000' } }),
  },
  updatePaymentMethod: {
    capability: 'wallet:write',
    target: 'path',
    personal: true,
    // Bank numbers are never editable: 422 once the method is found and the role checked.
    request: (role, scope) => ({
      method: 'PATCH',
      path: `/payment-methods/${fx.methodOf[exportOwner(role, scope)]}`,
      json: { iban: 'FR7630006000011234567890189' },
    }),
  },
  removePaymentMethod: {
    capability: 'wallet:write',
    target: 'path',
    personal: true,
    // A decision about a rule that does not use the method: 422, nothing removed.
    request: (role, scope) => ({
      method: 'POST',
      path: `/payment-methods/${fx.methodOf[exportOwner(role, scope)]}/remove`,
      json: { rules: [{ ruleId: key(), action: 'suspend' }] },
    }),
  },

  // ── AutoPay ──
  listAutopayRules: {
    capability: 'invoices:read',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/autopay-rules' }),
  },
  getAutopayAgreement: {
    capability: 'invoices:read',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/autopay-agreement' }),
  },
  previewAutopayRule: {
    capability: 'autopay:write',
    target: 'body',
    request: (role, scope) => ({
      method: 'POST',
      path: '/autopay-rules/preview',
      json: ruleRequest(role, scope, AUTOPAY_AGREEMENT.version),
    }),
  },
  createAutopayRule: {
    capability: 'autopay:write',
    target: 'body',
    // An outdated agreement: 409 after the scope was found, nothing created.
    request: (role, scope) => ({ method: 'POST', path: '/autopay-rules', json: ruleRequest(role, scope, 'outdated') }),
  },
  updateAutopayRule: {
    capability: 'autopay:write',
    target: 'path',
    request: (role, scope) => ({
      method: 'PUT',
      path: `/autopay-rules/${fx.rule[account(role, scope)]}`,
      json: ruleRequest(role, scope, 'outdated'),
    }),
  },
  cancelAutopayRule: {
    capability: 'autopay:write',
    target: 'path',
    request: (role, scope) => ({
      method: 'DELETE',
      path: `/autopay-rules/${fx.victimRule[`${role}:${scope}`] ?? fx.rule[account(role, scope)]}`,
    }),
  },

  // ── users ──
  listUsers: {
    capability: 'users:write',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/users?pageSize=200' }),
    check: (role, _scope, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((u) => u.id);
      assert.ok(ids.includes(fx.user[IN_ACCOUNT[role]]!.id), 'the user in scope is listed');
      assert.equal(ids.includes(fx.user[OUT_ACCOUNT]!.id), role === 'admin1', 'the user out of scope is not');
    },
  },
  createUser: {
    capability: 'users:write',
    target: 'body',
    // A taken user ID: 409 once the scope was found and the role checked; nothing created.
    request: (role, scope) => ({
      method: 'POST',
      path: '/users',
      json: {
        userId: 'ADMIN1',
        email: 'x@demo-co.example',
        name: 'X',
        role: 'viewer',
        scope: { accounts: [account(role, scope)], plans: [] },
      },
    }),
    check: (_role, _scope, body) => assert.equal((body as { code: string }).code, 'user_id_taken'),
  },
  updateUser: {
    capability: 'users:write',
    target: 'path',
    // The user's own name again: a real update that changes nothing the other cases rely on.
    request: (role, scope) => {
      const user = fx.user[account(role, scope)]!;
      return { method: 'PATCH', path: `/users/${user.id}`, json: { name: user.name } };
    },
  },
  removeUser: {
    capability: 'users:write',
    target: 'path',
    request: (role, scope) => ({
      method: 'DELETE',
      path: `/users/${fx.victimUser[`${role}:${scope}`] ?? fx.user[account(role, scope)]!.id}`,
    }),
  },
  listRecoveryRequests: {
    capability: null,
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/admin-recovery-requests' }),
  },
  createRecoveryRequest: {
    capability: null,
    // The company is the scope of a recovery request: within it any user may ask; another company's
    // administrator is not recognised, with the same answer as a wrong e-mail.
    target: 'none',
    cases: ['in', 'other'],
    request: (_role, scope) => ({
      method: 'POST',
      path: '/admin-recovery-requests',
      json: {
        previousAdminUserId: scope === 'in' ? 'admin1' : OTHER_COMPANY_ADMIN,
        previousAdminEmail: scope === 'in' ? 'wrong@demo-co.example' : `${OTHER_COMPANY_ADMIN}@northwind.example`,
        newAdminUserId: 'new-admin-x',
        newAdminEmail: 'new@demo-co.example',
      },
    }),
    check: (_role, _scope, body) => assert.equal((body as { code: string }).code, 'recovery_mismatch'),
  },
  listAuditLog: {
    capability: 'audit:read',
    target: 'none',
    cases: ['in'],
    request: () => ({ method: 'GET', path: '/audit-log?pageSize=200' }),
  },

  // ── disputes ──
  listDisputes: {
    capability: 'invoices:read',
    target: 'none',
    // As the invoice list: an account out of scope lists nothing.
    request: (role, scope) => ({ method: 'GET', path: `/disputes?account=${account(role, scope)}&pageSize=200` }),
    check: (role, scope, body) => {
      const { total } = body as { total: number };
      const sees = scope === 'in' || (scope === 'out' && role === 'admin1');
      assert.ok(sees ? total > 0 : total === 0, `${total} disputes`);
    },
  },
  getDispute: {
    capability: 'invoices:read',
    target: 'path',
    request: (role, scope) => ({ method: 'GET', path: `/disputes/${fx.dispute[account(role, scope)]!.id}` }),
  },
  createDispute: {
    capability: 'disputes:write',
    target: 'body',
    // More than any invoice charged: refused (422) once the invoice was found and the role checked.
    request: (role, scope) => ({
      method: 'POST',
      path: '/disputes',
      form: () => {
        const form = new FormData();
        const number = account(role, scope);
        form.append(
          'body',
          JSON.stringify({
            invoiceNumber: fx.invoice[number],
            scope: 'invoice',
            reason: 'incorrect_rate',
            amountKind: 'disputed',
            amount: { amount: 99_999_999_999, currency: number === '4R7X21' ? 'USD' : 'EUR' },
            contactEmail: 'matrix@demo-co.example',
          }),
        );
        return form;
      },
    }),
    check: (_role, _scope, body) => assert.equal((body as { code: string }).code, 'amount_above_charge'),
  },
  withdrawDispute: {
    capability: 'disputes:write',
    target: 'path',
    request: (role, scope) => ({
      method: 'POST',
      path: `/disputes/${fx.dispute[account(role, scope)]!.id}/withdraw`,
      json: {},
    }),
    check: (_role, _scope, body) => assert.equal((body as { code: string }).code, 'dispute_closed'),
  },
  downloadDisputeAttachment: {
    capability: 'invoices:read',
    target: 'path',
    request: (role, scope) => {
      const { id, attachmentId } = fx.dispute[account(role, scope)]!;
      return { method: 'GET', path: `/disputes/${id}/attachments/${attachmentId}` };
    },
  },
};

// ── the run ────────────────────────────────────────────────────────────

interface Outcome {
  op: string;
  who: Role | 'anonymous' | 'no token';
  scope: Scope;
  expected: Expected | 401;
  status: number;
  problems: string[];
}

async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('authorization matrix', () => {
  let server: TestServer;
  const outcomes = new Map<string, Outcome[]>();
  const missing = Object.keys(ROUTES).filter((op) => !MATRIX[op]);

  before(async () => {
    server = await startTestServer();
    await Promise.all([...ROLES, OTHER_COMPANY_ADMIN].map((user) => server.tokenFor(user)));
    fx = await buildFixtures(server);

    const jobs: (() => Promise<Outcome>)[] = [];
    for (const op of Object.keys(ROUTES)) {
      const entry = MATRIX[op];
      if (!entry) continue;
      const run = (who: Outcome['who'], scope: Scope, expected: Expected | 401) => async (): Promise<Outcome> => {
        const req = entry.request(who === 'anonymous' || who === 'no token' ? 'admin1' : who, scope);
        const token = who === 'anonymous' || who === 'no token' ? undefined : await server.tokenFor(who);
        const response = await server.api(req.path, {
          method: req.method,
          ...(req.json === undefined ? {} : { json: req.json }),
          ...(req.headers ? { headers: req.headers } : {}),
          ...(req.form ? { body: req.form() } : {}),
          ...(token ? { token } : {}),
        });
        const type = response.headers.get('content-type') ?? '';
        // Files are read to the end (a streamed export must finish), but only text is scanned.
        const bytes = new Uint8Array(await response.arrayBuffer());
        const text = /json|text\//.test(type) ? new TextDecoder().decode(bytes) : '';
        const problems: string[] = [];
        const got = classify(response.status);
        if (expected === 401 ? response.status !== 401 : got !== expected) {
          problems.push(`expected ${expected}, got ${response.status} ${text.slice(0, 200)}`);
        } else if (got === 'allowed' && who !== 'no token') {
          const role = who === 'anonymous' ? 'viewer1' : who;
          const leaked = entry.unseen && scope !== 'in' ? [] : leaks(role, text);
          if (leaked.length) problems.push(`leaks ${leaked.join(', ')}: ${text.slice(0, 200)}`);
          try {
            entry.check?.(role, scope, text && /json/.test(type) ? JSON.parse(text) : text);
          } catch (error) {
            problems.push(`check: ${(error as Error).message}`);
          }
        }
        return { op, who, scope, expected, status: response.status, problems };
      };
      if (entry.public) {
        jobs.push(run('anonymous', 'in', 'allowed'));
        continue;
      }
      jobs.push(run('no token', 'in', 401));
      for (const role of ROLES) {
        for (const scope of entry.cases ?? SCOPES) jobs.push(run(role, scope, expectation(entry, role, scope)));
      }
    }
    // PGlite answers one query at a time: a few requests in flight keep it busy without queueing many.
    for (const outcome of await pool(jobs, 6)) {
      outcomes.set(outcome.op, [...(outcomes.get(outcome.op) ?? []), outcome]);
    }
  });
  after(() => server?.close());

  test('every route of the route table has a matrix entry', () => {
    assert.deepEqual(missing, [], `routes without an entry in MATRIX: ${missing.join(', ')}`);
    assert.deepEqual(
      Object.keys(MATRIX).filter((op) => !(op in ROUTES)),
      [],
      'entries for routes that no longer exist',
    );
  });

  for (const [op, route] of Object.entries(ROUTES)) {
    const entry = MATRIX[op];
    if (!entry) continue;
    test(`${op} (${route.endpoint.method} ${route.endpoint.path})`, (t) => {
      // The entry's SPEC row is the one the route declares, and public routes are exactly the entries marked so.
      assert.equal(route.capability, entry.capability, 'capability');
      assert.equal(route.endpoint.auth, !entry.public, 'auth');
      if (route.endpoint.params)
        assert.equal(entry.target, 'path', 'routes with path params act on what the path names');
      const results = outcomes.get(op) ?? [];
      const summary = results.map(
        (o) => `${o.who}${o.who === 'anonymous' || o.who === 'no token' ? '' : `/${o.scope}`} ${o.status}`,
      );
      t.diagnostic(summary.join(', '));
      assert.deepEqual(
        results.filter((o) => o.problems.length).map((o) => `${o.who} ${o.scope}: ${o.problems.join('; ')}`),
        [],
      );
      assert.ok(results.length > 0);
    });
  }
});

// ── fixture set-up ─────────────────────────────────────────────────────

async function buildFixtures(server: TestServer): Promise<Fixtures> {
  const { db } = server;
  const auto = autopayFixtures(db, testGateway(db));
  const accounts = [...new Set([...Object.values(IN_ACCOUNT), OUT_ACCOUNT, OTHER_ACCOUNT])];

  const invoice: Record<string, string> = {};
  const payment: Record<string, string> = {};
  for (const number of accounts) {
    const [inv] = await db.query<{ number: string }>(
      `select number from invoices where account_number = $1 and status = 'open' and amount_due > 0
        order by number limit 1`,
      [number],
    );
    const [pay] = await db.query<{ confirmation_number: string }>(
      `select p.confirmation_number from payments p
        where p.status = 'completed' and p.kind = 'one_time'
          and exists (select 1 from payment_allocations a join invoices i on i.id = a.invoice_id
                       where a.payment_id = p.id and i.account_number = $1)
        order by p.confirmation_number limit 1`,
      [number],
    );
    invoice[number] = inv!.number;
    payment[number] = pay!.confirmation_number;
  }

  // Wallets: the seed gives none to the viewer (it cannot add one) nor to the other company. A method held
  // from before a role change makes the viewer's case one of role (403), not of visibility.
  await auto.addCard('viewer1');
  await auto.addCard(OTHER_COMPANY_ADMIN);
  const methodOf: Record<string, string> = {};
  for (const user of [...ROLES, OTHER_COMPANY_ADMIN]) {
    const [row] = await db.query<{ id: string }>(
      `select m.id from payment_methods m join users u on u.id = m.user_id
        where u.user_id = $1 and m.removed_at is null order by m.is_default desc, m.created_at limit 1`,
      [user],
    );
    methodOf[user] = row!.id;
  }

  const exportOf: Record<string, string> = {};
  for (const user of [...ROLES, OTHER_COMPANY_ADMIN]) {
    const number = invoice[user === OTHER_COMPANY_ADMIN ? OTHER_ACCOUNT : IN_ACCOUNT[user as Role]];
    const response = await server.api('/document-exports', {
      method: 'POST',
      json: { format: 'csv', numbers: [number] },
      token: await server.tokenFor(user),
    });
    assert.equal(response.status, 201);
    exportOf[user] = ((await response.json()) as { id: string }).id;
  }

  // One live rule per account: the seed has none on these.
  const rule: Record<string, string> = {
    '4R7X21': await auto.addRule({ account: '4R7X21', method: methodOf['manager1']!, by: 'manager1' }),
    F3R901: await auto.addRule({ account: 'F3R901', method: methodOf['admin1']! }),
    [OUT_ACCOUNT]: await auto.addRule({ account: OUT_ACCOUNT, method: methodOf['admin1']! }),
    [OTHER_ACCOUNT]: await auto.addRule({
      account: OTHER_ACCOUNT,
      method: methodOf[OTHER_COMPANY_ADMIN]!,
      by: OTHER_COMPANY_ADMIN,
    }),
  };
  // Cancelled for real, each by one case; on accounts in that caller's scope with no rule yet.
  const victimRule: Fixtures['victimRule'] = {
    'admin1:in': await auto.addRule({ account: 'W9E530', method: methodOf['admin1']! }),
    'manager1:in': await auto.addRule({ account: '8F2K44', method: methodOf['manager1']!, by: 'manager1' }),
    // Seattle's seeded rule: in no demo user's scope but the administrator's.
    'admin1:out': (
      await db.query<{ id: string }>(
        `select r.id from autopay_rules r join accounts a on a.id = r.account_id where a.number = 'K2M8Q5'`,
      )
    )[0]!.id,
  };

  const [{ hash } = { hash: '' }] = await db.query<{ hash: string }>(
    `select password_hash as hash from users where user_id = 'admin1'`,
  );
  const addUser = async (userId: string, accounts: string[]) => {
    const [row] = await db.query<{ id: string }>(
      `insert into users (company_id, user_id, email, name, role, password_hash)
       select id, $1, $1 || '@demo-co.example', 'Matrix ' || $1, 'viewer', $2 from companies where name = 'Demo Co'
       returning id`,
      [userId, hash],
    );
    await db.query(
      `insert into user_scope (user_id, account_id) select $1, id from accounts where number = any($2::text[])`,
      [row!.id, accounts],
    );
    return { id: row!.id, name: `Matrix ${userId}` };
  };
  const user: Fixtures['user'] = {};
  for (const number of [...new Set(Object.values(IN_ACCOUNT)), OUT_ACCOUNT]) {
    user[number] = await addUser(`mx-${number.toLowerCase()}`, [number]);
  }
  const [other] = await db.query<{ id: string; name: string }>('select id, name from users where user_id = $1', [
    OTHER_COMPANY_ADMIN,
  ]);
  user[OTHER_ACCOUNT] = other!;
  const victimUser: Fixtures['victimUser'] = {
    'admin1:in': (await addUser('mx-victim-a-in', ['4R7X21'])).id,
    'admin1:out': (await addUser('mx-victim-a-out', [OUT_ACCOUNT])).id,
    'manager1:in': (await addUser('mx-victim-m-in', ['4R7X21'])).id,
  };

  const xml: Record<string, boolean> = {};
  for (const row of await db.query<{ number: string; xml_enrolled: boolean }>(
    'select number, xml_enrolled from accounts where number = any($1::text[])',
    [accounts],
  )) {
    xml[row.number] = row.xml_enrolled;
  }
  const addAccount = async (number: string) => {
    await db.query(
      `insert into accounts (company_id, number, name, country, currency)
       select id, $1, 'Matrix ' || $1, 'US', 'USD' from companies where name = 'Demo Co'`,
      [number],
    );
    return number;
  };
  const victimAccount: Fixtures['victimAccount'] = {
    'admin1:in': await addAccount('MXCA01'),
    'admin1:out': await addAccount('MXCA02'),
  };
  const addException = async (accountNumber: string, shipper: string) => {
    await db.query(
      `insert into inbound_charge_exceptions (account_id, shipper_account, company_id)
       select id, $2, company_id from accounts where number = $1`,
      [accountNumber, shipper],
    );
    return shipper;
  };
  for (const number of accounts) await addException(number, 'MXEX00');
  const victimException: Fixtures['victimException'] = {
    'admin1:in': await addException(IN_ACCOUNT.admin1, 'MXRA01'),
    'manager1:in': await addException(IN_ACCOUNT.manager1, 'MXRM01'),
    'admin1:out': await addException(OUT_ACCOUNT, 'MXRA02'),
  };

  // A dispute per account, made and withdrawn through the API by an administrator of its company.
  const dispute: Fixtures['dispute'] = {};
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  for (const number of accounts) {
    const [inv] = await db.query<{ number: string; currency: string }>(
      `select number, currency from invoices where account_number = $1 and amount > 0 and not in_dispute
        order by number desc limit 1`,
      [number],
    );
    const token = await server.tokenFor(number === OTHER_ACCOUNT ? OTHER_COMPANY_ADMIN : 'admin1');
    const form = new FormData();
    form.append(
      'body',
      JSON.stringify({
        invoiceNumber: inv!.number,
        scope: 'invoice',
        reason: 'other',
        comment: 'Matrix fixture',
        amountKind: 'disputed',
        amount: { amount: 1, currency: inv!.currency },
        contactEmail: 'matrix@example.com',
      }),
    );
    form.append('files', new File([png], 'proof.png', { type: 'image/png' }));
    const response = await server.api('/disputes', { method: 'POST', body: form, token });
    assert.equal(response.status, 201, await response.clone().text());
    const made = (await response.json()) as { id: string; attachments: { id: string }[] };
    const withdrawn = await server.api(`/disputes/${made.id}/withdraw`, { method: 'POST', json: {}, token });
    assert.equal(withdrawn.status, 200);
    dispute[number] = { id: made.id, attachmentId: made.attachments[0]!.id };
  }

  return {
    dispute,
    invoice,
    payment,
    exportOf,
    methodOf,
    rule,
    user,
    victimUser,
    victimRule,
    xml,
    victimAccount,
    victimException,
  };
}
