/**
 * The demo portal end to end: the built page, served as `npm start` serves
 * it (with its strict CSP), driven in Chromium. A demo user signs in and sees
 * their account invoices through provider → client → server → database.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Db } from '../../server/db/db.js';
import { silentLogger } from '../../server/http/services.js';
import { createNodeApp } from '../../server/node.js';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.js';
import { freshDatabase } from '../helpers/database.js';

const demoRoot = `.data/e2e-demo-${process.pid}`;

describe('demo portal', () => {
  let db: Db;
  let browser: Browser;
  let server: ReturnType<typeof serve>;
  let url: string;

  before(async () => {
    await build({
      configFile: 'vite.config.ts',
      logLevel: 'error',
      build: { outDir: `${process.cwd()}/${demoRoot}`, emptyOutDir: true },
    });
    db = await freshDatabase();
    const app = createNodeApp({ db, log: silentLogger, demoRoot });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: findChrome()!, args: CHROME_ARGS });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await db?.close();
    rmSync(demoRoot, { recursive: true, force: true });
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url);
    return page;
  }

  const rowAccounts = (page: Page) =>
    page.evaluate(() =>
      [
        ...document
          .querySelector('ups-invoice-table')!
          .shadowRoot!.querySelectorAll('.frame tbody tr:not(.skeleton):not(.spacer)'),
      ].map((row) => row.children[2]!.textContent!.trim()),
    );

  test('a demo user signs in and sees their own account invoices, under a strict CSP', async () => {
    const page = await open();
    await page.fill('#user-id', 'payer1');
    await page.fill('#password', 'demo-password');
    await page.click('button[type=submit]');
    await page.waitForFunction(() =>
      Boolean(
        document
          .querySelector('ups-invoice-table')
          ?.shadowRoot?.querySelector('.frame tbody tr:not(.skeleton):not(.spacer)'),
      ),
    );
    const accounts = new Set(await rowAccounts(page));
    assert.deepEqual(
      [...accounts].filter((a) => a !== '4R7X21' && a !== 'F3R901'),
      [],
    );
    assert.match((await page.textContent('#who')) ?? '', /payer1, payer/);

    // Opening an invoice: the host shows <ups-invoice-detail> in a dialog.
    const number = await page.evaluate(() => {
      const button = document
        .querySelector('ups-invoice-table')!
        .shadowRoot!.querySelector<HTMLButtonElement>('.frame tbody th button')!;
      button.click();
      return button.textContent!.trim();
    });
    await page.waitForFunction(
      (n) =>
        document.querySelector('ups-invoice-detail')?.shadowRoot?.querySelector('#title')?.textContent?.includes(n),
      number,
    );
    assert.equal(await page.evaluate(() => document.querySelector<HTMLDialogElement>('#invoice-dialog')!.open), true);
    await page.keyboard.press('Escape');
    // The dashboard shows this user's figures.
    await page.waitForFunction(() =>
      Boolean(document.querySelector('ups-billing-dashboard')?.shadowRoot?.querySelector('.card-value')),
    );

    await page.selectOption('#locale', 'fr');
    await page.waitForFunction(() =>
      document
        .querySelector('ups-invoice-table')!
        .shadowRoot!.querySelector('caption')!
        .textContent!.includes('Mes factures'),
    );
    // Live: the dashboard, already on screen, speaks French too.
    await page.waitForFunction(() =>
      (document.querySelector('ups-billing-dashboard')!.shadowRoot!.textContent ?? '').includes('Solde dû'),
    );

    // The theme switch: the provider turns dark, and the elements' text and surfaces with it.
    const tableColors = () =>
      page.evaluate(() => {
        const table = document.querySelector('ups-invoice-table')!;
        return [getComputedStyle(table).color, getComputedStyle(table).colorScheme];
      });
    const [lightText] = await tableColors();
    await page.selectOption('#theme', 'dark');
    await page.waitForFunction(() => document.querySelector('ups-billing-provider')!.getAttribute('theme') === 'dark');
    const [darkText, darkScheme] = await tableColors();
    assert.notEqual(darkText, lightText);
    assert.equal(darkScheme, 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'dark');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    await page.close();
  });

  test('a wrong password is refused with a message, and nothing is shown', async () => {
    const page = await open();
    await page.fill('#user-id', 'admin1');
    await page.fill('#password', 'nope');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#sign-in-error')!.textContent!.length > 0);
    assert.match((await page.textContent('#sign-in-error')) ?? '', /incorrect/);
    assert.equal(await page.isHidden('#billing'), true);
    await page.close();
  });
});
