/** Signing in, and describing the signed-in caller. */
import type { Company, Session, SessionUser, SignInRequest, SignInResponse } from '../../src/api/schemas/session.js';
import type { Sql } from '../db/db.js';
import { ProblemError } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { issueToken } from '../http/tokens.js';
import { assertUnderLimit, clearFailures, recordFailure } from './attempts.js';
import { loadCaller, type Caller } from './caller.js';
import { decoyHash, verifyPassword } from './passwords.js';

/** The caller as the session shows them: no role while they have no company. */
export function toUser(caller: Caller): SessionUser {
  return {
    id: caller.id,
    userId: caller.userId,
    email: caller.email,
    name: caller.name,
    role: caller.hasCompany ? caller.role : null,
    scope: { all: caller.scopeAll, accounts: caller.scopeAccounts, plans: caller.scopePlans },
  };
}

export async function loadCompany(sql: Sql, companyId: string): Promise<Company> {
  const [row] = await sql.query<Company>('select id, name, country, currency from companies where id = $1', [
    companyId,
  ]);
  if (!row) throw new ProblemError(404, 'not_found');
  return row;
}

/**
 * Checks a user ID and password. Unknown IDs and wrong passwords get the same
 * answer in the same time. Failures count per user ID and per address; past
 * the limit the answer is 429 whatever the password.
 */
export async function signIn(services: Services, input: SignInRequest, ip: string): Promise<SignInResponse> {
  const { db, config } = services;
  const now = services.now();
  const login = input.userId.trim().toLowerCase();
  const limits = [
    { bucket: 'sign-in:user', key: login },
    { bucket: 'sign-in:ip', key: ip },
  ];
  for (const limit of limits) {
    await assertUnderLimit(
      db,
      {
        ...limit,
        max: config.signInMaxFailures * (limit.bucket === 'sign-in:ip' ? 5 : 1),
        windowSeconds: config.signInWindowSeconds,
      },
      now,
    );
  }
  const [row] = await db.query<{ id: string; password_hash: string; company_id: string | null }>(
    'select id, password_hash, company_id from users where lower(user_id) = $1 and removed_at is null',
    [login],
  );
  const ok = await verifyPassword(input.password, row?.password_hash ?? (await decoyHash(config.passwordIterations)));
  const caller = ok && row ? await loadCaller(db, row.id) : null;
  if (!caller) {
    await db.transaction(async (tx) => {
      for (const limit of limits) await recordFailure(tx, limit.bucket, limit.key, now);
      await services.audit(tx, {
        companyId: row?.company_id ?? null,
        actorId: row?.id ?? null,
        action: 'session.sign_in_failed',
        target: login,
      });
    });
    throw new ProblemError(401, 'invalid_credentials');
  }
  const { token, expiresAt } = await issueToken(caller.id, await services.tokenSecret(), config.tokenTtlSeconds, now);
  await db.transaction(async (tx) => {
    await clearFailures(tx, 'sign-in:user', login);
    // User administration lists when each user last signed in.
    await tx.query('update users set last_sign_in_at = $2 where id = $1', [caller.id, now.toISOString()]);
    await services.audit(tx, {
      companyId: caller.hasCompany ? caller.companyId : null,
      actorId: caller.id,
      action: 'session.sign_in',
    });
  });
  return { token, expiresAt, user: toUser(caller), company: await companyOf(db, caller) };
}

/** The caller's company; `null` for a user who signed up and has not opened a payment account yet. */
async function companyOf(sql: Sql, caller: Caller): Promise<Company | null> {
  return caller.hasCompany ? loadCompany(sql, caller.companyId) : null;
}

export async function describeSession(sql: Sql, caller: Caller, expiresAt: string): Promise<Session> {
  return { user: toUser(caller), company: await companyOf(sql, caller), expiresAt };
}
