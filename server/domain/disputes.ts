/**
 * Disputes of an invoice, some of its shipments, or some of its charge
 * lines (issue 7). A dispute never changes what the invoice owes: it marks
 * the invoice "in dispute" while open, and only a decision by UPS (see
 * server/disputes/review.ts) may credit an amount.
 *
 * Visibility follows the invoice: a dispute is seen by whoever sees its
 * invoice, and is someone else's business (404) otherwise. Creating one is
 * in server/disputes/create.ts; UPS's review in server/disputes/review.ts.
 */
import type {
  Dispute,
  DisputeListQuery,
  DisputePage,
  DisputeStatus,
  DisputeSummary,
  WithdrawDisputeRequest,
} from '../../src/api/schemas/dispute.js';
import type { Sql } from '../db/db.js';
import { ProblemError, forbidden, notFound } from '../http/problem.js';
import type { Services } from '../http/services.js';
import type { Caller } from './caller.js';
import { visibleTo, Where } from './invoice-filter.js';
import { can } from './roles.js';

export const OPEN_STATUSES = ['submitted', 'in_review'] as const;
export const OPEN_SQL = `('submitted', 'in_review')`;
const DEFAULT_PAGE_SIZE = 25;

/** Keeps `invoices.in_dispute` true exactly while the invoice has an open dispute. */
export async function refreshInDispute(sql: Sql, invoiceId: number): Promise<void> {
  await sql.query(
    `update invoices set in_dispute = exists (select 1 from disputes where invoice_id = $1 and status in ${OPEN_SQL})
      where id = $1`,
    [invoiceId],
  );
}

// ── reading ──────────────────────────────────────────────────────────

const SUMMARY_SELECT = `
  select d.id, d.invoice_id, d.number, i.number as invoice_number, i.account_number, i.type as invoice_type, d.scope, d.reason,
         d.status, d.disputed, d.currency, d.created_at, d.created_by, u.name as created_by_name, d.updated_at,
         d.decided_at, d.credited, d.credit_target, ci.number as credit_invoice_number, d.outcome_note,
         coalesce((select array_agg(l.shipment_id::text order by l.shipment_id) from dispute_lines l
                    where l.dispute_id = d.id and l.charge_id is null), '{}') as shipment_ids,
         coalesce((select array_agg(l.charge_id::text order by l.charge_id) from dispute_lines l
                    where l.dispute_id = d.id and l.charge_id is not null), '{}') as charge_ids
    from disputes d
    -- An account that changed companies keeps its earlier company's disputes away from the next one.
    join invoices i on i.id = d.invoice_id and i.company_id = d.company_id
    join users u on u.id = d.created_by
    left join invoices ci on ci.id = d.credit_invoice_id`;

interface SummaryRow {
  id: string;
  invoice_id: number;
  number: string;
  invoice_number: string;
  account_number: string;
  invoice_type: DisputeSummary['invoiceType'];
  scope: DisputeSummary['scope'];
  reason: DisputeSummary['reason'];
  status: DisputeStatus;
  disputed: number;
  currency: string;
  created_at: string;
  created_by: string;
  created_by_name: string;
  updated_at: string;
  decided_at: string | null;
  credited: number | null;
  credit_target: 'same_invoice' | 'next_invoice' | null;
  credit_invoice_number: string | null;
  outcome_note: string | null;
  shipment_ids: string[];
  charge_ids: string[];
}

function toSummary(row: SummaryRow): DisputeSummary {
  const money = (amount: number) => ({ amount, currency: row.currency });
  return {
    id: row.id,
    number: row.number,
    invoiceNumber: row.invoice_number,
    accountNumber: row.account_number,
    invoiceType: row.invoice_type,
    scope: row.scope,
    reason: row.reason,
    status: row.status,
    disputed: money(row.disputed),
    shipmentIds: row.shipment_ids,
    chargeIds: row.charge_ids,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
    updatedAt: row.updated_at,
    outcome: row.decided_at
      ? {
          credited: money(row.credited ?? 0),
          target: row.credit_target,
          creditInvoiceNumber: row.credit_invoice_number,
          note: row.outcome_note,
          decidedAt: row.decided_at,
        }
      : null,
  };
}

const STATUS_FILTERS: Record<string, readonly DisputeStatus[]> = {
  open: OPEN_STATUSES,
  resolved: ['approved', 'partially_approved', 'denied'],
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listDisputes(sql: Sql, caller: Caller, query: DisputeListQuery): Promise<DisputePage> {
  if (query.from && query.to && query.from > query.to) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { to: 'range_inverted' } });
  }
  const where = visibleTo(new Where(), caller);
  const status = query.status ?? 'all';
  if (status !== 'all') {
    where.clauses.push(`d.status = any(${where.param(STATUS_FILTERS[status] ?? [status])}::text[])`);
  }
  if (query.account) where.clauses.push(`i.account_number = ${where.param(query.account)}`);
  if (query.invoice) where.clauses.push(`i.number = ${where.param(query.invoice.toUpperCase())}`);
  if (query.from) where.clauses.push(`d.created_at >= ${where.param(query.from)}::date`);
  if (query.to) where.clauses.push(`d.created_at < ${where.param(query.to)}::date + 1`);
  const q = query.q?.trim();
  if (q) {
    const like = where.param(`%${escapeLike(q)}%`);
    where.clauses.push(`(d.number ilike ${like} or i.number ilike ${like} or d.tracking_number ilike ${like}
      or exists (select 1 from dispute_lines l where l.dispute_id = d.id and l.tracking_number ilike ${like}))`);
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const filterParams = [...where.params];
  const rows = await sql.query<SummaryRow>(
    `${SUMMARY_SELECT} where ${where} order by d.created_at desc, d.number desc
      limit ${where.param(pageSize)} offset ${where.param((page - 1) * pageSize)}`,
    where.params,
  );
  const [count] = await sql.query<{ n: number }>(
    `select count(*)::int as n from disputes d join invoices i on i.id = d.invoice_id and i.company_id = d.company_id
      where ${where}`,
    filterParams,
  );
  return { items: rows.map(toSummary), page, pageSize, total: count!.n };
}

