/**
 * Invoice queries. Visibility is part of every WHERE clause: an invoice
 * outside the caller's company or scope is simply not found (404), so its
 * existence never leaks.
 */
import type {
  Charge,
  Invoice,
  InvoiceDetail,
  InvoiceListQuery,
  InvoicePage,
  InvoiceSortKey,
  Shipment,
  ShipmentPage,
  StatusPreset,
} from '../../src/api/schemas/invoice.js';
import type { Sql } from '../db/db.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Caller } from './caller.js';

const DEFAULT_PAGE_SIZE = 50;

const SORT_COLUMNS: Record<InvoiceSortKey, string> = {
  number: 'i.number',
  account: 'a.number',
  invoiceDate: 'i.invoice_date',
  dueDate: 'i.due_date',
  type: 'i.type',
  amount: 'i.amount',
  amountDue: 'i.amount_due',
  status: 'i.status',
};

const PRESET_STATUSES: Record<Exclude<StatusPreset, 'all' | 'in_dispute'>, string[]> = {
  outstanding: ['open', 'past_due'],
  open: ['open'],
  past_due: ['past_due'],
  scheduled: ['payment_scheduled', 'payment_pending'],
  paid: ['paid'],
  returned: ['payment_returned'],
  closed: ['closed'],
};

const INVOICE_COLUMNS = `i.number, a.number as account_number, p.number as plan_number, i.invoice_date, i.due_date,
  i.type, i.currency, i.amount, i.amount_due, i.status, i.in_dispute, i.autopay, i.reference, i.control_id`;

interface InvoiceRow {
  number: string;
  account_number: string;
  plan_number: string | null;
  invoice_date: string;
  due_date: string;
  type: Invoice['type'];
  currency: string;
  amount: number;
  amount_due: number;
  status: Invoice['status'];
  in_dispute: boolean;
  autopay: boolean;
  reference: string | null;
  control_id: string | null;
  [key: string]: unknown;
}

function toInvoice(row: InvoiceRow): Invoice {
  return {
    number: row.number,
    accountNumber: row.account_number,
    planNumber: row.plan_number,
    invoiceDate: row.invoice_date,
    dueDate: row.due_date,
    type: row.type,
    amount: { amount: row.amount, currency: row.currency },
    amountDue: { amount: row.amount_due, currency: row.currency },
    status: row.status,
    inDispute: row.in_dispute,
    autopay: row.autopay,
    reference: row.reference,
    controlId: row.control_id,
  };
}

/** A WHERE clause built with numbered parameters. */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  toString(): string {
    return this.clauses.join(' and ');
  }
}

/** Restricts `i` (invoices) to what the caller may see. */
function visibleTo(where: Where, caller: Caller): void {
  where.clauses.push(`i.company_id = ${where.param(caller.companyId)}`);
  if (!caller.scopeAll) where.clauses.push(`i.account_id = any(${where.param(caller.visibleAccountIds)}::uuid[])`);
}

