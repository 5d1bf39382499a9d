/**
 * Idempotency keys for POSTs that move money. The first request with a key
 * claims it (committed at once, so concurrent retries see it); retries get
 * 409 while it runs, then the first response; the same key with another
 * body gets 422. A claim whose server died is taken over after its lease.
 */
import type { Db, Sql } from '../db/db.js';
import { ProblemError } from '../http/problem.js';

export interface Claim {
  scope: string;
  key: string;
  hash: string;
}

export type ClaimResult = { kind: 'new' } | { kind: 'takeover' } | { kind: 'replay'; status: number; body: unknown };

const LEASE_SECONDS = 30;

/** SHA-256 of the body in a canonical form (sorted keys), so retries that reorder keys still match. */
export async function requestHash(body: unknown): Promise<string> {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  const bytes = new TextEncoder().encode(JSON.stringify(canonical(body)));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks the header: 8 to 128 visible characters, as clients generate (a UUID fits). */
export function idempotencyKeyOf(header: string | undefined): string {
  if (!header) throw new ProblemError(400, 'idempotency_key_required');
  if (!/^[\x21-\x7e]{8,128}$/.test(header)) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { 'Idempotency-Key': 'invalid_format' } });
  }
  return header;
}

export async function claimKey(db: Db, claim: Claim, now: Date): Promise<ClaimResult> {
  const until = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString();
  const inserted = await db.query(
    `insert into idempotency_keys (scope, key, request_hash, status, locked_until)
     values ($1, $2, $3, 'in_flight', $4) on conflict (scope, key) do nothing returning key`,
    [claim.scope, claim.key, claim.hash, until],
  );
  if (inserted.length) return { kind: 'new' };
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{
      request_hash: string;
      status: 'in_flight' | 'done';
      response_status: number | null;
      response_body: unknown;
      locked_until: string;
    }>('select * from idempotency_keys where scope = $1 and key = $2 for update', [claim.scope, claim.key]);
    if (!row) throw new ProblemError(409, 'idempotency_in_flight', { retryAfter: 1 });
    if (row.request_hash !== claim.hash) throw new ProblemError(422, 'idempotency_key_mismatch');
    if (row.status === 'done') return { kind: 'replay', status: row.response_status!, body: row.response_body };
    if (Date.parse(row.locked_until) > now.getTime())
      throw new ProblemError(409, 'idempotency_in_flight', { retryAfter: 1 });
    // The server that claimed it died mid-way: this request finishes its work.
    await tx.query('update idempotency_keys set locked_until = $3 where scope = $1 and key = $2', [
      claim.scope,
      claim.key,
      until,
    ]);
    return { kind: 'takeover' };
  });
}

export async function completeKey(sql: Sql, claim: Claim, status: number, body: unknown): Promise<void> {
  await sql.query(
    `update idempotency_keys set status = 'done', response_status = $3, response_body = $4::jsonb
      where scope = $1 and key = $2`,
    [claim.scope, claim.key, status, JSON.stringify(body)],
  );
}

/** Gives the key back when nothing was done with it (the request was refused before any write). */
export async function releaseKey(sql: Sql, claim: Claim): Promise<void> {
  await sql.query(`delete from idempotency_keys where scope = $1 and key = $2 and status = 'in_flight'`, [
    claim.scope,
    claim.key,
  ]);
}
