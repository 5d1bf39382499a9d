/**
 * XSS corpus (issue 9): every payload of `xss-payloads.ts` goes in through the
 * real API, as the right signed-in user, into every text a user can write —
 * user names (and the e-mails and user IDs that are format-checked), the
 * administrator-recovery name, wallet nicknames, card holders and billing
 * addresses, account nicknames, dispute comments, contacts, attachment names
 * and withdrawal reasons, inbound-charge exception notes, the inbound CSV
 * import, and a signed-up company's name, address and contact. Then Chromium
 * renders the single-file build of every element that shows those texts,
 * inside a signed-in provider, in English and in French, with the detail
 * views opened (dispute details and history, user dialogs, the audit log and
 * recovery tabs, the wallet's two views and edit dialogs, the pay form's and
 * AutoPay's method choices, the import report, the account nickname dialogs,
 * the AutoPay rule cards naming who accepted the agreement).
 *
 * A signed-up company's name is shown by one element only, <ups-enrollment>'s
 * confirmation, reached by typing the whole sign-up: a sample of the corpus
 * (one payload per family of attack) is typed there, in the company name,
 * address, contact and bank holder fields; the whole corpus goes through the
 * API. The address and contact are shown by no element once sent.
 *
 * A run fails on any execution (the `__xss` binding, a dialog, a navigation,
 * a request to `x.invalid`, a popup), on any element or attribute that came
 * from a payload even if it ran nothing (the DOM scan below), and on any
 * stored payload that does not appear as literal text where it should —
 * which is what proves the payload was rendered at all.
 *
 * The page has no Content-Security-Policy on purpose: the library ships with
 * one, but here an injection must run (and be seen) rather than be blocked.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../server/db/db.js';
import { DEMO_PASSWORD } from '../../server/db/seed.js';
import { silentLogger } from '../../server/http/services.js';
import { createNodeApp } from '../../server/node.js';
import { freshDatabase, TEST_PASSWORD_ITERATIONS } from '../helpers/database.js';
import { launchChromium } from '../e2e/support.js';
import { PAYLOADS, type Payload } from './xss-payloads.js';

/** The shipping account whose inbound-charge exceptions carry the notes. */
const INBOUND_ACCOUNT = '4R7X21';

/**
 * Each free-text field's documented limit (`src/api/schemas`), in UTF-16 units
 * after trimming: a payload within it must be stored as typed, one over it
 * refused with a 4xx, and nothing else. Attachment names are never refused
 * (the server keeps the last path segment, cut to 120 characters).
 */
const LIMITS: Record<string, number> = {
  'user.name': 80,
  'recovery.newAdminName': 80,
  'wallet.holder': 80,
  'wallet.nickname': 40,
  'wallet.billingAddress': 100,
  'inbound.note': 80,
  'dispute.comment': 2000,
  'dispute.attachmentName': Infinity,
  'dispute.withdrawReason': 500,
  'signup.name': 80,
  'company.name': 120,
  'company.addressLine1': 100,
  'company.contactName': 80,
  'account.nickname': 40,
};

/** The corpus's sample typed into <ups-enrollment>'s sign-up, by kind: one of each family of attack. */
const ENROLLMENT_SAMPLE = [
  'script tag',
  'img onerror',
  'double-quote breakout',
  'iframe srcdoc',
  'mXSS noscript',
  'mXSS math/style',
  'message placeholders',
  'RTL override',
];

/** The fewest payloads any free-text field must store: the corpus is written so that each field gets most of it. */
const MIN_STORED = 50;

/** Fields whose format is checked (e-mails, user IDs): refusing every payload is right for them. */
const FORMAT_FIELDS = new Set(['user.email', 'user.userId', 'dispute.contactEmail']);

interface Outcome {
  stored: Map<string, string>;
  refused: Map<string, string>;
}

/** Per field: payload id → the text as stored (what the API answered), or → why it was refused. */
const outcomes = new Map<string, Outcome>();

function outcome(field: string): Outcome {
  let found = outcomes.get(field);
  if (!found) outcomes.set(field, (found = { stored: new Map(), refused: new Map() }));
  return found;
}

const stored = (field: string, payload: Payload, value: string) => outcome(field).stored.set(payload.id, value);
const refused = (field: string, payload: Payload, why: string) => outcome(field).refused.set(payload.id, why);
const storedTexts = (field: string) => [...outcome(field).stored.values()];

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- API answers, read field by field
}

let base = '';
/** Each request from the seeding is its own client, so per-address limits (sign-up, card tokens) do not bite. */
let client = 0;
const clientHeader = () => ({ 'x-test-client': `seed-${++client}` });

