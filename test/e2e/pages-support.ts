/**
 * What the no-build page tests share beyond `support.ts`: the single-file
 * bundles built into a private folder, the server serving them as
 * `/bundles/`, and pages that record policy violations in every frame.
 */
import type { AddressInfo } from 'node:net';
import { mkdirSync, rmSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../server/db/db.js';
import { silentLogger } from '../../server/http/services.js';
import { createNodeApp, socketClientIp } from '../../server/node.js';
import { freshDatabase } from '../helpers/database.js';

/**
 * Builds `src/ups-<name>.ts` for each name into `outdir` with the options
 * `scripts/build-lib.ts` uses for dist/bundle (every dependency inside,
 * minified), without touching dist/, which other processes may be reading.
 */
export async function buildBundles(names: readonly string[], outdir: string): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
    entryPoints: Object.fromEntries(names.map((name) => [`ups-${name}`, `src/ups-${name}.ts`])),
    outdir,
  });
}

export interface PageServer {
  db: Db;
  /** The pages' origin, `http://localhost:<port>`; the card frame is served as 127.0.0.1. */
  origin: string;
  close(): Promise<void>;
}

/**
 * The real server (API, card frame, no-build pages with `bundleRoot`) on a
 * fresh seeded database. As in `support.ts`, the page origin and the card
 * frame's differ, and the app is made once the port is known.
 */
export async function startPageServer(bundleRoot: string): Promise<PageServer> {
  const db = await freshDatabase();
  let app: ReturnType<typeof createNodeApp> | undefined = undefined;
  const server = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://localhost:${port}`;
  app = createNodeApp({
    db,
    log: silentLogger,
    clientIp: socketClientIp(false),
    bundleRoot,
    config: { cardFrameUrl: `http://127.0.0.1:${port}/card-frame`, cardFrameAncestors: [origin] },
  });
  return {
    db,
    origin,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

export type RecordingPage = Page & { problems(): Promise<string[]> };

/**
 * A new page that records, from before its first script, every
 * `securitypolicyviolation` in it and in its frames (the card frame too),
 * uncaught errors, and Chromium's console reports of CSP or Trusted Types refusals.
 */
export async function recordingPage(browser: Browser): Promise<RecordingPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror ${error.message}`));
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      /Content.Security.Policy|Trusted ?Type|TrustedHTML|TrustedScript/i.test(message.text())
    )
      errors.push(`console ${message.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  return Object.assign(page, {
    async problems(): Promise<string[]> {
      const found = [...errors];
      for (const frame of page.frames()) {
        const violations = await frame
          .evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])
          .catch(() => [] as string[]);
        found.push(...violations.map((v) => `${frame.url()}: ${v}`));
      }
      return found;
    },
  });
}
