/**
 * User administration. Who may manage whom:
 *
 * - an administrator manages every user of its company;
 * - a manager manages only users whose whole scope lies within its own (not
 *   administrators, who see everything), gives only scope within its own, and
 *   never the administrator role. Every other user is "not found" to it, as
 *   are other companies' users to everyone;
 * - the last administrator of a company is never removed or demoted.
 *
 * Every change takes the company's row lock first, so two administrators
 * demoting each other at once cannot leave the company with none.
 */
import type {
  CreatedUser,
  CreateUserRequest,
  ManagedUser,
  ScopeRequest,
  UpdateUserRequest,
  UserList,
  UserListQuery,
  UserSortKey,
} from '../../src/api/schemas/users.js';
import type { Role } from '../../src/api/schemas/session.js';
import type { Sql } from '../db/db.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Services } from '../http/services.js';
import type { Caller } from './caller.js';
import { hashPassword } from './passwords.js';

interface UserRow {
  id: string;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: string;
  last_sign_in_at: string | null;
  accounts: string[];
  plans: string[];
}

const USER_SELECT = `
  select u.id, u.user_id, u.email, u.name, u.role, u.created_at, u.last_sign_in_at,
         array(select a.number from user_scope s join accounts a on a.id = s.account_id
                where s.user_id = u.id order by a.number) as accounts,
         array(select p.number from user_scope s join plans p on p.id = s.plan_id
                where s.user_id = u.id order by p.number) as plans
    from users u`;

/**
 * Live users of the caller's company the caller may manage: all of them for
 * an administrator; for anyone else, non-administrators none of whose scope
 * entries falls outside what the caller sees (and who has some scope: a user
 * without any, such as a demoted administrator, is the administrators' to
 * place). A plan counts only if the
 * caller has the plan itself (it gives accounts added to it later), an
 * account if the caller sees it. Parameters $1…$4.
 */
const VISIBLE = `u.company_id = $1 and u.removed_at is null
  and ($2::boolean or (u.role <> 'administrator'
       and exists (select 1 from user_scope s where s.user_id = u.id)
       and not exists (
        select 1 from user_scope s left join plans p on p.id = s.plan_id
         where s.user_id = u.id
           and case when s.account_id is not null then not (s.account_id = any($3::uuid[]))
                    else not (p.number = any($4::text[])) end)))`;

const visibleParams = (caller: Caller) => [
  caller.companyId,
  caller.scopeAll,
  caller.visibleAccountIds,
  caller.scopePlans,
];

