/**
 * The reference server under Node: opens the database (PGlite in `.data/` by
 * default, PostgreSQL with `DATABASE_URL`), applies migrations, seeds the
 * demo into an empty database, and serves the API plus the built demo portal.
 *
 * Environment: PORT (8080), HOST (0.0.0.0), DATABASE_URL, DATA_DIR (.data/pglite),
 * CORS_ORIGINS (comma separated), TOKEN_TTL_SECONDS, SEED=0 to skip the demo data,
 * TRUST_PROXY=1 to take the client address from X-Forwarded-For, CARD_FRAME_URL,
 * CARD_FRAME_ANCESTORS (origins that may embed the card frame), ALLOW_PARTIAL_PAYMENTS=1,
 * PAYMENT_SCHEDULER_SECONDS (60; 0 turns the in-process scheduler off).
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { migrate } from './db/migrate.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './db/seed.js';
import { markPastDue } from './domain/invoices.js';
import { startScheduler } from './payments/scheduler.js';
import { createNodeApp, openDatabase, socketClientIp } from './node.js';

const env = process.env;
const DEMO_ROOT = 'dist/demo';

async function main(): Promise<void> {
  const started = performance.now();
  const db = await openDatabase();
  await migrate(db);
  const today = new Date().toISOString().slice(0, 10);
  const seeded = env['SEED'] === '0' ? false : await seedDemo(db, { today });
  await markPastDue(db, today);
  const hasDemo = existsSync(DEMO_ROOT);

  const port = Number(env['PORT'] ?? 8080);
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  // The card frame must live on another origin than the page that embeds it, or the page could read it.
  // The demo page is served as localhost; by default the frame is served as 127.0.0.1 (same server).
  const cardFrameUrl = env['CARD_FRAME_URL'] ?? `http://127.0.0.1:${port}/card-frame`;
  const app = createNodeApp({
    db,
    clientIp: socketClientIp(env['TRUST_PROXY'] === '1'),
    demoRoot: hasDemo ? DEMO_ROOT : undefined,
    config: {
      corsOrigins: list(env['CORS_ORIGINS']),
      cardFrameUrl,
      cardFrameAncestors: env['CARD_FRAME_ANCESTORS']
        ? list(env['CARD_FRAME_ANCESTORS'])
        : [`http://localhost:${port}`],
      allowPartialPayments: env['ALLOW_PARTIAL_PAYMENTS'] === '1',
      ...(env['TOKEN_TTL_SECONDS'] ? { tokenTtlSeconds: Number(env['TOKEN_TTL_SECONDS']) } : {}),
    },
  });
  const schedulerSeconds = Number(env['PAYMENT_SCHEDULER_SECONDS'] ?? 60);
  const stopScheduler = schedulerSeconds > 0 ? startScheduler(app.services, schedulerSeconds * 1000) : () => {};
  const server = serve({ fetch: app.fetch, port, hostname: env['HOST'] ?? '0.0.0.0' }, () => {
    const url = `http://localhost:${port}/`;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\nUPS Billing Center demo: ${url}   (API: ${url}api/v1, OpenAPI: ${url}api/openapi.json)`);
    console.log(`Database: ${db.kind}${seeded ? ', demo data seeded' : ''}; ready in ${seconds} s`);
    if (!hasDemo) console.log('No demo build found (dist/demo): run `npm run build:demo`.');
    else {
      console.log(`Other hosts: ${url}react/ and ${url}vue/ (framework apps), ${url}guest (marketing page, guest`);
      console.log(`  payment under a strict CSP with Trusted Types), ${url}plain/invoices (no build step)`);
    }
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const user of DEMO_USERS) console.log(`  ${user.userId.padEnd(9)} ${user.role.padEnd(14)} ${user.scope}`);
    console.log('Stop with Ctrl+C.\n');
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopScheduler();
    // Close the database after the last request, so PGlite flushes its files.
    server.close(() => void db.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
