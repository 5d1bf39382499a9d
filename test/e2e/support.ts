/**
 * What the end-to-end tests share: the real server on a fresh seeded database
 * serving built pages, and Debian's Chromium driven by playwright-core.
 */
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Db } from '../../server/db/db.js';
import { silentLogger } from '../../server/http/services.js';
import { createNodeApp } from '../../server/node.js';
import { CHROME_ARGS, INSTALL_HINT, findChrome } from '../../scripts/find-chrome.js';
import { freshDatabase } from '../helpers/database.js';

export interface E2eServer {
  /** The pages' origin, `http://localhost:<port>`. */
  origin: string;
  db: Db;
  close(): Promise<void>;
}

/**
 * Serves `demoRoot` and the API as `npm start` does. The pages are reached as
 * `localhost` and the card frame as `127.0.0.1` on the same port: two origins,
 * as in production, and the frame's `frame-ancestors` names the pages' one.
 * The app is made once the port is known, since its config names it.
 */
export async function startServer(demoRoot: string): Promise<E2eServer> {
  const db = await freshDatabase();
  const made: { app?: ReturnType<typeof createNodeApp> } = {};
  const server = serve({ fetch: (request) => made.app!.fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://localhost:${port}`;
  made.app = createNodeApp({
    db,
    log: silentLogger,
    demoRoot,
    config: { cardFrameUrl: `http://127.0.0.1:${port}/card-frame`, cardFrameAncestors: [origin] },
  });
  return {
    origin,
    db,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
      rmSync(demoRoot, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({ executablePath, args: CHROME_ARGS });
}

/**
 * Opens `url` in a fresh page that records Content-Security-Policy violations
 * (`directive blocked-uri sample`; read them with `cspViolations`) and the
 * page's uncaught errors.
 */
export async function openPage(browser: Browser, url: string): Promise<Page & { errors: string[] }> {
  const page = Object.assign(await browser.newPage(), { errors: [] as string[] });
  page.on('pageerror', (error) => page.errors.push(String(error)));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim()),
    );
  });
  await page.goto(url);
  return page;
}

export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { violations: string[] }).violations);