export async function listInvoices(sql: Sql, caller: Caller, query: InvoiceListQuery): Promise<InvoicePage> {
  if (query.from && query.to && query.from > query.to) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { to: 'range_inverted' } });
  }
  if (query.min !== undefined && query.max !== undefined && query.min > query.max) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { max: 'range_inverted' } });
  }
  const where = new Where();
  visibleTo(where, caller);
  if (query.view === 'plan') where.clauses.push('i.plan_id is not null');
  const preset = query.status ?? 'outstanding';
  if (preset === 'in_dispute') where.clauses.push('i.in_dispute');
  else if (preset !== 'all') where.clauses.push(`i.status = any(${where.param(PRESET_STATUSES[preset])}::text[])`);
  if (query.account) where.clauses.push(`a.number = ${where.param(query.account)}`);
  if (query.plan) where.clauses.push(`p.number = ${where.param(query.plan)}`);
  if (query.from) where.clauses.push(`i.invoice_date >= ${where.param(query.from)}::date`);
  if (query.to) where.clauses.push(`i.invoice_date <= ${where.param(query.to)}::date`);
  if (query.min !== undefined) where.clauses.push(`i.amount >= ${where.param(query.min)}`);
  if (query.max !== undefined) where.clauses.push(`i.amount <= ${where.param(query.max)}`);
  const q = query.q?.trim();
  if (q) {
    const like = where.param(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const exact = where.param(q.toUpperCase());
    where.clauses.push(`(i.number ilike ${like} or a.number ilike ${like} or i.reference ilike ${like}
      or exists (select 1 from shipments s where s.invoice_id = i.id and s.tracking_number = ${exact}))`);
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const column = SORT_COLUMNS[query.sort ?? 'invoiceDate'];
  const direction = (query.order ?? (query.sort ? 'asc' : 'desc')) === 'asc' ? 'asc' : 'desc';
  const from = `from invoices i join accounts a on a.id = i.account_id left join plans p on p.id = i.plan_id where ${where}`;
  const rows = await sql.query<InvoiceRow>(
    `select ${INVOICE_COLUMNS} ${from} order by ${column} ${direction}, i.id ${direction}
      limit ${where.param(pageSize)} offset ${where.param((page - 1) * pageSize)}`,
    where.params,
  );
  const [count] = await sql.query<{ n: number }>(
    `select count(*)::int as n ${from}`,
    where.params.slice(0, where.params.length - 2),
  );
  return { items: rows.map(toInvoice), page, pageSize, total: count!.n };
}

async function findInvoice(
  sql: Sql,
  caller: Caller,
  number: string,
): Promise<InvoiceRow & { id: number; plan_id: string | null }> {
  const where = new Where();
  visibleTo(where, caller);
  where.clauses.push(`i.number = ${where.param(number.toUpperCase())}`);
  const [row] = await sql.query<InvoiceRow & { id: number; plan_id: string | null }>(
    `select i.id, i.plan_id, ${INVOICE_COLUMNS}
       from invoices i join accounts a on a.id = i.account_id left join plans p on p.id = i.plan_id
      where ${where}`,
    where.params,
  );
  if (!row) throw notFound();
  return row;
}

interface ChargeRow {
  id: number;
  shipment_id: number | null;
  code: Charge['code'];
  description: string;
  amount: number;
  [key: string]: unknown;
}

const toCharge = (row: ChargeRow, currency: string): Charge => ({
  id: String(row.id),
  code: row.code,
  description: row.description,
  amount: { amount: row.amount, currency },
});

export async function getInvoice(sql: Sql, caller: Caller, number: string): Promise<InvoiceDetail> {
  const row = await findInvoice(sql, caller, number);
  const charges = await sql.query<ChargeRow>(
    'select id, shipment_id, code, description, amount from charges where invoice_id = $1 and shipment_id is null order by id',
    [row.id],
  );
  const [count] = await sql.query<{ n: number }>('select count(*)::int as n from shipments where invoice_id = $1', [
    row.id,
  ]);
  const members = row.plan_id
    ? await sql.query<{ number: string }>(
        `select number from accounts where plan_id = $1 and ($2::boolean or id = any($3::uuid[])) order by number`,
        [row.plan_id, caller.scopeAll, caller.visibleAccountIds],
      )
    : [];
  return {
    ...toInvoice(row),
    shipmentCount: count!.n,
    charges: charges.map((c) => toCharge(c, row.currency)),
    planMembers: members.map((m) => m.number),
  };
}

export async function listShipments(
  sql: Sql,
  caller: Caller,
  number: string,
  paging: { page?: number | undefined; pageSize?: number | undefined },
): Promise<ShipmentPage> {
  const invoice = await findInvoice(sql, caller, number);
  const page = paging.page ?? 1;
  const pageSize = paging.pageSize ?? DEFAULT_PAGE_SIZE;
  const rows = await sql.query<{
    id: number;
    tracking_number: string;
    ship_date: string;
    service: string;
    billed_weight: number;
    weight_unit: 'kg' | 'lb';
    sender_city: string;
    sender_country: string;
    receiver_city: string;
    receiver_country: string;
    reference: string | null;
  }>(
    `select id, tracking_number, ship_date, service, billed_weight, weight_unit, sender_city, sender_country,
            receiver_city, receiver_country, reference
       from shipments where invoice_id = $1 order by id limit $2 offset $3`,
    [invoice.id, pageSize, (page - 1) * pageSize],
  );
  const charges = rows.length
    ? await sql.query<ChargeRow>(
        'select id, shipment_id, code, description, amount from charges where shipment_id = any($1::bigint[]) order by id',
        [rows.map((r) => r.id)],
      )
    : [];
  const [count] = await sql.query<{ n: number }>('select count(*)::int as n from shipments where invoice_id = $1', [
    invoice.id,
  ]);
  const items: Shipment[] = rows.map((r) => {
    const own = charges.filter((c) => c.shipment_id === r.id).map((c) => toCharge(c, invoice.currency));
    return {
      id: String(r.id),
      trackingNumber: r.tracking_number,
      shipDate: r.ship_date,
      service: r.service,
      billedWeight: r.billed_weight,
      weightUnit: r.weight_unit,
      sender: { city: r.sender_city, country: r.sender_country },
      receiver: { city: r.receiver_city, country: r.receiver_country },
      reference: r.reference,
      charges: own,
      total: { amount: own.reduce((sum, c) => sum + c.amount.amount, 0), currency: invoice.currency },
    };
  });
  return { items, page, pageSize, total: count!.n };
}
