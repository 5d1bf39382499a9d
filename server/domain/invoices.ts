/** Invoice lists, one invoice's detail, its shipments and the payments applied to it. */
import type {
  AppliedPayment,
  Charge,
  DocumentFormat,
  Invoice,
  InvoiceDetail,
  InvoiceListQuery,
  InvoicePage,
  Shipment,
  ShipmentPage,
} from '../../src/api/schemas/invoice.js';
import { TOTAL_CAP } from '../../src/api/schemas/invoice.js';
import type { Sql } from '../db/db.js';
import { notFound } from '../http/problem.js';
import type { Caller } from './caller.js';
import { Where, invoiceFilter, orderBy, visibleTo } from './invoice-filter.js';

const DEFAULT_PAGE_SIZE = 50;

export const INVOICE_COLUMNS = `i.id, i.number, i.account_number, p.number as plan_number, i.invoice_date, i.due_date,
  i.type, i.currency, i.amount, i.amount_due, i.status, i.in_dispute, i.autopay, i.reference, i.control_id`;

export const INVOICE_FROM = 'from invoices i left join plans p on p.id = i.plan_id';

export interface InvoiceRow {
  id: number;
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

export function toInvoice(row: InvoiceRow): Invoice {
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

export async function listInvoices(sql: Sql, caller: Caller, query: InvoiceListQuery): Promise<InvoicePage> {
  const where = invoiceFilter(caller, query);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const filterParams = [...where.params];
  const rows = await sql.query<InvoiceRow>(
    `select ${INVOICE_COLUMNS} ${INVOICE_FROM} where ${where} order by ${orderBy(query)}
      limit ${where.param(pageSize)} offset ${where.param((page - 1) * pageSize)}`,
    where.params,
  );
  // Counting a million rows costs more than the page itself: stop at the cap.
  const [count] = await sql.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from invoices i where ${where} limit ${TOTAL_CAP + 1}) matching`,
    filterParams,
  );
  return {
    items: rows.map(toInvoice),
    page,
    pageSize,
    total: Math.min(count!.n, TOTAL_CAP),
    totalCapped: count!.n > TOTAL_CAP,
  };
}

export type FoundInvoice = InvoiceRow & { plan_id: string | null; xml_enrolled: boolean };

/** The invoice (by number or id) if the caller may see it; 404 otherwise, whether it exists or not. */
export async function findInvoice(sql: Sql, caller: Caller, key: string | { id: number }): Promise<FoundInvoice> {
  const where = visibleTo(new Where(), caller);
  if (typeof key === 'string') where.clauses.push(`i.number = ${where.param(key.toUpperCase())}`);
  else where.clauses.push(`i.id = ${where.param(key.id)}`);
  const [row] = await sql.query<FoundInvoice>(
    `select ${INVOICE_COLUMNS}, i.plan_id, a.xml_enrolled ${INVOICE_FROM} join accounts a on a.id = i.account_id
      where ${where}`,
    where.params,
  );
  if (!row) throw notFound();
  return row;
}

export function formatsOf(invoice: { xml_enrolled: boolean }): DocumentFormat[] {
  return invoice.xml_enrolled ? ['pdf', 'csv', 'xml'] : ['pdf', 'csv'];
}

export interface ChargeRow {
  id: number;
  shipment_id: number | null;
  code: Charge['code'];
  description: string;
  amount: number;
  [key: string]: unknown;
}

export const toCharge = (row: ChargeRow, currency: string): Charge => ({
  id: String(row.id),
  code: row.code,
  description: row.description,
  amount: { amount: row.amount, currency },
});

export async function paymentsApplied(sql: Sql, invoiceId: number, currency: string): Promise<AppliedPayment[]> {
  const rows = await sql.query<{
    confirmation_number: string;
    status: AppliedPayment['status'];
    processing_date: string;
    amount: number;
    method_type: AppliedPayment['method']['type'];
    method_brand: string | null;
    method_last4: string | null;
  }>(
    // An account can change companies (enrolment cancelled, then enrolled again): the payments an
    // earlier company made stay that company's, and its card digits are no business of the next one.
    `select p.confirmation_number, p.status, p.processing_date, a.amount, p.method_type, p.method_brand, p.method_last4
       from payment_allocations a join payments p on p.id = a.payment_id join invoices i on i.id = a.invoice_id
      where a.invoice_id = $1 and (p.company_id = i.company_id or p.company_id is null)
      order by p.processing_date, p.created_at`,
    [invoiceId],
  );
  return rows.map((r) => ({
    confirmationNumber: r.confirmation_number,
    status: r.status,
    processingDate: r.processing_date,
    amount: { amount: r.amount, currency },
    method: { type: r.method_type, brand: r.method_brand, last4: r.method_last4 },
  }));
}

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
    payments: await paymentsApplied(sql, row.id, row.currency),
    formats: formatsOf(row),
  };
}

interface ShipmentRow {
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
  [key: string]: unknown;
}

/** Tracking numbers are stored upper case; `_` and `%` in what was typed match themselves. */
const trackingPrefix = (q: string | undefined) =>
  q
    ? `${q
        .trim()
        .toUpperCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;

/** Shipments of one invoice (by id) with their charges, `limit` from `offset`; `q`: a tracking-number prefix. */
export async function shipmentsOf(
  sql: Sql,
  invoice: { id: number; currency: string },
  offset: number,
  limit: number,
  q?: string,
): Promise<Shipment[]> {
  const rows = await sql.query<ShipmentRow>(
    `select id, tracking_number, ship_date, service, billed_weight, weight_unit, sender_city, sender_country,
            receiver_city, receiver_country, reference
       from shipments where invoice_id = $1 and ($4::text is null or upper(tracking_number) like $4)
      order by id limit $2 offset $3`,
    [invoice.id, limit, offset, trackingPrefix(q)],
  );
  const charges = rows.length
    ? await sql.query<ChargeRow>(
        'select id, shipment_id, code, description, amount from charges where shipment_id = any($1::bigint[]) order by id',
        [rows.map((r) => r.id)],
      )
    : [];
  const byShipment = new Map<number, Charge[]>();
  for (const charge of charges) {
    const list = byShipment.get(charge.shipment_id!) ?? [];
    list.push(toCharge(charge, invoice.currency));
    byShipment.set(charge.shipment_id!, list);
  }
  return rows.map((r) => {
    const own = byShipment.get(r.id) ?? [];
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
}

export async function listShipments(
  sql: Sql,
  caller: Caller,
  number: string,
  paging: { q?: string | undefined; page?: number | undefined; pageSize?: number | undefined },
): Promise<ShipmentPage> {
  const invoice = await findInvoice(sql, caller, number);
  const page = paging.page ?? 1;
  const pageSize = paging.pageSize ?? DEFAULT_PAGE_SIZE;
  const items = await shipmentsOf(sql, invoice, (page - 1) * pageSize, pageSize, paging.q);
  const [count] = await sql.query<{ n: number }>(
    `select count(*)::int as n from shipments
      where invoice_id = $1 and ($2::text is null or upper(tracking_number) like $2)`,
    [invoice.id, trackingPrefix(paging.q)],
  );
  return { items, page, pageSize, total: count!.n };
}

/** Marks open invoices whose due date has passed; run at start and by the scheduler each day. */
export async function markPastDue(sql: Sql, today: string): Promise<number> {
  const rows = await sql.query(
    `update invoices set status = 'past_due' where status = 'open' and amount > 0 and due_date < $1::date returning id`,
    [today],
  );
  return rows.length;
}
