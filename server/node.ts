/**
 * The Node-only parts of the reference server: opening the database from the
 * environment, the client address from the socket, and serving the demo
 * pages beside the API. `main.ts` and the ops scripts use them; tests use
 * `createNodeApp` to drive the demo end to end.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { createApp, type AppOptions, type BillingApp } from './app.js';
import { mountCardFrame } from './card-frame/build.js';
import { contentSecurityPolicy } from './csp.js';
import type { Db } from './db/db.js';
import { mountPages } from './pages/pages.js';

/** PostgreSQL when `DATABASE_URL` is set; otherwise PGlite in `DATA_DIR` (default `.data/pglite`). */
export async function openDatabase(): Promise<Db> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    const { openPostgres } = await import('./db/postgres.js');
    return openPostgres(url);
  }
  const { openPglite } = await import('./db/pglite.js');
  const dataDir = resolve(process.env['DATA_DIR'] ?? '.data/pglite');
  // PGlite creates the data folder but not its parents.
  mkdirSync(resolve(dataDir, '..'), { recursive: true });
  return openPglite({ dataDir });
}

/** The peer address; `X-Forwarded-For` only when told a proxy sets it. */
export function socketClientIp(trustProxy: boolean) {
  return (c: Context): string => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
}

/**
 * Headers for the demo pages: the strict CSP of `csp.json`, Trusted Types
 * included, since the library must work under it. The demo is one Vite
 * build (one copy of Lit), so it needs no 'allow-duplicates'.
 */
export function pageHeaders(cardFrameUrl: string, hostPolicies: readonly string[] = []): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy({ cardFrameUrl, hostPolicies }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  };
}

/** A file of a Vite build's `assets/` folder, named with its content hash (`index-iBk2VS3m.js`). */
const HASHED_ASSET = /^\/(?:[a-z]+\/)?assets\/[^/]+-[\w-]{8}\.(?:js|css|svg|woff2)$/;

/** The API, plus the built demo pages in `demoRoot` (relative to the working directory) when given. */
export function createNodeApp(
  options: AppOptions & {
    demoRoot?: string | undefined;
    /** The single-file bundles for the no-build pages; `dist/bundle` when serving the demo. */
    bundleRoot?: string | undefined;
  },
): BillingApp {
  // Compressed answers (the API's, the pages, bundles and card frame): three to four times fewer bytes,
  // which is what slow connections wait for.
  const app = createApp({ compress: true, ...options });
  mountCardFrame(app, () => app.services.config.cardFrameAncestors);
  const bundleRoot = options.bundleRoot ?? (options.demoRoot ? 'dist/bundle' : undefined);
  if (bundleRoot) mountPages(app, { bundleRoot, cardFrameUrl: () => app.services.config.cardFrameUrl });
  if (options.demoRoot) {
    // Registered after the API: API paths never reach the files, and a
    // missing file falls through to the API's 404 problem document.
    const headers = pageHeaders(app.services.config.cardFrameUrl);
    // The Vue host creates Vue's own Trusted Types policy, as the guide tells Vue hosts to allow.
    const vueHeaders = pageHeaders(app.services.config.cardFrameUrl, ['vue']);
    app.use('*', async (c, next) => {
      await next();
      // The API and the card frame set their own headers; the demo pages get these.
      if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/card-frame')) return;
      // Pages with a policy of their own (the no-build pages) keep it.
      if (c.res.headers.has('content-security-policy')) return;
      const pageHeaders = c.req.path.startsWith('/vue/') ? vueHeaders : headers;
      for (const [name, value] of Object.entries(pageHeaders)) c.header(name, value);
      // Vite names its assets by their content: a name never serves other bytes, so browsers keep them.
      if (c.res.ok && HASHED_ASSET.test(c.req.path)) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root: options.demoRoot }));
  }
  return app;
}
