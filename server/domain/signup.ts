/**
 * Signing up without an invoice: a user ID first, then a payment account.
 *
 * The first step makes a user of no company: signed in, but with no role, so
 * every company route shows them nothing (see `NO_COMPANY` in caller.ts).
 * The second makes a company around them, all or nothing: the company, the
 * caller as its administrator and the wallet's first method are written in
 * one transaction, so a method the gateway or the country refuses leaves no
 * company behind. Shipping accounts come later, through Add account and its
 * 45-day proof, like for any company.
 */
import type { SignInResponse, User } from '../../src/api/schemas/session.js';
import type {
  PaymentAccount,
  PaymentAccountRequest,
  ServedCountry,
  SignUpRequest,
} from '../../src/api/schemas/signup.js';
import type { Db, Sql } from '../db/db.js';
import { ProblemError } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { issueToken } from '../http/tokens.js';
import { methodTypeOf, paymentTypesFor } from '../payments/config.js';
import paymentConfig from '../payments/payment-types.json';
import { assertUnderLimit, recordFailure } from './attempts.js';
import { loadCaller, type Caller } from './caller.js';
import { hashPassword, isCommonPassword } from './passwords.js';
import { loadCompany, toUser } from './session.js';
import { isUniqueViolation, userIdTaken } from './users.js';
import { addMethod } from './wallet.js';

/**
 * Sign-ups per address: every request that gets as far as the user-ID check
 * counts, so the form cannot be used to list which IDs exist, nor to make
 * accounts in bulk. A typo in a password costs nothing: it is refused first.
 */
export const SIGN_UP_LIMIT = { bucket: 'sign-up:ip', max: 10, windowSeconds: 3600 } as const;

const served = paymentConfig.served as Record<string, string>;

/** The countries a payment account may be opened in, from payment-types.json (configuration, not code). */
export function servedCountries(): ServedCountry[] {
  return Object.entries(served)
    .filter(([country]) => /^[A-Z]{2}$/.test(country))
    .map(([country, currency]) => ({ country, currency }))
    .sort((a, b) => a.country.localeCompare(b.country));
}

function currencyOf(country: string): string | null {
  return /^[A-Z]{2}$/.test(country) ? (served[country] ?? null) : null;
}

async function userIdIsTaken(sql: Sql, userId: string): Promise<boolean> {
  // Live user IDs only: a removed user's ID may be given again, as the unique index allows.
  const [row] = await sql.query('select 1 from users where lower(user_id) = lower($1) and removed_at is null', [
    userId,
  ]);
  return row !== undefined;
}

/** POST /signup: a user ID of no company, signed in at once. */
export async function signUp(services: Services, body: SignUpRequest, ip: string): Promise<SignInResponse> {
  const { db, config } = services;
  const now = services.now();
  const limit = { ...SIGN_UP_LIMIT, key: ip };
  await assertUnderLimit(db, limit, now);
  if (isCommonPassword(body.password)) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { password: 'password_too_common' } });
  }
  // Counted outside any transaction: a refusal below rolls its transaction back, not the count.
  await recordFailure(db, limit.bucket, limit.key, now);
  if (await userIdIsTaken(db, body.userId)) throw userIdTaken();
  // Hashed before the transaction: key derivation is slow on purpose, and no lock should wait for it.
  const hash = await hashPassword(body.password, config.passwordIterations);
  let userUuid: string;
  try {
    userUuid = await db.transaction(async (tx) => {
      const [user] = await tx.query<{ id: string }>(
        `insert into users (company_id, user_id, email, name, role, password_hash, last_sign_in_at)
         values (null, $1, $2, $3, null, $4, $5) returning id`,
        [body.userId, body.email, body.name, hash, now.toISOString()],
      );
      await services.audit(tx, {
        companyId: null,
        actorId: user!.id,
        action: 'signup.user',
        target: user!.id,
        data: { userId: body.userId },
      });
      return user!.id;
    });
  } catch (error) {
    // Two sign-ups with one ID at once: the unique index on lower(user_id) decides.
    if (isUniqueViolation(error)) throw userIdTaken();
    throw error;
  }
  const caller = (await loadCaller(db, userUuid))!;
  const { token, expiresAt } = await issueToken(caller.id, await services.tokenSecret(), config.tokenTtlSeconds, now);
  return { token, expiresAt, user: toUser(caller), company: null };
}

