/**
 * The marketing page: `<ups-pay-form guest>` alone, loaded by one module
 * script of its single-file bundle, under the strict policy of csp.json with
 * Trusted Types enforced. A visitor pays an invoice through the card frame,
 * and the page reports no policy violation at all.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CSP, parseContentSecurityPolicy } from '../../server/csp.js';
import { buildBundles, recordingPage, startPageServer, type PageServer } from './pages-support.js';
import { launchChromium } from './support.js';

const bundleRoot = `.data/e2e-guest-bundles-${process.pid}`;

describe('guest pay page', () => {
  let server: PageServer;
  let browser: Browser;

  before(async () => {
    await buildBundles(['pay-form'], bundleRoot);
    server = await startPageServer(bundleRoot);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(bundleRoot, { recursive: true, force: true });
  });

  test('the page is one module script of the single-file bundle, sent with the policy of csp.json', async () => {
    const response = await fetch(`${server.origin}/guest`);
    assert.equal(response.status, 200);
    const page = await response.text();
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script type="module" src="/bundles/ups-pay-form.js">']);
    assert.doesNotMatch(page, /<script[^>]*>[^<\s]/, 'no inline script');
    assert.doesNotMatch(page, /\sstyle=/, 'no style attribute');
    assert.match(page, /<ups-pay-form guest api-base="\/api\/v1"/);

    const header = response.headers.get('content-security-policy') ?? '';
    const sent = parseContentSecurityPolicy(header);
    for (const [name, sources] of Object.entries(CSP.directives)) {
      const extra = name === 'frame-src' ? [new URL(server.origin.replace('localhost', '127.0.0.1')).origin] : [];
      assert.deepEqual(sent.get(name), [...sources, ...extra], `${name} as csp.json says`);
    }
    // Exactly the documented policies: one bundle, one copy of Lit, so no 'allow-duplicates'.
    assert.deepEqual(sent.get('trusted-types'), CSP.trustedTypesPolicies);
    assert.deepEqual(sent.get('require-trusted-types-for'), ["'script'"]);
    assert.equal(sent.size, Object.keys(CSP.directives).length + 1, 'no directive csp.json does not list');
    assert.doesNotMatch(header, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');

    const bundle = await fetch(`${server.origin}/bundles/ups-pay-form.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.doesNotMatch(
      await bundle.text(),
      /^\s*import\s|from\s*["'][a-z@]/m,
      'no import left: every dependency is inside',
    );
    assert.equal((await fetch(`${server.origin}/bundles/..%2Fpackage.json`)).status, 404);
    assert.equal((await fetch(`${server.origin}/bundles/nothing.txt`)).status, 404);
  });

  test('Trusted Types are enforced on the page, and the test sees a violation when there is one', async () => {
    const page = await recordingPage(browser);
    await page.goto(`${server.origin}/guest`);
    await page.waitForFunction(() => customElements.get('ups-pay-form') !== undefined);
    const sink = await page.evaluate(() => {
      try {
        // The one raw-HTML sink in this repository, on purpose: the page must refuse it.
        // eslint-disable-next-line no-restricted-properties
        document.body.insertAdjacentHTML('beforeend', '<b>raw</b>');
        return 'accepted';
      } catch {
        return 'refused';
      }
    });
    assert.equal(sink, 'refused');
    assert.ok(
      (await page.problems()).some((p) => p.includes('require-trusted-types-for')),
      'the recorder caught the refusal',
    );
    await page.close();
  });

  test('a visitor pays an invoice as a guest through the card frame, with no policy violation', async () => {
    const [invoice] = await server.db.query<{ number: string; account: string; amount_due: number }>(
      `select i.number, a.number as account, i.amount_due::int as amount_due
         from invoices i join accounts a on a.id = i.account_id
        where a.number = 'F3R902' and i.status in ('open', 'past_due') and i.amount_due > 0
          and i.type <> 'import' and not i.in_dispute
        order by i.due_date, i.number limit 1`,
    );
    assert.ok(invoice, 'the seed has an outstanding invoice on F3R902');

    const page = await recordingPage(browser);
    await page.goto(`${server.origin}/guest`);
    await page.evaluate(() => {
      const receipts: string[] = [];
      (window as unknown as { receipts: string[] }).receipts = receipts;
      document.addEventListener('ups-payment-success', (e) => receipts.push(e.detail.receipt.confirmationNumber));
    });
    // Playwright's CSS selectors reach into open shadow roots.
    await page.fill('ups-pay-form #account', invoice.account.toLowerCase());
    await page.fill('ups-pay-form #invoice', invoice.number);
    await page.fill('ups-pay-form #amount', (invoice.amount_due / 100).toFixed(2));
    await page.click('ups-pay-form button[type=submit]');
    await page.locator('ups-pay-form .found').filter({ hasText: invoice.number }).waitFor();

    await page.locator('ups-pay-form .method label').filter({ hasText: 'New card' }).click();
    await page.waitForFunction(() => document.querySelector('ups-pay-form')!.matches(':state(card-ready)'));
    const iframe = page.locator('ups-pay-form iframe');
    assert.match((await iframe.getAttribute('src')) ?? '', /^http:\/\/127\.0\.0\.1:\d+\/card-frame/);
    const frame = page.frameLocator('ups-pay-form iframe');
    await frame.locator('#holder').fill('Jane Payer');
    await frame.locator('#number').fill('4242 4242 4242 4242');
    await frame.locator('#expiry').fill('12/31');
    await frame.locator('#cvc').fill('7319');
    await frame.locator('#postalCode').fill('75001');
    // Enter in the frame is the payer's "continue": the form moves to the review.
    await frame.locator('#postalCode').press('Enter');
    await page.locator('ups-pay-form .review').waitFor();
    await page
      .locator('ups-pay-form .review button.primary')
      .filter({ hasText: /^\s*Pay/ })
      .click();
    const receipt = page.locator('ups-pay-form div[part=receipt]');
    await receipt.waitFor();
    assert.match(await receipt.innerText(), new RegExp(invoice.number));
    assert.match(await receipt.innerText(), /Visa •••• 4242/);

    const receipts = await page.evaluate(() => (window as unknown as { receipts: string[] }).receipts);
    assert.equal(receipts.length, 1, 'the host heard ups-payment-success once');
    const [paid] = await server.db.query<{ amount_due: number; status: string }>(
      'select amount_due::int as amount_due, status from invoices where number = $1',
      [invoice.number],
    );
    assert.equal(paid!.amount_due, 0, 'the server recorded the payment');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});
