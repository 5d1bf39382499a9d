/**
 * The caller of a request as the server's own records describe it: company,
 * role and scope are loaded per request from the database, never taken from
 * the token or the client.
 */
import type { Role } from '../../src/api/schemas/session.js';
import type { Sql } from '../db/db.js';
import { ProblemError, forbidden } from '../http/problem.js';
import { can, type Capability } from './roles.js';

/**
 * The company of a caller who has none yet (signed up without an invoice,
 * no payment account opened): the nil UUID, which `gen_random_uuid()` never
 * gives a company. Queries scoped by it find nothing, so company code needs
 * no special case to show such a caller nothing.
 */
export const NO_COMPANY = '00000000-0000-0000-0000-000000000000';

export interface Caller {
  id: string;
  userId: string;
  email: string;
  name: string;
  /** For a caller without a company, `viewer`, the least of roles; `hasCompany` says it is no real role. */
  role: Role;
  /** `NO_COMPANY` for a caller without a company. */
  companyId: string;
  /**
   * False for a user who has a user ID but no company yet. Such a caller has
   * no role, hence no capability: `requireCapability` refuses everything, and
   * routes without a capability see no company's rows (see `NO_COMPANY`).
   */
  hasCompany: boolean;
  /** Administrators see the whole company. */
  scopeAll: boolean;
  /** Account and plan numbers assigned to the user. */
  scopeAccounts: string[];
  scopePlans: string[];
  /** Ids of every account the caller may see: assigned ones and members of assigned plans. */
  visibleAccountIds: string[];
}

export async function loadCaller(sql: Sql, userUuid: string): Promise<Caller | null> {
  const [user] = await sql.query<{
    id: string;
    user_id: string;
    email: string;
    name: string;
    role: Role;
    company_id: string | null;
  }>(
    // A removed user's token is refused at once, however long it had left to run.
    'select id, user_id, email, name, role, company_id from users where id = $1 and removed_at is null',
    [userUuid],
  );
  if (!user) return null;
  if (!user.company_id) {
    return {
      id: user.id,
      userId: user.user_id,
      email: user.email,
      name: user.name,
      role: 'viewer',
      companyId: NO_COMPANY,
      hasCompany: false,
      scopeAll: false,
      scopeAccounts: [],
      scopePlans: [],
      visibleAccountIds: [],
    };
  }
  const scopeAll = user.role === 'administrator';
  const scope = await sql.query<{ kind: 'account' | 'plan'; number: string }>(
    `select 'account' as kind, a.number from user_scope s join accounts a on a.id = s.account_id where s.user_id = $1
     union all
     select 'plan' as kind, p.number from user_scope s join plans p on p.id = s.plan_id where s.user_id = $1
     order by 2`,
    [user.id],
  );
  const visible = await sql.query<{ id: string }>(
    `select a.id from accounts a
      where a.company_id = $1
        and ($2::boolean
             or a.id in (select account_id from user_scope where user_id = $3 and account_id is not null)
             or a.plan_id in (select plan_id from user_scope where user_id = $3 and plan_id is not null))`,
    [user.company_id, scopeAll, user.id],
  );
  return {
    id: user.id,
    userId: user.user_id,
    email: user.email,
    name: user.name,
    role: user.role,
    companyId: user.company_id,
    hasCompany: true,
    scopeAll,
    scopeAccounts: scope.filter((s) => s.kind === 'account').map((s) => s.number),
    scopePlans: scope.filter((s) => s.kind === 'plan').map((s) => s.number),
    visibleAccountIds: visible.map((r) => r.id),
  };
}

/** Throws 403 unless the caller's role allows `capability`. A caller without a company has no role. */
export function requireCapability(caller: Caller, capability: Capability): void {
  if (!caller.hasCompany || !can(caller.role, capability)) throw forbidden();
}

export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new ProblemError(401, 'unauthenticated');
  return caller;
}
