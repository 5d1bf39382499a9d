/**
 * The reference billing server, running in the browser for Storybook: the
 * same Hono app, migrations and seed as `npm start`, on an in-memory PGlite.
 * Stories reach it through `browserFetch`, a `fetch` that hands requests to
 * the app instead of the network. Nothing here is a fake: only the transport
 * differs, and `withTransport` can add latency or failures to show loading
 * and error states.
 */
import { createApp, type BillingApp } from '../../server/app.js';
import { runAutopay, type AutopayRunResult } from '../../server/autopay/runner.js';
import type { Db } from '../../server/db/db.js';
import { issueInvoices, type IssuedInvoice } from '../../server/db/issue-invoices.js';
import { reviewDispute, type ReviewOptions, type ReviewOutcome } from '../../server/disputes/review.js';
import { openPglite } from '../../server/db/pglite.js';
import { DEMO_PASSWORD } from '../../server/db/seed.js';
import { silentLogger } from '../../server/http/services.js';
import { seedStoryDatabase } from './story-database.js';

export interface BrowserServer {
  app: BillingApp;
  db: Db;
}

let server: Promise<BrowserServer> | undefined;

/** Starts the in-page server once per page load. */
export function browserServer(): Promise<BrowserServer> {
  server ??= (async () => {
    // Seeding takes seconds: the story runner seeds once and hands each page the dump (story-database.ts).
    const snapshot = window.__upsStorySnapshot;
    const db = snapshot ? await openPglite({ loadDataDir: await (await fetch(snapshot)).blob() }) : await openPglite();
    if (!snapshot) await seedStoryDatabase(db, new Date().toISOString().slice(0, 10));
    // The card frame as Storybook serves it, beside iframe.html (.storybook/card-frame.ts).
    const cardFrameUrl = new URL('card-frame/', location.href).href;
    return { app: createApp({ db, log: silentLogger, config: { cardFrameUrl } }), db };
  })();
  return server;
}

export interface InPageAutopay {
  issued: IssuedInvoice[];
  run: AutopayRunResult;
}

/**
 * What `npm run ops -- issue-invoices` then `run-autopay` do, on the in-page
 * database: issue `weeks` weeks of Demo Co's invoices, then run AutoPay for
 * `date` — by default the day the last of them falls due, so that each new
 * invoice is due. The generator's seed is fixed, so a story shows
 * the same amounts on every load. Each call issues again: callers run it once
 * per page load.
 */
export async function runAutopayInPage(options: { weeks?: number; date?: string } = {}): Promise<InPageAutopay> {
  const { app, db } = await browserServer();
  const today = new Date().toISOString().slice(0, 10);
  let issued: IssuedInvoice[] = [];
  if (options.weeks) {
    const [demo] = await db.query<{ id: string }>(`select id from companies where name = 'Demo Co'`);
    issued = await issueInvoices(db, { companyId: demo!.id, weeks: options.weeks, today, seed: 5 });
  }
  const dueDates = issued.map((invoice) => invoice.due_date).sort((a, b) => a.localeCompare(b));
  // Named, as a process would be: in a page there is no hostname to default to.
  const run = await runAutopay(app.services, options.date ?? dueDates.at(-1) ?? today, { instance: 'storybook' });
  return { issued, run };
}

/**
 * What `npm run ops -- review-dispute` does, on the in-page database: UPS
 * starts reviewing a dispute, or decides it (`amount` in minor units, for a
 * partial approval). Rejects with the server's problem when refused.
 */
export async function reviewDisputeInPage(options: ReviewOptions): Promise<ReviewOutcome> {
  const { db } = await browserServer();
  return reviewDispute(db, options);
}

let pending = 0;

export const browserFetch: typeof fetch = async (input, init) => {
  pending++;
  try {
    const { app } = await browserServer();
    const request = input instanceof Request ? input : new Request(new URL(String(input), location.href), init);
    return await app.fetch(request);
  } finally {
    pending--;
  }
};

/** A transport that waits `delay` ms before each call, or fails it, for loading and error stories. */
export function withTransport(options: { delay?: number; fail?: (request: Request) => Response | null }): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), location.href), init);
    if (options.delay) await new Promise((resolve) => setTimeout(resolve, options.delay));
    return options.fail?.(request) ?? browserFetch(request);
  };
}

const tokens = new Map<string, Promise<string>>();

/** Signs a demo user in on the in-page server. */
export function tokenFor(userId: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    token = browserFetch('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, password: DEMO_PASSWORD }),
    }).then(async (response) => ((await response.json()) as { token: string }).token);
    tokens.set(userId, token);
  }
  return token;
}

/** The number of the first invoice matching `query`, as `userId` sees it: stories pick real invoices. */
export async function findInvoice(userId: string, query: Record<string, string>): Promise<string> {
  const params = new URLSearchParams({ status: 'all', pageSize: '1', ...query });
  const response = await browserFetch(`/api/v1/invoices?${params}`, {
    headers: { authorization: `Bearer ${await tokenFor(userId)}` },
  });
  const page = (await response.json()) as { items: { number: string }[] };
  return page.items[0]?.number ?? 'NOT-FOUND';
}

/** A transport whose calls matching `path` answer with a server error, for error stories. */
export function failing(path: string, status = 500): typeof fetch {
  return withTransport({
    fail: (request) =>
      new URL(request.url).pathname.includes(path)
        ? new Response(
            JSON.stringify({
              type: 'urn:ups-billing:problem:internal_error',
              title: 'Server error',
              status,
              code: 'internal_error',
            }),
            { status, headers: { 'content-type': 'application/problem+json' } },
          )
        : null,
  });
}

/**
 * A transport whose calls matching `path` never answer, for loading states
 * a user reaches after some steps (the other calls answer as usual).
 */
export function stalling(path: string): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), location.href), init);
    if (new URL(request.url).pathname.includes(path)) return new Promise<Response>(() => {});
    return browserFetch(request);
  };
}

declare global {
  interface Window {
    /** The in-page server, for the card frame Storybook serves (stories/support/card-frame-fetch.ts). */
    __upsStoryFetch?: typeof fetch;
    /**
     * How many calls to the in-page server are unanswered: the story runner
     * (test/e2e/stories.test.ts) waits for none before it judges a story whose
     * data arrives after Storybook says it rendered.
     */
    __upsStoryPending?: () => number;
    /**
     * Set by the story runner before the page loads: the URL of a dump of
     * the seeded story database (`seedStoryDatabase`, made once in Node) to
     * start from, instead of seeding again in every page.
     */
    __upsStorySnapshot?: string;
  }
}
window.__upsStoryFetch = browserFetch;
window.__upsStoryPending = () => pending;
