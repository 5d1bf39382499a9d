/**
 * The real reference server on a real socket, on a fresh seeded database.
 * Server tests talk to it with `fetch`, exactly as a host page would.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from '../../server/app.js';
import type { Db } from '../../server/db/db.js';
import { DEMO_PASSWORD } from '../../server/db/seed.js';
import type { Logger } from '../../server/http/services.js';
import { freshDatabase } from './database.js';

export interface TestServer {
  url: string;
  db: Db;
  /** Every line the server logged, for leak scans. */
  logs: string[];
  /** `fetch` against the API, path relative to `/api/v1`. */
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  /** A session token for a demo user (cached per server). */
  tokenFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(options: Omit<AppOptions, 'db' | 'log'> = {}): Promise<TestServer> {
  const db = await freshDatabase();
  const logs: string[] = [];
  const log: Logger = {
    info: (message, fields) => logs.push(JSON.stringify({ message, ...fields })),
    error: (message, fields) => logs.push(JSON.stringify({ level: 'error', message, ...fields })),
  };
  const app = createApp({
    db,
    log,
    // Tests pass the address in a header so attempt limits can be exercised per address.
    clientIp: (c) => c.req.header('x-test-client-ip') ?? '127.0.0.1',
    ...options,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  // A test may pause for seconds (generating data) between requests; a server closing the idle
  // keep-alive socket just as fetch reuses it would fail the next request with ECONNRESET.
  (server as import('node:http').Server).keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, Promise<string>>();

  const api: TestServer['api'] = (path, init = {}) => {
    const { token, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${url}/api/v1${path}`, {
      ...rest,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  };

  return {
    url,
    db,
    logs,
    api,
    tokenFor(userId) {
      let token = tokens.get(userId);
      if (!token) {
        token = (async () => {
          const response = await api('/session', { method: 'POST', json: { userId, password: DEMO_PASSWORD } });
          if (response.status !== 201) throw new Error(`sign-in of ${userId} failed: ${response.status}`);
          return ((await response.json()) as { token: string }).token;
        })();
        tokens.set(userId, token);
      }
      return token;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
