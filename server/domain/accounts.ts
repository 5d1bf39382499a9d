/** Accounts and plans, limited to the caller's scope. */
import type { Account, Plan } from '../../src/api/schemas/account.js';
import type { Sql } from '../db/db.js';
import type { Caller } from './caller.js';

export async function listAccounts(sql: Sql, caller: Caller): Promise<Account[]> {
  const rows = await sql.query<{
    number: string;
    name: string;
    nickname: string | null;
    country: string;
    currency: string;
    plan_number: string | null;
    xml_enrolled: boolean;
  }>(
    `select a.number, a.name, a.nickname, a.country, a.currency, p.number as plan_number, a.xml_enrolled
       from accounts a left join plans p on p.id = a.plan_id
      where a.company_id = $1 and ($2::boolean or a.id = any($3::uuid[]))
      order by a.number`,
    [caller.companyId, caller.scopeAll, caller.visibleAccountIds],
  );
  return rows.map((r) => ({
    number: r.number,
    name: r.name,
    nickname: r.nickname,
    country: r.country,
    currency: r.currency,
    planNumber: r.plan_number,
    xmlEnrolled: r.xml_enrolled,
  }));
}

/** Plans the caller may see: assigned ones, and plans of visible accounts (with only the visible members). */
export async function listPlans(sql: Sql, caller: Caller): Promise<Plan[]> {
  const rows = await sql.query<{
    number: string;
    name: string;
    country: string;
    currency: string;
    members: string[] | null;
  }>(
    `select p.number, p.name, p.country, p.currency,
            array_remove(array_agg(a.number order by a.number), null) as members
       from plans p
       left join accounts a on a.plan_id = p.id and ($2::boolean or a.id = any($3::uuid[]))
      where p.company_id = $1
        and ($2::boolean or p.number = any($4::text[]) or a.id is not null)
      group by p.id
      order by p.number`,
    [caller.companyId, caller.scopeAll, caller.visibleAccountIds, caller.scopePlans],
  );
  return rows.map((r) => ({
    number: r.number,
    name: r.name,
    country: r.country,
    currency: r.currency,
    accountNumbers: r.members ?? [],
  }));
}
