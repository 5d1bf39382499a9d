/**
 * Enrolment: a company signs up with one of its UPS accounts, proved by a
 * recent invoice (server/domain/invoice-proof.ts), and its first user, who
 * becomes the company's administrator and is signed in at once.
 *
 * The routes are public, so they are careful about what they tell: the
 * proof comes first, and only a caller who passed it learns that the
 * account is another company's, or that the chosen user ID is taken.
 */
import type { EnrollmentCheck, EnrollmentRequest } from '../../src/api/schemas/enrollment.js';
import type { InvoiceProof } from '../../src/api/schemas/invoice-proof.js';
import type { SignInResponse } from '../../src/api/schemas/session.js';
import type { Sql } from '../db/db.js';
import { ProblemError } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { issueToken } from '../http/tokens.js';
import { enrollAccount, lockAccountCompany } from './accounts.js';
import { loadCaller } from './caller.js';
import { accountInOtherCompany, proveAccount, type ProvenAccount } from './invoice-proof.js';
import { hashPassword, isCommonPassword } from './passwords.js';
import { loadCompany, toUser } from './session.js';
import { insertUser, isUniqueViolation, userIdTaken } from './users.js';

/** POST /enrollment/invoice-check: the account the invoice proves, if no company has it yet. */
export async function checkEnrollmentInvoice(
  services: Services,
  proof: InvoiceProof,
  ip: string,
): Promise<EnrollmentCheck> {
  const account = await proveAccount(services, proof, { ip });
  if (account.companyId !== null) throw accountInOtherCompany(account.companyName!);
  return {
    accountNumber: account.number,
    accountName: account.name,
    country: account.country,
    currency: account.currency,
  };
}

const FIRST_USER_ID = 'user.userId';

async function assertUserIdFree(sql: Sql, userId: string): Promise<void> {
  const [taken] = await sql.query('select 1 from users where lower(user_id) = lower($1) and removed_at is null', [
    userId,
  ]);
  if (taken) throw userIdTaken(FIRST_USER_ID);
}

/** POST /enrollment */
export async function enrollCompany(services: Services, body: EnrollmentRequest, ip: string): Promise<SignInResponse> {
  const { db, config } = services;
  const now = services.now();
  // Before the invoice is checked, so a weak password costs no attempt of the account's limit.
  if (isCommonPassword(body.user.password)) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { 'user.password': 'password_too_common' } });
  }
  const account: ProvenAccount = await proveAccount(services, body.invoice, { ip, prefix: 'invoice.' });
  if (account.companyId !== null) throw accountInOtherCompany(account.companyName!, 'invoice.accountNumber');
  await assertUserIdFree(db, body.user.userId);
  // Hashed before the transaction: key derivation is slow on purpose, and no lock should wait for it.
  const hash = await hashPassword(body.user.password, config.passwordIterations);
  let userUuid: string;
  let companyId: string;
  try {
    ({ userUuid, companyId } = await db.transaction(async (tx) => {
      const current = await lockAccountCompany(tx, account.id);
      // Two sign-ups with the same invoice at once: the first to lock the account wins.
      if (current.company_id !== null) throw accountInOtherCompany(current.company_name!, 'invoice.accountNumber');
      await assertUserIdFree(tx, body.user.userId);
      const [company] = await tx.query<{ id: string }>(
        'insert into companies (name, country, currency) values ($1, $2, $3) returning id',
        [body.companyName ?? account.name, account.country, account.currency],
      );
      const companyId = company!.id;
      await enrollAccount(tx, account.id, companyId, now);
      const userUuid = await insertUser(
        tx,
        { companyId, userId: body.user.userId, email: body.user.email, name: body.user.name, role: 'administrator' },
        hash,
      );
      // The first user is signed in by this very request.
      await tx.query('update users set last_sign_in_at = $2 where id = $1', [userUuid, now.toISOString()]);
      const audit = (action: string, target: string, data: Record<string, unknown>) =>
        services.audit(tx, { companyId, actorId: userUuid, action, target, data });
      await audit('enrollment.sign_up', companyId, {
        accountNumber: account.number,
        invoiceNumber: body.invoice.invoiceNumber.toUpperCase(),
        userId: body.user.userId,
      });
      await audit('accounts.add', account.number, { via: 'enrollment', country: account.country });
      await audit('users.create', userUuid, { userId: body.user.userId, role: 'administrator', via: 'enrollment' });
      return { userUuid, companyId };
    }));
  } catch (error) {
    // Another sign-up or another company took the ID between the check and the insert: the unique index decides.
    if (isUniqueViolation(error)) throw userIdTaken(FIRST_USER_ID);
    throw error;
  }
  const caller = (await loadCaller(db, userUuid))!;
  const { token, expiresAt } = await issueToken(caller.id, await services.tokenSecret(), config.tokenTtlSeconds, now);
  return { token, expiresAt, user: toUser(caller), company: await loadCompany(db, companyId) };
}
