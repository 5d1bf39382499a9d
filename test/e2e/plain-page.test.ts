/**
 * The server-rendered page with no build step: HTML from the server, the
 * single-file bundles of the provider, the invoice table and the pay form,
 * and one hand-written script for sign-in. Each bundle carries its own copy
 * of Lit, so this page needs csp.json's `severalBundles` addition
 * ('allow-duplicates') and nothing else.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CSP, parseContentSecurityPolicy } from '../../server/csp.js';
import { buildBundles, recordingPage, startPageServer, type PageServer, type RecordingPage } from './pages-support.js';
import { launchChromium } from './support.js';

const bundleRoot = `.data/e2e-plain-bundles-${process.pid}`;

describe('server-rendered page with the single-file bundles', () => {
  let server: PageServer;
  let browser: Browser;

  before(async () => {
    await buildBundles(['billing-provider', 'invoice-table', 'pay-form'], bundleRoot);
    server = await startPageServer(bundleRoot);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(bundleRoot, { recursive: true, force: true });
  });

  const rows = (page: RecordingPage) =>
    page.evaluate(() =>
      [
        ...document
          .querySelector('ups-invoice-table')!
          .shadowRoot!.querySelectorAll('.frame tbody tr:not(.skeleton):not(.spacer)'),
      ].map((row) => row.children[2]!.textContent!.trim()),
    );

  async function signIn(page: RecordingPage, userId: string, password: string): Promise<void> {
    await page.fill('#user-id', userId);
    await page.fill('#password', password);
    await page.click('#sign-in-form button[type=submit]');
  }

  test('the server renders the page: external module scripts only, and csp.json’s policy for several bundles', async () => {
    const response = await fetch(`${server.origin}/plain/invoices?lang=fr`);
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /<html lang="fr">/, 'the server chose the language');
    assert.match(page, /<ups-billing-provider id="provider" api-base="\/api\/v1">/);
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [
      '<script type="module" src="/bundles/ups-billing-provider.js">',
      '<script type="module" src="/bundles/ups-invoice-table.js">',
      '<script type="module" src="/bundles/ups-pay-form.js">',
      '<script type="module" src="/pages/plain-invoices.js">',
    ]);
    assert.doesNotMatch(page, /<script[^>]*>[^<\s]/, 'no inline script');
    assert.doesNotMatch(page, /\sstyle=|\son[a-z]+=/, 'no style attribute, no inline handler');

    const sent = parseContentSecurityPolicy(response.headers.get('content-security-policy') ?? '');
    assert.deepEqual(sent.get('trusted-types'), [...CSP.trustedTypesPolicies, ...CSP.severalBundles['trusted-types']!]);
    for (const [name, sources] of Object.entries(CSP.directives)) {
      if (name !== 'frame-src') assert.deepEqual(sent.get(name), sources, `${name} as csp.json says`);
    }
    const script = await fetch(`${server.origin}/pages/plain-invoices.js`);
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
  });

  test('a user signs in, sees their own invoices in English and pays one by card, with no policy violation', async () => {
    const page = await recordingPage(browser);
    await page.goto(`${server.origin}/plain/invoices`);
    await signIn(page, 'payer1', 'demo-password');
    await page.waitForFunction(() =>
      Boolean(
        document
          .querySelector('ups-invoice-table')
          ?.shadowRoot?.querySelector('.frame tbody tr:not(.skeleton):not(.spacer)'),
      ),
    );
    const accounts = new Set(await rows(page));
    assert.ok(accounts.size > 0);
    assert.deepEqual(
      [...accounts].filter((a) => a !== '4R7X21' && a !== 'F3R901'),
      [],
      'only the accounts in payer1’s scope',
    );
    assert.match((await page.textContent('#who')) ?? '', /\(payer1\)/);
    // The table comes from one bundle and the provider from another: the texts must still be found.
    assert.equal(await page.locator('ups-invoice-table caption').innerText(), 'My account invoices');
    assert.equal(await page.isHidden('#sign-in'), true);

    // "Pay" on a selected invoice: the page's script hears ups-pay-request and opens its dialog with it.
    const row = page
      .locator('ups-invoice-table tbody tr:not(.skeleton):not(.spacer)')
      .filter({ has: page.locator('.badge.open'), hasNot: page.locator('.flag.dispute') })
      .filter({ hasText: 'Delivery service' })
      .first();
    const number = (await row.locator('th button').textContent())!.trim();
    await row.locator('input[type=checkbox]').check();
    await page.locator('ups-invoice-table .bulk button.primary').click();
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('#pay-dialog')!.open);
    assert.deepEqual(await page.evaluate(() => document.querySelector('ups-pay-form')!.invoices.map((i) => i.number)), [
      number,
    ]);

    // Paid with a new card typed in the isolated frame; the script reports the receipt and refreshes the table.
    const form = page.locator('#pay-form');
    await form
      .getByRole('radio', { name: /^New (credit )?card$/ })
      .first()
      .check();
    await page.waitForFunction(() => document.querySelector('#pay-form')!.matches(':state(card-ready)'));
    const frame = page.frameLocator('#pay-form iframe');
    await frame.locator('#holder').fill('Jane Payer');
    await frame.locator('#number').pressSequentially('4242424242424242');
    await frame.locator('#expiry').pressSequentially('1231');
    await frame.locator('#cvc').pressSequentially('737');
    await frame.locator('#postalCode').fill('10001');
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.locator('.review').waitFor();
    await form.getByRole('button', { name: /^Pay / }).click();
    await form.locator('[role=status][part=receipt]', { hasText: 'Payment received' }).waitFor();
    await page.locator('#status', { hasText: /^Payment [A-Z2-9]{12}: \w+\.$/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction((n) => {
      const shown = [...document.querySelector('ups-invoice-table')!.shadowRoot!.querySelectorAll('tbody tr')]
        .filter((tr) => tr.querySelector('.badge'))
        .map((tr) => tr.querySelector('th button')!.textContent!.trim());
      return shown.length > 0 && !shown.includes(n);
    }, number);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the same page in French, as the server rendered it, and a wrong password refused', async () => {
    const page = await recordingPage(browser);
    await page.goto(`${server.origin}/plain/invoices?lang=fr`);
    await signIn(page, 'payer1', 'nope');
    await page
      .locator('#sign-in-error')
      .filter({ hasText: /incorrect/ })
      .waitFor();
    assert.equal(await page.isHidden('#billing'), true);
    await signIn(page, 'payer1', 'demo-password');
    await page.locator('ups-invoice-table caption').filter({ hasText: 'Mes factures' }).waitFor();
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});
