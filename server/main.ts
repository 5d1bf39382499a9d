/**
 * The reference server under Node: opens the database (PGlite in `.data/` by
 * default, PostgreSQL with `DATABASE_URL`), applies migrations, seeds the
 * demo into an empty database, and serves the API plus the built demo portal.
 *
 * Environment: PORT (8080), HOST (0.0.0.0), DATABASE_URL, DATA_DIR (.data/pglite),
 * CORS_ORIGINS (comma separated), TOKEN_TTL_SECONDS, SEED=0 to skip the demo data,
 * TRUST_PROXY=1 to take the client address from X-Forwarded-For.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { createApp } from './app.js';
import { migrate } from './db/migrate.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './db/seed.js';
import { openDatabase } from './main-database.js';

const env = process.env;

function clientIp(c: Context): string {
  if (env['TRUST_PROXY'] === '1') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Headers for the demo pages: a strict CSP, since the library must work under one. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

async function main(): Promise<void> {
  const started = performance.now();
  const db = await openDatabase();
  await migrate(db);
  const today = new Date().toISOString().slice(0, 10);
  const seeded = env['SEED'] === '0' ? false : await seedDemo(db, { today });

  const app = createApp({
      db,
      clientIp,
      config: {
        corsOrigins: (env['CORS_ORIGINS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        ...(env['TOKEN_TTL_SECONDS'] ? { tokenTtlSeconds: Number(env['TOKEN_TTL_SECONDS']) } : {}),
      },
  });
  const demoRoot = resolve('dist/demo');
  if (existsSync(demoRoot)) {
    // Registered after the API: API paths never reach the files, and a
    // missing file falls through to the API's 404 problem document.
    app.use('*', async (c, next) => {
      await next();
      if (!c.req.path.startsWith('/api/')) for (const [name, value] of Object.entries(PAGE_HEADERS)) c.header(name, value);
    });
    app.use('*', serveStatic({ root: 'dist/demo' }));
  }

  const port = Number(env['PORT'] ?? 8080);
  const server = serve({ fetch: app.fetch, port, hostname: env['HOST'] ?? '0.0.0.0' }, () => {
    const url = `http://localhost:${port}/`;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\nUPS Billing Center demo: ${url}   (API: ${url}api/v1, OpenAPI: ${url}api/openapi.json)`);
    console.log(`Database: ${db.kind}${seeded ? ', demo data seeded' : ''}; ready in ${seconds} s`);
    if (!existsSync(demoRoot)) console.log('No demo build found (dist/demo): run `npm run build:demo`.');
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const user of DEMO_USERS) console.log(`  ${user.userId.padEnd(9)} ${user.role.padEnd(14)} ${user.scope}`);
    console.log('Stop with Ctrl+C.\n');
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Close the database after the last request, so PGlite flushes its files.
    server.close(() => void db.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