async function api(token: string | null, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...clientHeader(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A refusal must be a client error with a problem code; a 5xx is a bug, not a refusal. */
function why(answer: Answer, what: string): string {
  assert.ok(answer.status >= 400 && answer.status < 500, `${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  const fields = answer.body?.fieldErrors ? ` ${JSON.stringify(answer.body.fieldErrors)}` : '';
  return `${answer.status} ${answer.body?.code ?? ''}${fields}`;
}

const refusedField = (answer: Answer, field: string) =>
  answer.status === 400 &&
  Object.keys(answer.body?.fieldErrors ?? {}).some((f) => f === field || f.startsWith(`${field}.`));

async function signIn(userId: string, password = DEMO_PASSWORD): Promise<string> {
  const answer = await api(null, 'POST', '/session', { userId, password });
  assert.equal(answer.status, 201, `sign-in of ${userId}: ${JSON.stringify(answer.body)}`);
  return answer.body.token as string;
}

async function cardToken(holder: string): Promise<Answer> {
  return api(null, 'POST', '/card-tokens', {
    holder,
    number: '4242424242424242',
    expMonth: 12,
    expYear: 2031,
    cvc: '7391',
    postalCode: '30301',
  });
}

/** A 1×1 PNG: attachments are checked by content, so the name is the only free text of a file. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface Actor {
  payload: Payload;
  userId: string;
  token: string;
}

// ── putting the payloads in ─────────────────────────────────────────────

/**
 * Users named after each payload (administrators, so that each can act
 * everywhere), signed in; and the payload as a new user's e-mail and user ID,
 * which are format-checked.
 */
async function seedUsers(admin: string): Promise<Actor[]> {
  const actors: Actor[] = [];
  const newUser = (userId: string, email: string, name: string) =>
    api(admin, 'POST', '/users', { userId, email, name, role: 'administrator', scope: { accounts: [], plans: [] } });
  for (const payload of PAYLOADS) {
    const userId = `xn${payload.id}`;
    const created = await newUser(userId, `${userId}@example.com`, payload.text);
    if (created.status === 201) {
      stored('user.name', payload, created.body.user.name);
      // Signing in puts the name on the audit log as an actor; the token lets the user act below.
      actors.push({ payload, userId, token: await signIn(userId, created.body.temporaryPassword) });
    } else refused('user.name', payload, why(created, 'user name'));

    const email = await newUser(`xe${payload.id}`, payload.text, `E-mail probe ${payload.id}`);
    if (email.status === 201) stored('user.email', payload, email.body.user.email);
    else refused('user.email', payload, why(email, 'user e-mail'));

    const id = await newUser(payload.text, `xi${payload.id}@example.com`, `User ID probe ${payload.id}`);
    if (id.status === 201) stored('user.userId', payload, id.body.user.userId);
    else refused('user.userId', payload, why(id, 'user ID'));
  }
  return actors;
}

/** Administrator-recovery requests naming each payload as the new administrator's name. */
async function seedRecovery(admin: string): Promise<void> {
  for (const payload of PAYLOADS) {
    const answer = await api(admin, 'POST', '/admin-recovery-requests', {
      previousAdminUserId: 'admin1',
      previousAdminEmail: ADMIN_EMAIL,
      newAdminUserId: `xr${payload.id}`,
      newAdminEmail: `xr${payload.id}@example.com`,
      newAdminName: payload.text,
    });
    if (answer.status === 201) stored('recovery.newAdminName', payload, answer.body.newAdminName);
    else refused('recovery.newAdminName', payload, why(answer, 'recovery name'));
  }
}

/** Saved cards with the payload as holder, nickname and first address line, in admin1's wallet. */
async function seedWallet(admin: string): Promise<void> {
  for (const payload of PAYLOADS) {
    let token = await cardToken(payload.text);
    if (token.status !== 201) {
      refused('wallet.holder', payload, why(token, 'card holder'));
      token = await cardToken('R Test');
      assert.equal(token.status, 201);
    }
    const address = { line1: payload.text, city: 'Atlanta', postalCode: '30301', country: 'US' };
    let body: Record<string, unknown> = { token: token.body.token, nickname: payload.text, billingAddress: address };
    let answer = await api(admin, 'POST', '/payment-methods', body);
    if (refusedField(answer, 'nickname')) {
      refused('wallet.nickname', payload, why(answer, 'nickname'));
      body = { ...body, nickname: undefined };
      answer = await api(admin, 'POST', '/payment-methods', body);
    }
    if (refusedField(answer, 'billingAddress')) {
      refused('wallet.billingAddress', payload, why(answer, 'billing address'));
      body = { ...body, billingAddress: { ...address, line1: '1 Main St' } };
      answer = await api(admin, 'POST', '/payment-methods', body);
    }
    assert.equal(answer.status, 201, `saving a card for ${payload.id}: ${JSON.stringify(answer.body)}`);
    if (!outcome('wallet.holder').refused.has(payload.id)) stored('wallet.holder', payload, answer.body.holder);
    if (!outcome('wallet.nickname').refused.has(payload.id)) stored('wallet.nickname', payload, answer.body.nickname);
    if (!outcome('wallet.billingAddress').refused.has(payload.id)) {
      stored('wallet.billingAddress', payload, answer.body.billingAddress.line1);
    }
  }
}

/** Inbound-charge exceptions with the payload as note, each added by a payload-named user. */
async function seedInbound(actors: Actor[]): Promise<void> {
  for (const [index, payload] of PAYLOADS.entries()) {
    const actor = actors[index % actors.length]!;
    const shipperAccount = `X${String(index).padStart(5, '0')}`;
    const answer = await api(actor.token, 'POST', `/accounts/${INBOUND_ACCOUNT}/inbound-charges/exceptions`, {
      shipperAccount,
      note: payload.text,
    });
    if (answer.status === 201 || answer.status === 200) {
      const exception = (answer.body.exceptions as { shipperAccount: string; note: string }[] | undefined)?.find(
        (e) => e.shipperAccount === shipperAccount,
      );
      stored('inbound.note', payload, exception?.note ?? payload.text.trim());
    } else refused('inbound.note', payload, why(answer, 'inbound note'));
  }
}

interface OpenInvoice {
  number: string;
  amount: { amount: number; currency: string };
}

/**
 * One dispute per payload, filed by a payload-named user: the payload as
 * comment, as contact e-mail (format-checked: refused, then retried with a
 * good one) and as the attachment's file name; then withdrawn with the payload
 * as reason, which the history shows.
 */
async function seedDisputes(admin: string, actors: Actor[]): Promise<void> {
  const list = await api(admin, 'GET', '/invoices?pageSize=200');
  const invoices: OpenInvoice[] = (list.body.items as (OpenInvoice & { status: string; inDispute: boolean })[]).filter(
    (i) => i.amount.amount > 1000 && !i.inDispute,
  );
  let next = 0;
  for (const [index, payload] of PAYLOADS.entries()) {
    const actor = actors[index % actors.length]!;
    let comment = payload.text;
    let contactEmail = payload.text;
    let created: Answer | undefined;
    while (next < invoices.length) {
      const invoice = invoices[next]!;
      const form = new FormData();
      form.set(
        'body',
        JSON.stringify({
          invoiceNumber: invoice.number,
          scope: 'invoice',
          reason: 'other',
          amountKind: 'disputed',
          amount: { amount: 100, currency: invoice.amount.currency },
          comment,
          contactEmail,
        }),
      );
      form.append('files', new Blob([PNG], { type: 'image/png' }), payload.text);
      const response = await fetch(`${base}/disputes`, {
        method: 'POST',
        headers: { ...clientHeader(), authorization: `Bearer ${actor.token}` },
        body: form,
      });
      const text = await response.text();
      const answer: Answer = { status: response.status, body: text ? JSON.parse(text) : null };
      if (answer.status === 201) {
        created = answer;
        next++;
        break;
      }
      if (refusedField(answer, 'contactEmail')) {
        refused('dispute.contactEmail', payload, why(answer, 'contact e-mail'));
        contactEmail = `${actor.userId}@example.com`;
        continue;
      }
      if (refusedField(answer, 'comment')) {
        refused('dispute.comment', payload, why(answer, 'comment'));
        comment = `Comment of ${payload.id} refused`;
        continue;
      }
      if (refusedField(answer, 'files')) {
        refused('dispute.attachmentName', payload, why(answer, 'file name'));
        break;
      }
      // Not this invoice (disputed already, not disputable): the next one.
      why(answer, `dispute of ${invoice.number}`);
      next++;
    }
    assert.ok(created, `no invoice left to dispute for ${payload.id}`);
    const dispute = created.body;
    if (comment === payload.text) stored('dispute.comment', payload, dispute.comment);
    if (contactEmail === payload.text) stored('dispute.contactEmail', payload, dispute.contactEmail);
    const attachment = (dispute.attachments as { name: string }[] | undefined)?.[0];
    if (attachment) stored('dispute.attachmentName', payload, attachment.name);
    const withdrawn = await api(actor.token, 'POST', `/disputes/${dispute.id}/withdraw`, { reason: payload.text });
    if (withdrawn.status === 200) {
      const note = (withdrawn.body.history as { status: string; note: string | null }[]).find(
        (e) => e.status === 'withdrawn',
      )?.note;
      stored('dispute.withdrawReason', payload, note ?? '');
    } else refused('dispute.withdrawReason', payload, why(withdrawn, 'withdrawal reason'));
  }
}

/**
 * Sign-up of a new company per payload: the payload as the first user's name,
 * the company's name, its first address line and its billing contact's name.
 * A refused part is retried plain, so that the other parts still go in.
 */
async function seedCompanies(): Promise<void> {
  for (const payload of PAYLOADS) {
    const userId = `xc${payload.id}`;
    let user = { userId, email: `${userId}@example.com`, name: payload.text, password: 'Correct-Horse-Battery-9' };
    let signUp = await api(null, 'POST', '/signup', user);
    if (refusedField(signUp, 'name')) {
      refused('signup.name', payload, why(signUp, 'sign-up name'));
      user = { ...user, name: `Sign-up ${payload.id}` };
      signUp = await api(null, 'POST', '/signup', user);
    } else if (signUp.status === 201) stored('signup.name', payload, signUp.body.user.name);
    assert.equal(signUp.status, 201, `sign-up for ${payload.id}: ${JSON.stringify(signUp.body)}`);
    const token = signUp.body.token as string;
    const card = await cardToken('R Test');
    let body = {
      companyName: payload.text,
      country: 'US',
      billingAddress: { line1: payload.text, city: 'Atlanta', postalCode: '30301', region: 'GA' },
      contact: { name: payload.text, email: `${userId}@example.com` },
      method: { token: card.body.token as string },
    };
    let answer = await api(token, 'POST', '/signup/payment-account', body);
    for (let tries = 0; answer.status === 400 && tries < 3; tries++) {
      if (refusedField(answer, 'companyName')) {
        refused('company.name', payload, why(answer, 'company name'));
        body = { ...body, companyName: `Company ${payload.id}` };
      } else if (refusedField(answer, 'billingAddress')) {
        refused('company.addressLine1', payload, why(answer, 'address'));
        body = { ...body, billingAddress: { ...body.billingAddress, line1: '1 Main St' } };
      } else if (refusedField(answer, 'contact')) {
        refused('company.contactName', payload, why(answer, 'contact'));
        body = { ...body, contact: { ...body.contact, name: 'Billing Contact' } };
      } else break;
      answer = await api(token, 'POST', '/signup/payment-account', body);
    }
    assert.equal(answer.status, 201, `payment account for ${payload.id}: ${JSON.stringify(answer.body)}`);
    if (body.companyName === payload.text) stored('company.name', payload, answer.body.company.name);
    if (body.billingAddress.line1 === payload.text) {
      stored('company.addressLine1', payload, answer.body.billingAddress.line1);
    }
    if (body.contact.name === payload.text) stored('company.contactName', payload, answer.body.contact.name);
  }
}

let ADMIN_EMAIL = '';

// ── the page ───────────────────────────────────────────────────────────

/** Every element of the library in one module, built as `scripts/build-lib.ts` builds the single-file bundles. */
async function buildHarnessScript(): Promise<string> {
  const entries = readdirSync('src')
    .filter((f) => /^ups-.*\.ts$/.test(f))
    .map((f) => `import './src/${f.replace(/\.ts$/, '.js')}';`);
  const result = await build({
    stdin: { contents: entries.join('\n'), resolveDir: process.cwd(), loader: 'ts', sourcefile: 'xss-harness.ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/** What the main views show: every element of the library that shows a user's text, and the others. */
const ALL_ELEMENTS = [
  '<ups-billing-dashboard></ups-billing-dashboard>',
  '<ups-invoice-table view="account"></ups-invoice-table>',
  '<ups-payment-activity></ups-payment-activity>',
  '<ups-dispute-list page-size="200"></ups-dispute-list>',
  '<ups-wallet view="grid"></ups-wallet>',
  '<ups-autopay wallet-href="#wallet"></ups-autopay>',
  '<ups-user-admin page-size="200"></ups-user-admin>',
  '<ups-accounts></ups-accounts>',
  `<ups-inbound-charges account="${INBOUND_ACCOUNT}"></ups-inbound-charges>`,
  '<ups-pay-form></ups-pay-form>',
];

/** The elements that show account nicknames or the AutoPay acceptor, for the rounds of nicknames. */
const ROUND_ELEMENTS = [
  '<ups-invoice-table view="account"></ups-invoice-table>',
  '<ups-dispute-list></ups-dispute-list>',
  '<ups-autopay wallet-href="#wallet"></ups-autopay>',
  '<ups-accounts></ups-accounts>',
  `<ups-inbound-charges account="${INBOUND_ACCOUNT}"></ups-inbound-charges>`,
];

const harnessHtml = (locale: string, elements: string[]) => `<!doctype html>
<html lang="${locale}">
  <head>
    <meta charset="utf-8" />
    <title>XSS harness</title>
    <script type="module" src="/xss-harness.js"></script>
  </head>
  <body>
    <ups-billing-provider id="provider" api-base="/api/v1" locale="${locale}">
      ${elements.join('\n      ')}
    </ups-billing-provider>
  </body>
</html>`;

/**
 * Installed before any script of the page: the `__xss` marker every payload
 * calls, and the scan. The scan walks the document and every shadow root
 * (nested ones too) and reports what no template of ours ever renders: an
 * `on…` attribute (Lit binds listeners, never attributes), a `data-xq`
 * attribute (the corpus's inert markup), an element of a kind our templates
 * never use, an iframe other than the card frame, a URL attribute with a
 * script or data scheme, a style attribute carrying payload text. It also
 * returns all the text, so that the test can find each payload as text.
 */
const PROBES = String.raw`(() => {
  window.__xss = (id) => window.__xssReport(String(id));
  const FOREIGN = new Set(
    'script img svg style template math noscript object embed link meta base video audio source marquee frame frameset applet portal xmp plaintext title body'.split(' '),
  );
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster']);
  // The whole page; or one element's shadow root (a tag name), or one subtree (an element, e.g. an open dialog).
  window.__xssScan = (target) => {
    const findings = [];
    const texts = [];
    const start = typeof target === 'string' ? document.querySelector(target).shadowRoot : target || document;
    const roots = [start];
    for (let i = 0; i < roots.length; i++) {
      const root = roots[i];
      const scope = root === document ? document.body : root;
      const where = root === document ? 'document' : root.host ? root.host.localName : root.localName;
      texts.push(scope.textContent || '');
      for (const element of scope.querySelectorAll('*')) {
        if (element.shadowRoot) roots.push(element.shadowRoot);
        const tag = element.localName;
        const html = where + ': ' + element.outerHTML.slice(0, 160);
        if (FOREIGN.has(tag)) findings.push('foreign <' + tag + '> in ' + html);
        // Our templates use standard elements and custom ones; an unknown one (<scr<script>, <xss>) came from text.
        if (element instanceof HTMLUnknownElement) findings.push('unknown <' + tag + '> in ' + html);
        if (tag === 'iframe' && !element.classList.contains('card-frame')) findings.push('iframe in ' + html);
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on')) findings.push(name + ' attribute in ' + html);
          if (name === 'data-xq') findings.push('injected markup in ' + html);
          // Browsers ignore ASCII whitespace and control characters inside a scheme.
          const scheme = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (URL_ATTRIBUTES.has(name) && /^(javascript|data|vbscript):/.test(scheme)) findings.push(name + ' URL in ' + html);
          if (name === 'style' && /__xss|x\.invalid|expression\(/.test(attribute.value)) findings.push('style in ' + html);
        }
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) texts.push(element.value);
        if (element instanceof HTMLSelectElement) for (const option of element.options) texts.push(option.text);
        for (const name of ['aria-label', 'title']) if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
      }
    }
    return { findings, text: texts.join('\n') };
  };
})();`;

interface Watch {
  executions: string[];
  errors: string[];
}

let origin = '';
/** The views checked, for the report. */
const views: string[] = [];
/** An open invoice for the pay form, as the invoice list gives it. */
let payInvoice: unknown;
/** The import rows as the report shows them: each payload as read, cut to 100 characters. */
let importRows: string[] = [];
let script = '';

async function openHarness(
  browser: Browser,
  locale: string,
  token: string,
  elements = ALL_ELEMENTS,
): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage();
  const watch: Watch = { executions: [], errors: [] };
  await page.exposeBinding('__xssReport', (_source, id: string) => void watch.executions.push(`__xss(${id})`));
  page.on('dialog', (dialog) => {
    watch.executions.push(`${dialog.type()}(${dialog.message()})`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('popup', (popup) => watch.executions.push(`popup ${popup.url()}`));
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(`${origin}/xss-harness`)) {
      watch.executions.push(`navigation to ${frame.url()}`);
    }
  });
  // Nothing legitimate goes to x.invalid: a request there is a payload's CSS, link or navigation at work.
  await page.route(/x\.invalid/, (route) => {
    watch.executions.push(`request ${route.request().url()}`);
    // No content: a navigation answered so stays on the page, which the test goes on scanning.
    return route.fulfill({ status: 204 });
  });
  await page.route(`${origin}/xss-harness.html`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: harnessHtml(locale, elements) }),
  );
  await page.route(`${origin}/xss-harness.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script }),
  );
  await page.addInitScript({ content: PROBES });
  await page.goto(`${origin}/xss-harness.html`);
  await page.evaluate(async (token) => {
    await customElements.whenDefined('ups-billing-provider');
    (document.getElementById('provider') as unknown as { token: string }).token = token;
  }, token);
  return { page, watch };
}