/** The dispute if the caller may see its invoice; 404 otherwise, whether it exists or not. */
async function findDispute(sql: Sql, caller: Caller, id: string): Promise<SummaryRow> {
  const where = visibleTo(new Where(), caller);
  where.clauses.push(`d.id = ${where.param(id)}`);
  const [row] = await sql.query<SummaryRow>(`${SUMMARY_SELECT} where ${where}`, where.params);
  if (!row) throw notFound();
  return row;
}

/** Open, and the caller may act for it: its author, or an administrator or manager (who see its account). */
function mayWithdraw(caller: Caller, row: { status: DisputeStatus; created_by: string }): boolean {
  return (
    (OPEN_STATUSES as readonly string[]).includes(row.status) &&
    can(caller.role, 'disputes:write') &&
    (row.created_by === caller.id || caller.role === 'administrator' || caller.role === 'manager')
  );
}

export async function getDispute(sql: Sql, caller: Caller, id: string): Promise<Dispute> {
  const row = await findDispute(sql, caller, id);
  const [detail] = await sql.query<{
    amount_kind: Dispute['amountKind'];
    amount: number;
    tracking_number: string | null;
    ship_date: string | null;
    comment: string | null;
    contact_email: string;
  }>('select amount_kind, amount, tracking_number, ship_date, comment, contact_email from disputes where id = $1', [
    id,
  ]);
  const lines = await sql.query<{
    shipment_id: number | null;
    charge_id: number | null;
    tracking_number: string | null;
    ship_date: string | null;
    description: string;
    charged: number;
  }>(
    `select shipment_id, charge_id, tracking_number, ship_date, description, charged from dispute_lines
      where dispute_id = $1 order by shipment_id nulls first, charge_id nulls first`,
    [id],
  );
  const attachments = await sql.query<{ id: string; name: string; media_type: string; size: number }>(
    'select id, name, media_type, size from dispute_attachments where dispute_id = $1 order by position',
    [id],
  );
  const events = await sql.query<{ status: DisputeStatus; at: string; by: string | null; note: string | null }>(
    `select e.status, e.at, u.name as by, e.note from dispute_events e left join users u on u.id = e.by_user
      where e.dispute_id = $1 order by e.at, e.id`,
    [id],
  );
  const money = (amount: number) => ({ amount, currency: row.currency });
  return {
    ...toSummary(row),
    amountKind: detail!.amount_kind,
    amount: money(detail!.amount),
    lines: lines.map((l) => ({
      shipmentId: l.shipment_id === null ? null : String(l.shipment_id),
      chargeId: l.charge_id === null ? null : String(l.charge_id),
      trackingNumber: l.tracking_number,
      shipDate: l.ship_date,
      description: l.description,
      charged: money(l.charged),
    })),
    trackingNumber: detail!.tracking_number,
    shipDate: detail!.ship_date,
    comment: detail!.comment,
    contactEmail: detail!.contact_email,
    attachments: attachments.map((a) => ({
      id: a.id,
      name: a.name,
      mediaType: a.media_type as Dispute['attachments'][number]['mediaType'],
      size: a.size,
    })),
    history: events.map((e) => ({ status: e.status, at: e.at, by: e.by, note: e.note })),
    canWithdraw: mayWithdraw(caller, row),
  };
}

/** One attachment, as uploaded, for whoever sees the dispute. */
export async function downloadAttachment(sql: Sql, caller: Caller, id: string, attachmentId: string) {
  await findDispute(sql, caller, id);
  const [file] = await sql.query<{ name: string; media_type: string; content: Uint8Array }>(
    'select name, media_type, content from dispute_attachments where id = $1 and dispute_id = $2',
    [attachmentId, id],
  );
  if (!file) throw notFound();
  // The stored name was cleaned on upload; quotes and non-ASCII still need care in a header.
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return new Response(new Uint8Array(file.content), {
    headers: {
      'content-type': file.media_type,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}

// ── withdrawing ──────────────────────────────────────────────────────

export async function withdrawDispute(
  services: Services,
  caller: Caller,
  id: string,
  body: WithdrawDisputeRequest,
  require: () => void,
): Promise<Dispute> {
  return services.db.transaction(async (tx) => {
    const found = await findDispute(tx, caller, id);
    require();
    // Invoice first, as creation locks it: the in-dispute flag is recomputed under the same lock.
    await tx.query('select id from invoices where id = $1 for update', [found.invoice_id]);
    const [row] = await tx.query<{ status: DisputeStatus; created_by: string }>(
      'select status, created_by from disputes where id = $1 for update',
      [id],
    );
    if (!(OPEN_STATUSES as readonly string[]).includes(row!.status)) {
      throw new ProblemError(409, 'dispute_closed', { detail: row!.status });
    }
    if (!mayWithdraw(caller, row!)) throw forbidden();
    await tx.query(`update disputes set status = 'withdrawn', updated_at = now() where id = $1`, [id]);
    await tx.query(`insert into dispute_events (dispute_id, status, by_user, note) values ($1, 'withdrawn', $2, $3)`, [
      id,
      caller.id,
      body.reason || null,
    ]);
    await refreshInDispute(tx, found.invoice_id);
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'dispute.withdraw',
      target: found.number,
      data: { invoice: found.invoice_number, ...(body.reason ? { reason: body.reason } : {}) },
    });
    return getDispute(tx, caller, id);
  });
}
