/**
 * The audit log as administrators read it: their company's rows, newest
 * first, optionally only actions starting with a prefix (`users.`). Rows are
 * written by `services.audit` in the same transaction as the change they
 * record, so the log never shows a change that did not happen.
 */
import type { AuditLogQuery, AuditPage } from '../../src/api/schemas/users.js';
import type { Sql } from '../db/db.js';
import type { Caller } from './caller.js';

const DEFAULT_PAGE_SIZE = 50;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAuditLog(sql: Sql, caller: Caller, query: AuditLogQuery): Promise<AuditPage> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  // `_` is a LIKE wildcard and common in actions (`session.sign_in`): escaped, the prefix matches itself only.
  const params: unknown[] = [caller.companyId, query.action ? `${escapeLike(query.action)}%` : null];
  const where = `l.company_id = $1 and ($2::text is null or l.action like $2)`;
  const rows = await sql.query<{
    id: string;
    at: string;
    action: string;
    target: string | null;
    data: Record<string, unknown> | null;
    actor_id: string | null;
    actor_user_id: string | null;
    actor_name: string | null;
  }>(
    `select l.id::text as id, l.at, l.action, l.target, l.data,
            u.id as actor_id, u.user_id as actor_user_id, u.name as actor_name
       from audit_log l left join users u on u.id = l.actor_id
      where ${where}
      order by l.at desc, l.id desc
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
    params,
  );
  const [count] = await sql.query<{ n: number }>(`select count(*)::int as n from audit_log l where ${where}`, params);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      actor: r.actor_id ? { id: r.actor_id, userId: r.actor_user_id!, name: r.actor_name! } : null,
      target: r.target,
      data: r.data,
    })),
    page,
    pageSize,
    total: count!.n,
  };
}