interface Scan {
  findings: string[];
  text: string;
}

/** The scan of the whole page, or of one element (a tag name) with the shadow roots within. */
const scan = (page: Page, tag?: string) =>
  page.evaluate((tag) => (window as unknown as { __xssScan: (tag?: string) => Scan }).__xssScan(tag), tag);

/**
 * Waits until every one of `texts` is on the page as text (or until `timeout`),
 * then answers the ones still missing and what the scan found meanwhile.
 */
async function waitForTexts(
  page: Page,
  texts: string[],
  tag?: string,
  timeout = 15_000,
): Promise<{ missing: string[]; scan: Scan }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await scan(page, tag);
    const missing = texts.filter((t) => !found.text.includes(t));
    if (missing.length === 0 || Date.now() > deadline) return { missing, scan: found };
    await page.waitForTimeout(150);
  }
}

/** One CSV row holding `text` as its only field, quoted as RFC 4180 says. */
const csvRow = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Clicks `selector` in `tag`'s shadow root once it is there. A click by script,
 * not by pointer: another element's modal dialog may be open above it.
 */
async function clickIn(page: Page, tag: string, selector: string): Promise<void> {
  await page.locator(`${tag} ${selector}`).first().waitFor({ state: 'attached' });
  await page
    .locator(`${tag} ${selector}`)
    .first()
    .evaluate((element) => (element as HTMLElement).click());
}

