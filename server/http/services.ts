/** What route handlers get besides the request: the database, the clock, settings, logging. */
import type { Context } from 'hono';
import type { Db, Sql } from '../db/db.js';
import type { PaymentGateway } from '../payments/gateway.js';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ServerConfig {
  /** Lifetime of a session token, in seconds. */
  tokenTtlSeconds: number;
  /** Origins allowed to call the API from a browser (CORS). Same-origin pages need none. */
  corsOrigins: readonly string[];
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** PBKDF2 iterations for new password hashes. */
  passwordIterations: number;
  /** Sign-in failures allowed per user ID and per address in `signInWindowSeconds`. */
  signInMaxFailures: number;
  signInWindowSeconds: number;
  /** UPS bills in full: partial payment is a setting, off by default. */
  allowPartialPayments: boolean;
  /** Where the isolated card frame is served, as the browser must reach it (a distinct origin from the host page). */
  cardFrameUrl: string;
  /** Origins allowed to embed the card frame (its CSP frame-ancestors) and to receive its messages. */
  cardFrameAncestors: readonly string[];
  /** Guest identification failures allowed per address and per invoice in `guestWindowSeconds`. */
  guestMaxFailures: number;
  guestWindowSeconds: number;
  /**
   * Failed invoice proofs (enrolment, Add account) allowed per account in
   * `proofWindowSeconds`; five times as many per address on the public
   * enrolment routes, so one client cannot try account after account.
   */
  proofMaxFailures: number;
  proofWindowSeconds: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  tokenTtlSeconds: 15 * 60,
  corsOrigins: [],
  bodyLimitBytes: 64 * 1024,
  passwordIterations: 600_000,
  signInMaxFailures: 10,
  signInWindowSeconds: 15 * 60,
  allowPartialPayments: false,
  cardFrameUrl: '/card-frame',
  cardFrameAncestors: [],
  guestMaxFailures: 5,
  guestWindowSeconds: 15 * 60,
  proofMaxFailures: 5,
  proofWindowSeconds: 24 * 60 * 60,
};

export interface AuditEntry {
  companyId: string | null;
  actorId: string | null;
  action: string;
  target?: string | null;
  data?: Record<string, unknown>;
}

export interface Services {
  db: Db;
  gateway: PaymentGateway;
  config: ServerConfig;
  log: Logger;
  now(): Date;
  /** The HMAC key for session tokens, shared by every instance through the database. */
  tokenSecret(): Promise<string>;
  clientIp(c: Context): string;
  audit(sql: Sql, entry: AuditEntry): Promise<void>;
}

/** JSON lines on stdout: one event per line, never a request body or a token. */
export const consoleLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

export const silentLogger: Logger = { info() {}, error() {} };
