/**
 * Administrator recovery: when a company's administrator has left, any user
 * of the company files a request naming the previous administrator (user ID
 * and e-mail, which must match one of the company's administrators) and the
 * person who should take over. UPS operations check it with the company and
 * approve it (`npm run ops -- approve-recovery <id>`): the new administrator
 * is an existing user of the company promoted, or a new user created with a
 * temporary password the operator hands over. The previous administrator
 * keeps the role; the new one may remove them, being no longer the last.
 */
import type { CreateRecoveryRequest, RecoveryRequest } from '../../src/api/schemas/users.js';
import type { Sql } from '../db/db.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { assertUnderLimit, recordFailure } from './attempts.js';
import type { Caller } from './caller.js';
import { hashPassword } from './passwords.js';
import { insertUser, isUniqueViolation, temporaryPassword, userIdTaken } from './users.js';

interface RequestRow {
  id: string;
  company_id: string;
  previous_admin_user_id: string;
  previous_admin_email: string;
  new_admin_user_id: string;
  new_admin_email: string;
  new_admin_name: string | null;
  status: RecoveryRequest['status'];
  requested_by_user_id: string | null;
  requested_by_name: string | null;
  created_at: string;
  approved_at: string | null;
}

const REQUEST_SELECT = `
  select r.id, r.company_id, r.previous_admin_user_id, r.previous_admin_email, r.new_admin_user_id,
         r.new_admin_email, r.new_admin_name, r.status, u.user_id as requested_by_user_id,
         u.name as requested_by_name, r.created_at, r.approved_at
    from admin_recovery_requests r left join users u on u.id = r.requested_by`;

