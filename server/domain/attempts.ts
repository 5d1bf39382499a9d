/**
 * Attempt limits in a sliding window, kept in the database so that every
 * server instance counts the same failures.
 */
import type { Sql } from '../db/db.js';
import { ProblemError } from '../http/problem.js';
import { maskCardNumbers } from './redact.js';

export interface Limit {
  bucket: string;
  key: string;
  max: number;
  windowSeconds: number;
}

/** Throws 429 with `retryAfter` once `max` failures fall inside the window. */
export async function assertUnderLimit(sql: Sql, limit: Limit, now: Date): Promise<void> {
  const since = new Date(now.getTime() - limit.windowSeconds * 1000);
  const rows = await sql.query<{ n: number; oldest: string | null }>(
    `select count(*)::int as n, min(at) as oldest
       from (select at from attempts where bucket = $1 and key = $2 and at > $3 order by at desc limit $4) recent`,
    [limit.bucket, maskCardNumbers(limit.key), since.toISOString(), limit.max],
  );
  const { n, oldest } = rows[0]!;
  if (n < limit.max || !oldest) return;
  const freeAt = new Date(oldest).getTime() + limit.windowSeconds * 1000;
  throw new ProblemError(429, 'rate_limited', { retryAfter: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) });
}

export async function recordFailure(sql: Sql, bucket: string, key: string, now: Date): Promise<void> {
  // Keys are what the client typed (an invoice number, a user ID): a card number typed there is not kept.
  await sql.query('insert into attempts (bucket, key, at) values ($1, $2, $3)', [
    bucket,
    maskCardNumbers(key),
    now.toISOString(),
  ]);
}

export async function clearFailures(sql: Sql, bucket: string, key: string): Promise<void> {
  await sql.query('delete from attempts where bucket = $1 and key = $2', [bucket, maskCardNumbers(key)]);
}
