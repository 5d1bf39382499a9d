/**
 * The reference billing API as a Hono app. It runs wherever `fetch` handlers
 * run: under Node (`main.ts`), in tests, and in the browser for the static
 * Storybook. Everything Node-only (files, sockets, PostgreSQL) stays in
 * `main.ts` and is passed in.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/db.js';
import { buildOpenApiDocument } from './openapi.js';
import { ProblemError, problemResponse } from './http/problem.js';
import { mountRoute } from './http/route.js';
import { maskCardNumbers, maskCardNumbersIn } from './domain/redact.js';
import { DEFAULT_CONFIG, consoleLogger, type Logger, type ServerConfig, type Services } from './http/services.js';
import type { PaymentGateway } from './payments/gateway.js';
import { testGateway } from './payments/test-gateway.js';
import { ROUTES } from './routes/index.js';

export interface AppOptions {
  db: Db;
  config?: Partial<ServerConfig>;
  log?: Logger;
  now?: () => Date;
  /** Fixed token secret; by default one is created once and kept in the database. */
  tokenSecret?: string;
  /** The client address of a request (the runtime knows it; Hono alone does not). */
  clientIp?: (c: Context) => string;
  /** The payment gateway; the built-in test gateway by default. */
  gateway?: PaymentGateway;
  /**
   * Compress responses (gzip or deflate, as the client accepts). On for the Node server; off where the
   * server runs inside the page (Storybook), where no bytes cross a network.
   */
  compress?: boolean;
}

async function storedSecret(db: Db): Promise<string> {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const fresh = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  // First instance wins; every other instance reads the same value.
  await db.query(`insert into settings (key, value) values ('token_secret', $1) on conflict (key) do nothing`, [fresh]);
  const [row] = await db.query<{ value: string }>(`select value from settings where key = 'token_secret'`);
  return row!.value;
}

export function createServices(options: AppOptions): Services {
  const config = { ...DEFAULT_CONFIG, ...options.config };
  let secret: Promise<string> | undefined = options.tokenSecret ? Promise.resolve(options.tokenSecret) : undefined;
  return {
    db: options.db,
    gateway: options.gateway ?? testGateway(options.db),
    config,
    log: options.log ?? consoleLogger,
    now: options.now ?? (() => new Date()),
    tokenSecret: () => (secret ??= storedSecret(options.db)),
    clientIp: options.clientIp ?? (() => 'unknown'),
    async audit(sql, entry) {
      await sql.query(
        'insert into audit_log (company_id, actor_id, action, target, data) values ($1, $2, $3, $4, $5)',
        [
          entry.companyId,
          entry.actorId,
          entry.action,
          // A target or datum may be what someone typed (a failed sign-in's user ID): no card number kept.
          entry.target == null ? null : maskCardNumbers(entry.target),
          entry.data ? JSON.stringify(maskCardNumbersIn(entry.data)) : null,
        ],
      );
    },
  };
}

/** The app, with the services its routes use (for schedulers and operations commands in the same process). */
export type BillingApp = Hono & { services: Services };

export function createApp(options: AppOptions): BillingApp {
  const services = createServices(options);
  const { config, log } = services;
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error.problem);
    // Only the message and where: no stack, no request body, no headers.
    log.error('unhandled error', { method: c.req.method, path: c.req.path, error: String(error?.message ?? error) });
    return problemResponse(new ProblemError(500, 'internal_error').problem);
  });
  app.notFound(() => problemResponse(new ProblemError(404, 'not_found').problem));

  // First, so that it wraps every answer: the API's, and the pages and files a Node server adds.
  if (options.compress) app.use('*', compress());
  app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
      allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
      exposeHeaders: ['retry-after', 'content-disposition'],
      maxAge: 600,
    }),
  );
  const jsonBodyLimit = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: () => problemResponse(new ProblemError(413, 'payload_too_large').problem),
  });
  // Multipart bodies are read only by upload routes, which hold them to their own, larger limit (mountRoute);
  // every other route refuses them with 415 before reading.
  app.use('/api/*', (c, next) =>
    /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '') ? next() : jsonBodyLimit(c, next),
  );

  let openapi: string | undefined;
  app.get('/api/openapi.json', (c) => {
    openapi ??= JSON.stringify(buildOpenApiDocument());
    return c.body(openapi, 200, { 'content-type': 'application/json' });
  });

  const api = new Hono();
  for (const route of Object.values(ROUTES)) mountRoute(api, route as never, services);
  app.route('/api/v1', api);
  return Object.assign(app, { services });
}