/** Closes `tag`'s open dialog, if any. */
const closeDialog = (page: Page, tag: string) =>
  page.evaluate(
    (tag) => document.querySelector(tag)!.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]')?.close(),
    tag,
  );

interface Gathered {
  text: string;
  findings: string[];
}

/**
 * Opens, one by one, the dialog of each `selector` button in `tag`'s shadow
 * root, scans the page while it is open, gathers the dialog's text and field
 * values, and closes it.
 */
function openEach(page: Page, tag: string, selector: string): Promise<Gathered> {
  return page.evaluate(
    async ([tag, selector]) => {
      const host = document.querySelector(tag)!;
      const root = host.shadowRoot!;
      const texts: string[] = [];
      const findings = new Set<string>();
      const count = root.querySelectorAll(selector).length;
      for (let i = 0; i < count; i++) {
        root.querySelectorAll<HTMLElement>(selector)[i]!.click();
        let dialog: HTMLDialogElement | null = null;
        for (let wait = 0; !dialog && wait < 100; wait++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          dialog = root.querySelector<HTMLDialogElement>('dialog[open]');
        }
        if (!dialog) {
          findings.add(`no dialog opened by ${selector} #${i}`);
          continue;
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
        texts.push(dialog.textContent ?? '');
        for (const field of dialog.querySelectorAll<HTMLInputElement>('input, textarea')) texts.push(field.value);
        const scan = (window as unknown as { __xssScan: (target: Element) => Gathered }).__xssScan(dialog);
        for (const finding of scan.findings) findings.add(finding);
        // The element tidies up on the `close` event, which comes a task later: wait for it, and for the
        // element to render, before opening the next one (or its tidying would empty the next dialog).
        const closed = new Promise((resolve) => dialog!.addEventListener('close', resolve, { once: true }));
        dialog.close();
        await closed;
        await new Promise((resolve) => setTimeout(resolve, 0));
        await (host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      }
      return { text: texts.join('\n'), findings: [...findings] };
    },
    [tag, selector] as const,
  );
}

/** Every page of `tag`'s pager, from the one shown to the last: their texts and the scan of each. */
async function everyPage(page: Page, tag: string): Promise<Gathered> {
  const texts: string[] = [];
  const findings = new Set<string>();
  const next = page.locator(`${tag} .pager button`).last();
  const label = page.locator(`${tag} .pager .page`);
  for (let pages = 0; pages < 50; pages++) {
    await page.waitForFunction(
      (tag) => !document.querySelector(tag)!.shadowRoot!.querySelector('[aria-busy="true"]'),
      tag,
    );
    const found = await scan(page, tag);
    texts.push(found.text);
    for (const finding of found.findings) findings.add(finding);
    if (
      (await next.count()) === 0 ||
      (await next.isDisabled()) ||
      (await next.getAttribute('aria-disabled')) === 'true'
    ) {
      break;
    }
    const shown = await label.textContent();
    await next.click();
    await page.waitForFunction(
      ([tag, shown]) => document.querySelector(tag)!.shadowRoot!.querySelector('.pager .page')?.textContent !== shown,
      [tag, shown] as const,
    );
  }
  return { text: texts.join('\n'), findings: [...findings] };
}

// ── the suite ──────────────────────────────────────────────────────────

describe('XSS corpus through every user-writable text', () => {
  let db: Db;
  let server: ReturnType<typeof serve>;
  let browser: Browser;
  let admin = '';

  before(async () => {
    const [built, database] = await Promise.all([buildHarnessScript(), freshDatabase()]);
    script = built;
    db = database;
    const made: { app?: ReturnType<typeof createNodeApp> } = {};
    server = serve({ fetch: (request) => made.app!.fetch(request), port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    origin = `http://localhost:${port}`;
    base = `http://127.0.0.1:${port}/api/v1`;
    made.app = createNodeApp({
      db,
      log: silentLogger,
      // Sign-ups and card tokens are limited per address; the seeding below speaks for many clients.
      clientIp: (c) => c.req.header('x-test-client') ?? 'browser',
      config: {
        // Users created here sign in at test cost, as the seeded ones do.
        passwordIterations: TEST_PASSWORD_ITERATIONS,
        cardFrameUrl: `http://127.0.0.1:${port}/card-frame`,
        cardFrameAncestors: [origin],
      },
    });
    browser = await launchChromium();
    admin = await signIn('admin1');
    ADMIN_EMAIL = (await api(admin, 'GET', '/session')).body.user.email;
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await db?.close();
  });

  test('the probes see each markup payload when it is injected on purpose', async () => {
    // The control: were an element to put a payload in as HTML (in a shadow root, as ours render), the binding,
    // the dialog watch or the scan must catch it; otherwise a clean run below would prove nothing.
    const { page, watch } = await openHarness(browser, 'en', admin);
    const missed: string[] = [];
    for (const payload of PAYLOADS.filter((p) => /<[a-z]/i.test(p.text))) {
      const before = watch.executions.length;
      const findings = await page
        .evaluate(async (text) => {
          const host = document.createElement('div');
          document.body.append(host);
          // The injection on purpose: the sink our elements must never be.
          // eslint-disable-next-line no-restricted-properties
          host.attachShadow({ mode: 'open' }).innerHTML = text;
          await new Promise((resolve) => setTimeout(resolve, 30));
          const found = (window as unknown as { __xssScan: () => Scan }).__xssScan().findings;
          // Some markup is dropped by the parser here (a <body> tag in a fragment): nothing to see, nothing missed.
          if (!host.shadowRoot!.querySelector('*')) found.push('inert');
          host.remove();
          return found;
        }, payload.text)
        .catch(async () => {
          // A payload that navigates takes the page with it (its request to x.invalid is recorded): a fresh one.
          await page.waitForTimeout(200);
          await page.goto(`${origin}/xss-harness.html`);
          return [] as string[];
        });
      if (findings.length === 0 && watch.executions.length === before) missed.push(payload.id);
    }
    await page.close();
    assert.deepEqual(missed, [], 'markup payloads the probes did not see');
  });

  test('the API stores each payload in every free-text field, or refuses it with a 4xx', async () => {
    const started = performance.now();
    // Independent phases at once: on PostgreSQL the server serves them in parallel.
    await Promise.all([
      seedUsers(admin).then(async (actors) => {
        assert.ok(actors.length >= MIN_STORED, `only ${actors.length} payload-named users`);
        await Promise.all([seedInbound(actors), seedDisputes(admin, actors)]);
      }),
      seedRecovery(admin),
      seedWallet(admin),
      seedCompanies(),
    ]);
    console.log(`xss corpus stored in ${Math.round(performance.now() - started)} ms`);

    // What the pages need besides: an open invoice a card can pay, and the import's rows as its report shows them.
    const invoices = await api(admin, 'GET', '/invoices?status=open&pageSize=200');
    payInvoice = (invoices.body.items as { type: string; amountDue: { amount: number; currency: string } }[]).find(
      (i) => i.type !== 'import' && i.amountDue.amount > 0 && i.amountDue.currency === 'USD',
    );
    assert.ok(payInvoice, 'an open invoice to pay');
    importRows = PAYLOADS.map((p) => csvRow(p.text).slice(0, 100));
    const report = [...outcomes].map(
      ([field, { stored, refused }]) =>
        `${field}: ${stored.size} stored, ${refused.size} refused` +
        (refused.size ? ` (${[...refused.keys()].join(' ')})` : ''),
    );
    console.log(`xss corpus of ${PAYLOADS.length} payloads:\n  ${report.join('\n  ')}`);
    for (const [field, { stored }] of outcomes) {
      if (FORMAT_FIELDS.has(field)) continue;
      const limit = LIMITS[field];
      assert.ok(limit, `${field} has a limit`);
      const fits = PAYLOADS.filter((p) => p.text.trim().length <= limit).map((p) => p.id);
      assert.deepEqual([...stored.keys()].sort(), fits, `${field}: stored exactly the payloads within ${limit}`);
      // Stored as typed (trimmed): not escaped, not cleaned; escaping is the renderer's job. File names excepted.
      if (field !== 'dispute.attachmentName') {
        const changed = [...stored].filter(([id, value]) => value !== PAYLOADS.find((p) => p.id === id)!.text.trim());
        assert.deepEqual(changed, [], `${field}: stored as typed`);
      }
      assert.ok(stored.size >= MIN_STORED, `${field}: only ${stored.size} stored`);
    }
  });

  for (const locale of ['en', 'fr']) {
    test(`${locale}: every element shows every stored payload as text, and none runs or injects`, async () => {
      assert.ok(outcome('user.name').stored.size > 0, 'the payloads are in');
      const { page, watch } = await openHarness(browser, locale, admin);
      const failures: string[] = [];
      /** Waits for `texts` on the page, then records the missing ones and the scan's findings. */
      /** Waits for `texts` in `tag`, then records the missing ones and what the scan of `tag` found. */
      const check = async (view: string, tag: string, texts: string[]) => {
        const { missing, scan } = await waitForTexts(page, texts, tag);
        verdict(view, texts, missing, scan.findings);
      };
      let mark = performance.now();
      const verdict = (view: string, texts: string[], missing: string[], findings: string[]) => {
        views.push(`${locale} ${view}: ${texts.length} payload texts (${Math.round(performance.now() - mark)} ms)`);
        mark = performance.now();
        if (missing.length) failures.push(`${view}: ${missing.length} not shown, e.g. ${JSON.stringify(missing[0])}`);
        failures.push(...findings.map((f) => `${view}: ${f}`));
      };
      const names = storedTexts('user.name');

      // <ups-user-admin>: the Users tab (names, and any e-mail or user ID a payload got into)…
      await check('user-admin users', 'ups-user-admin', [
        ...names,
        ...storedTexts('user.email'),
        ...storedTexts('user.userId'),
      ]);
      // …each payload user's row opened: the edit dialog in English, the remove dialog in French, both naming the user.
      const opened = await openEach(
        page,
        'ups-user-admin',
        locale === 'en' ? 'button[data-edit]' : 'button[data-remove]',
      );
      verdict(
        `user-admin ${locale === 'en' ? 'edit' : 'remove'} dialogs`,
        names,
        names.filter((n) => !opened.text.includes(n)),
        opened.findings,
      );
      // …the audit log, every page (payload users signed in and acted, so they are its actors)…
      await clickIn(page, 'ups-user-admin', '#tab-audit');
      // Sign-ins only: each payload user has one, and the log is then a few pages, not twenty.
      const pager = page.locator('ups-user-admin .pager .page');
      await pager.waitFor();
      const unfiltered = await pager.textContent();
      await page.locator('ups-user-admin #audit-filter').selectOption('session.');
      // The filtered log has fewer pages: wait for it, lest the unfiltered first page be read in its place.
      await page.waitForFunction(
        (shown) =>
          document.querySelector('ups-user-admin')!.shadowRoot!.querySelector('.pager .page')?.textContent !== shown,
        unfiltered,
      );
      const audit = await everyPage(page, 'ups-user-admin');
      verdict(
        'user-admin audit log',
        names,
        names.filter((n) => !audit.text.includes(n)),
        audit.findings,
      );
      // …and the administrator-recovery requests.
      await clickIn(page, 'ups-user-admin', '#tab-recovery');
      await check('user-admin recovery', 'ups-user-admin', storedTexts('recovery.newAdminName'));

      // <ups-wallet>: nicknames and holders, in the grid and in the list; each card's edit dialog has its address.
      const wallet = [...storedTexts('wallet.nickname'), ...storedTexts('wallet.holder')];
      await check('wallet grid', 'ups-wallet', wallet);
      await page.evaluate(() => document.querySelector('ups-wallet')!.setAttribute('view', 'list'));
      await check('wallet list', 'ups-wallet', wallet);
      const addresses = storedTexts('wallet.billingAddress');
      const edits = await openEach(page, 'ups-wallet', 'button[data-edit]');
      verdict(
        'wallet edit dialogs',
        addresses,
        addresses.filter((a) => !edits.text.includes(a)),
        edits.findings,
      );

      // <ups-pay-form> for an open invoice: the saved methods to choose from, by nickname.
      await page.evaluate((invoice) => {
        (document.querySelector('ups-pay-form') as unknown as { invoices: unknown[] }).invoices = [invoice];
      }, payInvoice);
      await check('pay-form saved methods', 'ups-pay-form', storedTexts('wallet.nickname'));

      // <ups-autopay>: a new rule's choice of method, by nickname.
      await clickIn(page, 'ups-autopay', '#create');
      await check('autopay method choice', 'ups-autopay', storedTexts('wallet.nickname'));
      await closeDialog(page, 'ups-autopay');

      // <ups-dispute-list>: every dispute's details — who filed it, comment, file name, history with the reason.
      await page.evaluate(() => {
        const root = document.querySelector('ups-dispute-list')!.shadowRoot!;
        for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-toggle]')) button.click();
      });
      await check('dispute-list details', 'ups-dispute-list', [
        ...storedTexts('dispute.comment'),
        ...storedTexts('dispute.attachmentName'),
        ...storedTexts('dispute.withdrawReason'),
        ...storedTexts('dispute.contactEmail'),
        ...names,
      ]);

      // <ups-inbound-charges>: the account's exceptions (notes, and who added them)…
      await check('inbound-charges exceptions', 'ups-inbound-charges', [...storedTexts('inbound.note'), ...names]);
      // …and an import whose rows are the payloads: the report shows each bad row as read.
      await page
        .locator('ups-inbound-charges #csv')
        .fill(['shipper,note', ...PAYLOADS.map((p) => csvRow(p.text))].join('\n'));
      await clickIn(page, 'ups-inbound-charges', 'button.check');
      await check('inbound-charges import report', 'ups-inbound-charges', importRows);

      // Last, the whole page at once, every element and dialog as the views above left them.
      failures.push(...(await scan(page)).findings.map((f) => `whole page: ${f}`));
      assert.deepEqual(watch.executions, [], 'nothing ran');
      assert.deepEqual(failures, [], 'every payload shown, none injected');
      assert.deepEqual(watch.errors, [], 'no page error');
      await page.close();
    });
  }

  test('account nicknames and the AutoPay acceptor’s name, a batch at a time, in every element that shows them', async () => {
    // Eight accounts: eight nicknames at a time, so the corpus takes rounds. Each round also renames admin1, who
    // accepted the seeded AutoPay rules: the rule cards show the acceptor's name as it is now.
    const accounts = ((await api(admin, 'GET', '/accounts')).body.items as { number: string }[]).map((a) => a.number);
    const adminId = (await api(admin, 'GET', '/session')).body.user.id as string;
    const failures: string[] = [];
    const executions: string[] = [];
    const acceptors: string[] = [];
    for (let round = 0; round * accounts.length < PAYLOADS.length; round++) {
      const batch = PAYLOADS.slice(round * accounts.length, (round + 1) * accounts.length);
      const nicknames: string[] = [];
      for (const [index, payload] of batch.entries()) {
        const answer = await api(admin, 'PATCH', `/accounts/${accounts[index]}`, { nickname: payload.text });
        if (answer.status === 200) {
          stored('account.nickname', payload, answer.body.nickname);
          nicknames.push(answer.body.nickname);
        } else {
          refused('account.nickname', payload, why(answer, 'account nickname'));
          assert.equal((await api(admin, 'PATCH', `/accounts/${accounts[index]}`, { nickname: null })).status, 200);
        }
      }
      const acceptor = batch.find((p) => p.text.trim().length <= LIMITS['user.name']!);
      const acceptorName: string[] = [];
      if (acceptor) {
        const renamed = await api(admin, 'PATCH', `/users/${adminId}`, { name: acceptor.text });
        assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
        acceptors.push(acceptor.id);
        acceptorName.push(renamed.body.name);
      }

      const locale = round % 2 ? 'fr' : 'en';
      const { page, watch } = await openHarness(browser, locale, admin, ROUND_ELEMENTS);
      const view = async (name: string, tag: string, texts: string[]) => {
        const { missing, scan } = await waitForTexts(page, texts, tag);
        views.push(`${locale} round ${round + 1} ${name}: ${texts.length} payload texts`);
        if (missing.length) failures.push(`${name}: ${missing.length} not shown, e.g. ${JSON.stringify(missing[0])}`);
        failures.push(...scan.findings.map((f) => `${name}: ${f}`));
      };
      // Each element on its own, so that each must show every nickname (and its list be there for the dialogs).
      await view('accounts table', 'ups-accounts', nicknames);
      await view('invoice-table account filter', 'ups-invoice-table', nicknames);
      await view('dispute-list account filter', 'ups-dispute-list', nicknames);
      await view('inbound-charges account choice', 'ups-inbound-charges', nicknames);
      await view('autopay rule cards (acceptor)', 'ups-autopay', acceptorName);
      const dialogs = await openEach(page, 'ups-accounts', 'button[data-action="nickname"]');
      const missing = nicknames.filter((n) => !dialogs.text.includes(n));
      views.push(`${locale} round ${round + 1} accounts nickname dialogs: ${nicknames.length} payload texts`);
      if (missing.length) {
        failures.push(`accounts nickname dialogs: ${missing.length} not shown, e.g. ${JSON.stringify(missing[0])}`);
      }
      failures.push(...dialogs.findings.map((f) => `accounts nickname dialogs: ${f}`));
      executions.push(...watch.executions, ...watch.errors.map((e) => `page error ${e}`));
      await page.close();
    }
    const fits = PAYLOADS.filter((p) => p.text.trim().length <= LIMITS['account.nickname']!).map((p) => p.id);
    assert.deepEqual(
      [...outcome('account.nickname').stored.keys()].sort(),
      fits,
      'stored exactly the nicknames within 40',
    );
    console.log(
      `xss account.nickname: ${outcome('account.nickname').stored.size} stored, ${outcome('account.nickname').refused.size} refused; ` +
        `AutoPay acceptor renamed to ${acceptors.join(' ')}`,
    );
    assert.deepEqual(executions, [], 'nothing ran');
    assert.deepEqual(failures, [], 'every nickname shown, none injected');
  });

  test('a company signed up through <ups-enrollment> with a payload name: the confirmation shows it as text', async () => {
    // The only element that shows a company's name. Typing the whole sign-up costs seconds, so a sample of the
    // corpus goes this way: a signed-in user without a company types the payment account and a bank account.
    const sample = PAYLOADS.filter((p) => ENROLLMENT_SAMPLE.includes(p.kind));
    assert.equal(sample.length, ENROLLMENT_SAMPLE.length, 'the sample is in the corpus');
    const failures: string[] = [];
    const executions: string[] = [];
    for (const [index, payload] of sample.entries()) {
      const userId = `xu${payload.id}`;
      const signUp = await api(null, 'POST', '/signup', {
        userId,
        email: `${userId}@example.com`,
        name: `Enrolling ${payload.id}`,
        password: 'Correct-Horse-Battery-9',
      });
      assert.equal(signUp.status, 201, JSON.stringify(signUp.body));
      const locale = index % 2 ? 'fr' : 'en';
      const { page, watch } = await openHarness(browser, locale, signUp.body.token, [
        '<ups-enrollment></ups-enrollment>',
      ]);
      const field = (id: string) => page.locator(`ups-enrollment #${id}`);
      await field('company').fill(payload.text);
      await field('country').selectOption('US');
      await field('line1').fill(payload.text);
      await field('city').fill('Atlanta');
      await field('postal-code').fill('30301');
      await field('region').fill('GA');
      await field('contact-name').fill(payload.text);
      await field('contact-email').fill(`${userId}@example.com`);
      await page.locator('ups-enrollment form.signup-company button[type=submit]').click();
      await page.locator('ups-enrollment input[name="add-type"][value="ach"]').check();
      await field('holder').fill(payload.text);
      await field('routing').fill('011000015');
      await field('account-number').fill('000123456789');
      await page.locator('ups-enrollment form.signup-method button[type=submit]').click();
      await page.locator('ups-enrollment .done').waitFor();
      const { missing, scan: found } = await waitForTexts(page, [payload.text.trim()], 'ups-enrollment');
      views.push(`${locale} enrollment confirmation: ${payload.id} (${payload.kind})`);
      if (missing.length) failures.push(`enrollment confirmation: ${payload.id} not shown`);
      failures.push(...found.findings.map((f) => `enrollment confirmation ${payload.id}: ${f}`));
      executions.push(...watch.executions, ...watch.errors.map((e) => `page error ${e}`));
      await page.close();
    }
    assert.deepEqual(executions, [], 'nothing ran');
    assert.deepEqual(failures, [], 'every company name shown, none injected');
  });

  after(() => console.log(`xss views checked:\n  ${views.join('\n  ')}`));
});