function toUser(row: UserRow): ManagedUser {
  const all = row.role === 'administrator';
  return {
    id: row.id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    scope: { all, accounts: all ? [] : row.accounts, plans: all ? [] : row.plans },
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

/** Sort columns; the role sorts by rank (administrator first), never alphabetically. */
const SORT_COLUMNS: Record<UserSortKey, string> = {
  userId: 'lower(u.user_id)',
  name: 'lower(u.name)',
  email: 'lower(u.email)',
  role: `array_position(array['administrator', 'manager', 'payer', 'viewer'], u.role)`,
  createdAt: 'u.created_at',
  lastSignInAt: 'u.last_sign_in_at',
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function administratorCount(sql: Sql, companyId: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `select count(*)::int as n from users where company_id = $1 and role = 'administrator' and removed_at is null`,
    [companyId],
  );
  return row!.n;
}

export async function listUsers(sql: Sql, caller: Caller, query: UserListQuery): Promise<UserList> {
  const params: unknown[] = visibleParams(caller);
  let where = VISIBLE;
  if (query.q) {
    params.push(`%${escapeLike(query.q.toLowerCase())}%`);
    const p = `$${params.length}`;
    where += ` and (lower(u.user_id) like ${p} or lower(u.name) like ${p} or lower(u.email) like ${p})`;
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 100;
  const direction = query.order === 'desc' ? 'desc' : 'asc';
  // Users who never signed in sort after those who did, whichever the direction.
  const order = `${SORT_COLUMNS[query.sort ?? 'userId']} ${direction} nulls last, lower(u.user_id), u.id`;
  const rows = await sql.query<UserRow>(
    `${USER_SELECT} where ${where} order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}`,
    params,
  );
  const [count] = await sql.query<{ n: number }>(`select count(*)::int as n from users u where ${where}`, params);
  return {
    items: rows.map(toUser),
    page,
    pageSize,
    total: count!.n,
    administratorCount: await administratorCount(sql, caller.companyId),
  };
}

/** A user the caller may manage, or 404 — whether it exists elsewhere or not. */
async function visibleUser(sql: Sql, caller: Caller, id: string): Promise<UserRow> {
  const [row] = await sql.query<UserRow>(`${USER_SELECT} where u.id = $5 and ${VISIBLE}`, [
    ...visibleParams(caller),
    id,
  ]);
  if (!row) throw notFound();
  return row;
}

async function userView(sql: Sql, id: string): Promise<ManagedUser> {
  const [row] = await sql.query<UserRow>(`${USER_SELECT} where u.id = $1`, [id]);
  return toUser(row!);
}

/** Serializes user changes within a company: the administrator count read next stays true until commit. */
async function lockCompany(tx: Sql, companyId: string): Promise<void> {
  await tx.query('select 1 from companies where id = $1 for update', [companyId]);
}

interface ResolvedScope {
  accountIds: string[];
  planIds: string[];
  accounts: string[];
  plans: string[];
}

const NO_SCOPE: ResolvedScope = { accountIds: [], planIds: [], accounts: [], plans: [] };

/**
 * The scope of a request, as ids. Every entry must be one the caller may
 * give: an account it sees, a plan of its own scope (for an administrator,
 * any of the company's). Anything else — unknown, another company's, or
 * outside a manager's scope — gets the same 404 with `invalid_value` on the
 * entry, so the answer never tells which.
 */
async function resolveScope(sql: Sql, caller: Caller, scope: ScopeRequest): Promise<ResolvedScope> {
  const accountNumbers = [...new Set(scope.accounts)];
  const planNumbers = [...new Set(scope.plans)];
  const accounts = await sql.query<{ id: string; number: string }>(
    `select id, number from accounts
      where company_id = $1 and number = any($2::text[]) and ($3::boolean or id = any($4::uuid[]))
      order by number`,
    [caller.companyId, accountNumbers, caller.scopeAll, caller.visibleAccountIds],
  );
  const plans = await sql.query<{ id: string; number: string }>(
    `select id, number from plans
      where company_id = $1 and number = any($2::text[]) and ($3::boolean or number = any($4::text[]))
      order by number`,
    [caller.companyId, planNumbers, caller.scopeAll, caller.scopePlans],
  );
  const fieldErrors: Record<string, string> = {};
  scope.accounts.forEach((number, i) => {
    if (!accounts.some((a) => a.number === number)) fieldErrors[`scope.accounts.${i}`] = 'invalid_value';
  });
  scope.plans.forEach((number, i) => {
    if (!plans.some((p) => p.number === number)) fieldErrors[`scope.plans.${i}`] = 'invalid_value';
  });
  if (Object.keys(fieldErrors).length) throw new ProblemError(404, 'not_found', { fieldErrors });
  return {
    accountIds: accounts.map((a) => a.id),
    planIds: plans.map((p) => p.id),
    accounts: accounts.map((a) => a.number),
    plans: plans.map((p) => p.number),
  };
}

/** Only an administrator makes administrators. */
function assertMayGrant(caller: Caller, role: Role): void {
  if (role === 'administrator' && caller.role !== 'administrator') {
    throw new ProblemError(403, 'forbidden', { fieldErrors: { role: 'not_allowed' } });
  }
}

export const userIdTaken = (field = 'userId') =>
  new ProblemError(409, 'user_id_taken', { fieldErrors: { [field]: 'taken' } });

/** User IDs are sign-in names: unique among live users of every company, without regard to case. */
async function assertUserIdFree(sql: Sql, userId: string): Promise<void> {
  const [taken] = await sql.query('select 1 from users where lower(user_id) = lower($1) and removed_at is null', [
    userId,
  ]);
  if (taken) throw userIdTaken();
}

export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

async function writeScope(tx: Sql, userId: string, scope: ResolvedScope): Promise<void> {
  await tx.query('delete from user_scope where user_id = $1', [userId]);
  if (scope.accountIds.length) {
    await tx.query('insert into user_scope (user_id, account_id) select $1, unnest($2::uuid[])', [
      userId,
      scope.accountIds,
    ]);
  }
  if (scope.planIds.length) {
    await tx.query('insert into user_scope (user_id, plan_id) select $1, unnest($2::uuid[])', [userId, scope.planIds]);
  }
}

/** Letters and digits that cannot be misread for one another when passed on by hand (no 0/O, 1/l/I). */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 16 random characters (~93 bits) in four groups: strong, and easy to read out once. */
export function temporaryPassword(): string {
  const chars: string[] = [];
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  while (chars.length < 16) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      if (byte < limit && chars.length < 16) chars.push(PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length]!);
    }
  }
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Inserts a live user with a fresh temporary password; the caller checked everything else. */
export async function insertUser(
  tx: Sql,
  user: { companyId: string; userId: string; email: string; name: string; role: Role },
  passwordHash: string,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into users (company_id, user_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5, $6)
     returning id`,
    [user.companyId, user.userId, user.email, user.name, user.role, passwordHash],
  );
  return row!.id;
}

export async function createUser(services: Services, caller: Caller, body: CreateUserRequest): Promise<CreatedUser> {
  const { db } = services;
  const checks = async (sql: Sql) => {
    // What the caller may not give is "not found" before anything else is said about the request.
    const scope = body.role === 'administrator' ? NO_SCOPE : await resolveScope(sql, caller, body.scope);
    assertMayGrant(caller, body.role);
    await assertUserIdFree(sql, body.userId);
    return scope;
  };
  // Checked once before hashing, so a refused request costs no key derivation, and again under the lock.
  await checks(db);
  const password = temporaryPassword();
  const hash = await hashPassword(password, services.config.passwordIterations);
  try {
    return await db.transaction(async (tx) => {
      await lockCompany(tx, caller.companyId);
      const scope = await checks(tx);
      const id = await insertUser(tx, { ...body, companyId: caller.companyId }, hash);
      await writeScope(tx, id, scope);
      await services.audit(tx, {
        companyId: caller.companyId,
        actorId: caller.id,
        action: 'users.create',
        target: id,
        data: { userId: body.userId, role: body.role, scope: { accounts: scope.accounts, plans: scope.plans } },
      });
      return { user: await userView(tx, id), temporaryPassword: password };
    });
  } catch (error) {
    // Another company took the ID between the check and the insert: the unique index decides.
    if (isUniqueViolation(error)) throw userIdTaken();
    throw error;
  }
}

const lastAdministrator = (fieldErrors?: Record<string, string>) =>
  new ProblemError(409, 'last_administrator', fieldErrors ? { fieldErrors } : {});

export async function updateUser(
  services: Services,
  caller: Caller,
  id: string,
  body: UpdateUserRequest,
  require: () => void,
): Promise<ManagedUser> {
  return services.db.transaction(async (tx) => {
    await lockCompany(tx, caller.companyId);
    const target = await visibleUser(tx, caller, id);
    require();
    const role = body.role ?? target.role;
    // An administrator's scope is the whole company: lists sent with that role are not kept.
    const scope =
      role === 'administrator'
        ? NO_SCOPE
        : body.scope
          ? await resolveScope(tx, caller, body.scope)
          : // Demoted without a scope given: from "everything" to nothing, never to a guess.
            target.role === 'administrator'
            ? NO_SCOPE
            : null;
    assertMayGrant(caller, role);
    if (target.role === 'administrator' && role !== 'administrator') {
      if ((await administratorCount(tx, caller.companyId)) <= 1)
        throw lastAdministrator({ role: 'last_administrator' });
    }
    await tx.query(`update users set role = $2, name = coalesce($3, name), email = coalesce($4, email) where id = $1`, [
      id,
      role,
      body.name ?? null,
      body.email ?? null,
    ]);
    if (scope) await writeScope(tx, id, scope);
    const changes: Record<string, unknown> = {};
    if (role !== target.role) changes['role'] = { from: target.role, to: role };
    if (scope && (scope.accounts.join() !== target.accounts.join() || scope.plans.join() !== target.plans.join())) {
      changes['scope'] = {
        from: { accounts: target.accounts, plans: target.plans },
        to: { accounts: scope.accounts, plans: scope.plans },
      };
    }
    if (body.name !== undefined && body.name !== target.name) changes['name'] = { from: target.name, to: body.name };
    if (body.email !== undefined && body.email !== target.email) {
      changes['email'] = { from: target.email, to: body.email };
    }
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'users.update',
      target: id,
      data: { userId: target.user_id, changes },
    });
    return userView(tx, id);
  });
}

/**
 * Removes a user: the row stays (audit rows, payments and AutoPay agreements
 * name who acted) but the user is gone from every list, cannot sign in, and
 * its token stops working at once. Its AutoPay rules keep running: they pay
 * the company's invoices, and an administrator decides about them.
 */
export async function removeUser(services: Services, caller: Caller, id: string, require: () => void): Promise<void> {
  await services.db.transaction(async (tx) => {
    await lockCompany(tx, caller.companyId);
    const target = await visibleUser(tx, caller, id);
    require();
    // Also when administrators remove themselves: someone must be left to administer.
    if (target.role === 'administrator' && (await administratorCount(tx, caller.companyId)) <= 1) {
      throw lastAdministrator();
    }
    await tx.query('update users set removed_at = now() where id = $1', [id]);
    await tx.query('delete from user_scope where user_id = $1', [id]);
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'users.remove',
      target: id,
      data: { userId: target.user_id, role: target.role, self: id === caller.id },
    });
  });
}