function toRequest(row: RequestRow): RecoveryRequest {
  return {
    id: row.id,
    previousAdminUserId: row.previous_admin_user_id,
    previousAdminEmail: row.previous_admin_email,
    newAdminUserId: row.new_admin_user_id,
    newAdminEmail: row.new_admin_email,
    newAdminName: row.new_admin_name,
    status: row.status,
    requestedBy:
      row.requested_by_user_id === null ? null : { userId: row.requested_by_user_id, name: row.requested_by_name! },
    createdAt: row.created_at,
    approvedAt: row.approved_at,
  };
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

interface NewAdmin {
  id: string;
  company_id: string | null;
  email: string;
  role: string;
}

/** The live user a request names as new administrator, if there is one; refuses what cannot be approved. */
async function checkNewAdmin(
  sql: Sql,
  companyId: string,
  request: { newAdminUserId: string; newAdminEmail: string },
): Promise<NewAdmin | null> {
  const [user] = await sql.query<NewAdmin>(
    'select id, company_id, email, role from users where lower(user_id) = lower($1) and removed_at is null',
    [request.newAdminUserId],
  );
  if (!user) return null;
  // Another company's user: the ID cannot be given to a new user here either.
  if (user.company_id !== companyId) throw userIdTaken('newAdminUserId');
  if (!sameEmail(user.email, request.newAdminEmail)) {
    throw new ProblemError(422, 'recovery_mismatch', { fieldErrors: { newAdminEmail: 'invalid_value' } });
  }
  if (user.role === 'administrator') {
    throw new ProblemError(409, 'already_administrator', { fieldErrors: { newAdminUserId: 'invalid_value' } });
  }
  return user;
}

/** Wrong administrator details cost an attempt: the form must not become a way to guess who administers. */
const RECOVERY_LIMIT = { bucket: 'recovery:user', max: 10, windowSeconds: 24 * 3600 };
const GUESSES = new Set(['recovery_mismatch', 'user_id_taken', 'already_administrator']);

export async function createRecoveryRequest(
  services: Services,
  caller: Caller,
  body: CreateRecoveryRequest,
): Promise<RecoveryRequest> {
  const limit = { ...RECOVERY_LIMIT, key: caller.id };
  await assertUnderLimit(services.db, limit, services.now());
  try {
    return await recoveryRequest(services, caller, body);
  } catch (error) {
    // Recorded outside the refused transaction, which rolls back.
    if (error instanceof ProblemError && GUESSES.has(error.problem.code)) {
      await recordFailure(services.db, limit.bucket, limit.key, services.now());
    }
    throw error;
  }
}

async function recoveryRequest(
  services: Services,
  caller: Caller,
  body: CreateRecoveryRequest,
): Promise<RecoveryRequest> {
  return services.db.transaction(async (tx) => {
    const [previous] = await tx.query<{ email: string }>(
      `select email from users
        where company_id = $1 and lower(user_id) = lower($2) and role = 'administrator' and removed_at is null`,
      [caller.companyId, body.previousAdminUserId],
    );
    if (!previous || !sameEmail(previous.email, body.previousAdminEmail)) {
      // Both fields, whichever was wrong: the form must not become a way to find out who administers.
      throw new ProblemError(422, 'recovery_mismatch', {
        fieldErrors: { previousAdminUserId: 'invalid_value', previousAdminEmail: 'invalid_value' },
      });
    }
    const existing = await checkNewAdmin(tx, caller.companyId, body);
    const [row] = await tx.query<{ id: string }>(
      `insert into admin_recovery_requests (company_id, requested_by, previous_admin_user_id, previous_admin_email,
                                            new_admin_user_id, new_admin_email, new_admin_name)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        caller.companyId,
        caller.id,
        body.previousAdminUserId,
        body.previousAdminEmail,
        body.newAdminUserId,
        body.newAdminEmail,
        body.newAdminName ?? null,
      ],
    );
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'recovery.create',
      target: row!.id,
      data: {
        previousAdminUserId: body.previousAdminUserId,
        newAdminUserId: body.newAdminUserId,
        newUser: existing === null,
      },
    });
    return requestView(tx, row!.id);
  });
}

async function requestView(sql: Sql, id: string): Promise<RecoveryRequest> {
  const [row] = await sql.query<RequestRow>(`${REQUEST_SELECT} where r.id = $1`, [id]);
  return toRequest(row!);
}

/** An administrator sees every request of its company; anyone else, the requests they filed. */
export async function listRecoveryRequests(sql: Sql, caller: Caller): Promise<RecoveryRequest[]> {
  const rows = await sql.query<RequestRow>(
    `${REQUEST_SELECT} where r.company_id = $1 and ($2::boolean or r.requested_by = $3)
      order by r.created_at desc, r.id`,
    [caller.companyId, caller.role === 'administrator', caller.id],
  );
  return rows.map(toRequest);
}

export interface RecoveryApproval {
  request: RecoveryRequest;
  companyName: string;
  /** Whether the new administrator was created, rather than an existing user promoted. */
  created: boolean;
  /** For a created user: the password to hand over, shown this once. */
  temporaryPassword: string | null;
}

/**
 * Approves a pending request (operations only; no HTTP route does this). The
 * checks of the request run again: things may have changed since it was filed.
 */
export async function approveRecoveryRequest(services: Services, id: string): Promise<RecoveryApproval> {
  // Derived before the transaction, so the company's lock is not held through the key derivation.
  const password = temporaryPassword();
  const hash = await hashPassword(password, services.config.passwordIterations);
  try {
    return await services.db.transaction(async (tx) => {
      const [row] = await tx.query<RequestRow>(`${REQUEST_SELECT} where r.id = $1 for update of r`, [id]);
      if (!row) throw notFound();
      if (row.status !== 'pending') throw new ProblemError(409, 'conflict', { detail: `already ${row.status}` });
      await tx.query('select 1 from companies where id = $1 for update', [row.company_id]);
      const request = { newAdminUserId: row.new_admin_user_id, newAdminEmail: row.new_admin_email };
      const existing = await checkNewAdmin(tx, row.company_id, request);
      let adminId: string;
      if (existing) {
        adminId = existing.id;
        await tx.query(`update users set role = 'administrator' where id = $1`, [adminId]);
        // An administrator's scope is the whole company.
        await tx.query('delete from user_scope where user_id = $1', [adminId]);
      } else {
        adminId = await insertUser(
          tx,
          {
            companyId: row.company_id,
            userId: row.new_admin_user_id,
            email: row.new_admin_email,
            name: row.new_admin_name ?? row.new_admin_user_id,
            role: 'administrator',
          },
          hash,
        );
      }
      await tx.query(
        `update admin_recovery_requests set status = 'approved', approved_at = now(), new_admin_id = $2 where id = $1`,
        [id, adminId],
      );
      await services.audit(tx, {
        companyId: row.company_id,
        // Operations act outside any company's users.
        actorId: null,
        action: 'recovery.approve',
        target: id,
        data: { newAdminUserId: row.new_admin_user_id, newAdminId: adminId, created: !existing },
      });
      const [company] = await tx.query<{ name: string }>('select name from companies where id = $1', [row.company_id]);
      return {
        request: await requestView(tx, id),
        companyName: company!.name,
        created: !existing,
        temporaryPassword: existing ? null : password,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw userIdTaken('newAdminUserId');
    throw error;
  }
}
