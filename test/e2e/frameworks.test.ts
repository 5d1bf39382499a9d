/**
 * The React 19 and Vue 3 hosts (demo/react, demo/vue) end to end: each is
 * built with Vite, served by the real server on a fresh seeded database, and
 * driven in Chromium through a whole payment. What is checked is what a
 * framework host relies on: the token and the invoices reach the elements as
 * properties (objects, not strings), and the elements' events reach framework
 * code, whose own UI then changes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { cspViolations, launchChromium, openPage, startServer, type E2eServer } from './support.js';

const demoRoot = `.data/e2e-frameworks-${process.pid}`;
const FRAMEWORKS = [
  { name: 'React', path: 'react' },
  { name: 'Vue', path: 'vue' },
] as const;

describe('React and Vue hosts', () => {
  let server: E2eServer;
  let browser: Browser;

  before(async () => {
    // One at a time: two builds at once fight over the two CPU cores for no gain.
    for (const { path } of FRAMEWORKS) {
      await build({
        configFile: `demo/${path}/vite.config.ts`,
        logLevel: 'error',
        build: { outDir: `${process.cwd()}/${demoRoot}/${path}`, emptyOutDir: true },
      });
    }
    [server, browser] = await Promise.all([startServer(demoRoot), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const rows = (page: Page) => page.locator('ups-invoice-table tbody tr:not(.skeleton):not(.spacer)');

  async function signIn(page: Page): Promise<void> {
    await page.fill('#user-id', 'payer1');
    await page.fill('#password', 'demo-password');
    await page.click('button[type=submit]');
    await rows(page).first().waitFor();
  }

  for (const { name, path } of FRAMEWORKS) {
    test(`${name}: a payer selects an invoice, pays it by card, and ${name} shows the payment`, async () => {
      const page = await openPage(browser, `${server.origin}/${path}/`);
      await signIn(page);
      assert.match((await page.textContent('#who')) ?? '', /\(payer1\)/);
      // The token went to the provider as a property, never into the DOM.
      assert.equal(await page.locator('ups-billing-provider').getAttribute('token'), null);

      // Select an open shipping invoice (duties are paid by bank debit, credits are not paid), not in
      // dispute: the framework counts the selection from `ups-invoice-select`.
      const row = rows(page)
        .filter({ has: page.locator('.badge.open'), hasNot: page.locator('.flag.dispute') })
        .filter({ hasText: 'Delivery service' })
        .first();
      const number = (await row.locator('th button').textContent())!.trim();
      await row.locator('input[type=checkbox]').check();
      await page.locator('#selection', { hasText: '1 invoice selected' }).waitFor();

      // Pay: the framework receives `ups-pay-request` and opens its own panel with those invoices.
      await page.locator('ups-invoice-table .bulk button.primary').click();
      await page.locator('#pay-title', { hasText: `Paying ${number}` }).waitFor();
      const given = await page.evaluate(() => {
        const form = document.querySelector('ups-pay-form')!;
        return {
          numbers: form.invoices.map((invoice) => invoice.number),
          objects: form.invoices.every((invoice) => typeof invoice === 'object' && 'amountDue' in invoice),
          attribute: form.getAttribute('invoices'),
        };
      });
      assert.deepEqual(given, { numbers: [number], objects: true, attribute: null });

      // A new card, typed into the isolated frame (another origin: only the frame can see the number).
      const form = page.locator('ups-pay-form');
      await form
        .getByRole('radio', { name: /^New (credit )?card$/ })
        .first()
        .check();
      await page.waitForFunction(() => document.querySelector('ups-pay-form')!.matches(':state(card-ready)'));
      const frame = page.frameLocator('ups-pay-form iframe');
      await frame.locator('#holder').fill('Jane Payer');
      await frame.locator('#number').pressSequentially('4242424242424242');
      await frame.locator('#expiry').pressSequentially('1231');
      await frame.locator('#cvc').pressSequentially('737');
      await frame.locator('#postalCode').fill('10001');
      await form.getByRole('button', { name: 'Continue' }).click();
      await form.locator('.review').waitFor();
      await form.getByRole('button', { name: /^Pay / }).click();
      await form.locator('[role=status][part=receipt]', { hasText: 'Payment received' }).waitFor();

      // The framework's own UI reacts to `ups-payment-success`, with the receipt from its detail.
      const paid = page.locator('#paid');
      await paid.waitFor();
      assert.match(
        (await paid.textContent())!.replace(/\s+/g, ' '),
        new RegExp(`${name} saw payment [A-Z2-9]{12} \\(\\w+\\) of ${number}\\.`),
      );
      // …and refreshes the table through the element's method: the paid invoice leaves the list
      // (it shows open and past-due invoices), while the others are back.
      await page.waitForFunction((n) => {
        const shown = [...document.querySelector('ups-invoice-table')!.shadowRoot!.querySelectorAll('tbody tr')]
          .filter((tr) => tr.querySelector('.badge'))
          .map((tr) => tr.querySelector('th button')!.textContent!.trim());
        return shown.length > 0 && !shown.includes(n);
      }, number);

      // Under the demo's CSP with Trusted Types (Lit's policy; Vue's too on the Vue host, as the guide
      // tells Vue hosts), neither the library nor the framework trips a directive.
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
});