const alreadyInCompany = () => new ProblemError(409, 'already_in_company');

/**
 * The wallet's own code, run inside this transaction: `addMethod` opens a
 * transaction of its own, which here joins the open one, so its writes
 * commit or roll back with the company's.
 */
function withinTransaction(db: Db, tx: Sql): Db {
  return {
    kind: db.kind,
    query: (text, params) => tx.query(text, params),
    exec: (text) => tx.exec(text),
    transaction: (fn) => fn(tx),
    close: () => Promise.reject(new Error('a transaction cannot close the database')),
  };
}

/** The wallet refuses a token as `source.token`, the name of the pay form's field; here it is `method.token`. */
function asMethodField(error: unknown): unknown {
  if (error instanceof ProblemError && error.problem.code === 'payment_token_invalid') {
    return new ProblemError(422, 'payment_token_invalid', { fieldErrors: { 'method.token': 'invalid_value' } });
  }
  return error;
}

/** POST /signup/payment-account: a company around a caller who has none. */
export async function openPaymentAccount(
  services: Services,
  caller: Caller,
  body: PaymentAccountRequest,
): Promise<PaymentAccount> {
  const { db } = services;
  if (caller.hasCompany) throw alreadyInCompany();
  const currency = currencyOf(body.country);
  if (!currency) throw new ProblemError(422, 'country_not_served', { fieldErrors: { country: 'not_served' } });
  const { billingAddress, contact } = body;

  let result: { companyId: string; method: PaymentAccount['method'] };
  try {
    result = await db.transaction(async (tx) => {
      // Two submissions at once (a double click): the second waits here, then finds the company.
      const [me] = await tx.query<{ company_id: string | null }>(
        'select company_id from users where id = $1 and removed_at is null for update',
        [caller.id],
      );
      if (!me || me.company_id !== null) throw alreadyInCompany();
      const [company] = await tx.query<{ id: string }>(
        `insert into companies (name, country, currency, billing_address, billing_contact)
         values ($1, $2, $3, $4::jsonb, $5::jsonb) returning id`,
        [body.companyName, body.country, currency, JSON.stringify(billingAddress), JSON.stringify(contact)],
      );
      const companyId = company!.id;
      await tx.query(`update users set company_id = $2, role = 'administrator' where id = $1`, [caller.id, companyId]);
      const audit = (action: string, target: string, data: Record<string, unknown>) =>
        services.audit(tx, { companyId, actorId: caller.id, action, target, data });
      await audit('signup.payment_account', companyId, { name: body.companyName, country: body.country, currency });
      await audit('users.update', caller.id, { role: 'administrator', via: 'signup' });

      // The way to pay must be one the company's country offers (payment-types.json): SEPA in
      // the EU, ACH in the US. An unknown token is left to the wallet, which refuses it.
      const [token] = await tx.query<{ type: string }>('select type from payment_tokens where token = $1', [
        body.method.token,
      ]);
      if (token && !paymentTypesFor(body.country).some((option) => methodTypeOf(option.type) === token.type)) {
        throw new ProblemError(422, 'payment_method_not_allowed', { fieldErrors: { 'method.token': 'not_allowed' } });
      }
      // A card's statements go to the company's address unless the card has its own.
      const cardAddress =
        token?.type === 'card' && !body.method.billingAddress
          ? {
              line1: billingAddress.line1,
              ...(billingAddress.line2 ? { line2: billingAddress.line2 } : {}),
              city: billingAddress.city,
              postalCode: billingAddress.postalCode,
              country: body.country,
            }
          : undefined;
      const administrator: Caller = { ...caller, role: 'administrator', companyId, hasCompany: true, scopeAll: true };
      const method = await addMethod({ ...services, db: withinTransaction(db, tx) }, administrator, {
        ...body.method,
        ...(cardAddress ? { billingAddress: cardAddress } : {}),
        // The first method of a wallet is its default whatever the request says.
        makeDefault: true,
      });
      return { companyId, method };
    });
  } catch (error) {
    throw asMethodField(error);
  }
  const administrator = (await loadCaller(db, caller.id))!;
  return {
    company: await loadCompany(db, result.companyId),
    billingAddress,
    contact,
    user: { ...toUser(administrator), role: 'administrator' } satisfies User,
    method: result.method,
  };
}
