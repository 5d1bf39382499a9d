/**
 * A @web/test-runner plugin that runs the real reference server next to the
 * browser tests. Browser code reaches it same-origin:
 *
 * - `/api/...` — a shared server on a fresh seeded database, for tests that
 *   only read;
 * - `POST /__test/servers` → `{ apiBase }` — a private server on its own fresh
 *   database, for tests that write; its API lives under `/__srv/<id>/api/v1`.
 * - `POST /__test/autopay?api=<apiBase>&weeks=N&date=YYYY-MM-DD` — on a
 *   private server, what `npm run ops` does: issue N weeks of Demo Co's
 *   invoices, then run AutoPay for the date; answers the run's outcomes.
 * - `POST /__test/review-dispute?api=<apiBase>&number=D…&action=start|approve|partial|deny&amount=N&note=…`
 *   — on a private server, what `npm run ops -- review-dispute` does (amount
 *   in minor units, for `partial`); answers the outcome, or the problem.
 *
 * The browser talks HTTP to the dev server, which hands the request to the
 * Hono app in this process: no fake anywhere, and no second port to find.
 *
 * The card frame is served too, and reached as `127.0.0.1` while test pages
 * are `localhost`: another origin, as in production, so the tests see the
 * isolation a host page gets.
 */
import type { Plugin } from '@web/dev-server-core';
import type { Context, Next } from 'koa';
import { createNodeApp } from '../../server/node.js';
import type { Db } from '../../server/db/db.js';
import { silentLogger } from '../../server/http/services.js';
import { freshDatabase } from './database.js';
import { addLargeInvoice } from '../../server/db/scenarios.js';
import { createServices } from '../../server/app.js';
import { runAutopay } from '../../server/autopay/runner.js';
import { issueInvoices } from '../../server/db/issue-invoices.js';
import { REVIEW_ACTIONS, reviewDispute, type ReviewAction } from '../../server/disputes/review.js';
import { ProblemError } from '../../server/http/problem.js';

interface Instance {
  fetch: (request: Request) => Response | Promise<Response>;
  db: Db;
}

async function startInstance(port: number, prefix = ''): Promise<Instance> {
  const db = await freshDatabase();
  const app = createNodeApp({
    db,
    log: silentLogger,
    clientIp: (c) => c.req.header('x-test-client-ip') ?? '127.0.0.1',
    config: {
      cardFrameUrl: `http://127.0.0.1:${port}${prefix}/card-frame`,
      cardFrameAncestors: [`http://localhost:${port}`],
    },
  });
  return { fetch: (request) => app.fetch(request), db };
}

async function readBody(ctx: Context): Promise<Buffer | undefined> {
  if (ctx.method === 'GET' || ctx.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function forward(ctx: Context, instance: Instance, path: string): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const body = await readBody(ctx);
  const request = new Request(`http://${ctx.host}${path}${ctx.querystring ? `?${ctx.querystring}` : ''}`, {
    method: ctx.method,
    headers,
    ...(body && body.length ? { body: new Uint8Array(body) } : {}),
  });
  const response = await instance.fetch(request);
  ctx.status = response.status;
  response.headers.forEach((value, name) => ctx.set(name, value));
  ctx.body = Buffer.from(await response.arrayBuffer());
}

export function billingServerPlugin(): { plugin: Plugin; middleware: (ctx: Context, next: Next) => Promise<void> } {
  let shared: Promise<Instance> | undefined;
  const privates = new Map<string, Promise<Instance>>();
  let next = 0;
  let port = 0;

  const plugin: Plugin = {
    name: 'billing-server',
    serverStart({ config }) {
      port = config.port!;
      shared = startInstance(port);
      return shared.then(() => undefined);
    },
    async serverStop() {
      const all = [shared, ...privates.values()].filter(Boolean) as Promise<Instance>[];
      await Promise.all(all.map(async (instance) => (await instance).db.close()));
    },
  };

  const middleware = async (ctx: Context, nextMiddleware: Next) => {
    if (ctx.path === '/__test/servers' && ctx.method === 'POST') {
      const id = String(++next);
      const instance = startInstance(port, `/__srv/${id}`);
      privates.set(id, instance);
      await instance;
      ctx.body = { apiBase: `/__srv/${id}/api/v1` };
      return;
    }
    if (ctx.path === '/__test/big-invoice' && ctx.method === 'POST') {
      // A private server's API base names the database the scenario goes into.
      const id = /^\/__srv\/(\d+)\//.exec(String(ctx.query['api'] ?? ''))?.[1];
      const instance = id ? privates.get(id) : undefined;
      if (!instance) {
        ctx.status = 400;
        return;
      }
      ctx.body = { number: await addLargeInvoice((await instance).db, '4R7X21', 3000) };
      return;
    }
    if (ctx.path === '/__test/autopay' && ctx.method === 'POST') {
      const id = /^\/__srv\/(\d+)\//.exec(String(ctx.query['api'] ?? ''))?.[1];
      const instance = id ? privates.get(id) : undefined;
      const date = String(ctx.query['date'] ?? new Date().toISOString().slice(0, 10));
      if (!instance || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        ctx.status = 400;
        return;
      }
      const { db } = await instance;
      const weeks = Number(ctx.query['weeks'] ?? 0);
      if (weeks > 0) {
        const [demo] = await db.query<{ id: string }>(`select id from companies where name = 'Demo Co'`);
        await issueInvoices(db, { companyId: demo!.id, weeks, today: new Date().toISOString().slice(0, 10), seed: 5 });
      }
      ctx.body = await runAutopay(createServices({ db, log: silentLogger }), date, { instance: 'browser-tests' });
      return;
    }
    if (ctx.path === '/__test/review-dispute' && ctx.method === 'POST') {
      const id = /^\/__srv\/(\d+)\//.exec(String(ctx.query['api'] ?? ''))?.[1];
      const instance = id ? privates.get(id) : undefined;
      const action = String(ctx.query['action'] ?? '') as ReviewAction;
      if (!instance || !REVIEW_ACTIONS.includes(action)) {
        ctx.status = 400;
        return;
      }
      const amount = ctx.query['amount'] === undefined ? undefined : Number(ctx.query['amount']);
      const note = ctx.query['note'] === undefined ? undefined : String(ctx.query['note']);
      try {
        ctx.body = await reviewDispute((await instance).db, {
          number: String(ctx.query['number'] ?? ''),
          action,
          ...(amount === undefined ? {} : { amount }),
          ...(note === undefined ? {} : { note }),
        });
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        ctx.status = error.problem.status;
        ctx.body = error.problem;
      }
      return;
    }
    const match = /^\/__srv\/(\d+)(\/(?:api\/|card-frame).*)$/.exec(ctx.path);
    if (match) {
      const instance = privates.get(match[1]!);
      if (!instance) {
        ctx.status = 404;
        return;
      }
      return forward(ctx, await instance, match[2]!);
    }
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/card-frame'))
      return forward(ctx, await shared!, ctx.path);
    return nextMiddleware();
  };

  return { plugin, middleware };
}
