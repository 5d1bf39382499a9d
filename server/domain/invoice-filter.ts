/**
 * The WHERE clause of invoice lists, shared by the list, the count and the
 * document exports of "all matching". Visibility comes first in every
 * clause: an invoice outside the caller's company or scope never matches, so
 * it is not found (404) rather than forbidden, and its existence never leaks.
 */
import type { InvoiceListQuery, InvoiceSortKey, StatusPreset } from '../../src/api/schemas/invoice.js';
import { ProblemError } from '../http/problem.js';
import type { Caller } from './caller.js';

/** A WHERE clause built with numbered parameters. */
export class Where {
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
export function visibleTo(where: Where, caller: Caller): Where {
  where.clauses.push(`i.company_id = ${where.param(caller.companyId)}`);
  if (!caller.scopeAll) where.clauses.push(`i.account_id = any(${where.param(caller.visibleAccountIds)}::uuid[])`);
  return where;
}

export const PRESET_STATUSES: Record<Exclude<StatusPreset, 'all' | 'in_dispute'>, string[]> = {
  outstanding: ['open', 'past_due'],
  open: ['open'],
  past_due: ['past_due'],
  scheduled: ['payment_scheduled', 'payment_pending'],
  paid: ['paid'],
  returned: ['payment_returned'],
  closed: ['closed'],
};

/** Columns by sort key; each has an index led by the company (migration 002). */
export const SORT_COLUMNS: Record<InvoiceSortKey, string> = {
  number: 'i.number',
  account: 'i.account_number',
  invoiceDate: 'i.invoice_date',
  dueDate: 'i.due_date',
  type: 'i.type',
  amount: 'i.amount',
  amountDue: 'i.amount_due',
  status: 'i.status',
};

/** `1Z`, six characters of shipper account, then ten more. */
const TRACKING_NUMBER = /^1Z[0-9A-Z]{16}$/i;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Checks what the schema cannot see alone, then builds the filter of `query`. */
export function invoiceFilter(caller: Caller, query: InvoiceListQuery): Where {
  if (query.from && query.to && query.from > query.to) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { to: 'range_inverted' } });
  }
  if (query.min !== undefined && query.max !== undefined && query.min > query.max) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { max: 'range_inverted' } });
  }
  const where = visibleTo(new Where(), caller);
  if (query.view === 'plan') where.clauses.push('i.plan_id is not null');
  const preset = query.status ?? 'outstanding';
  if (preset === 'in_dispute') where.clauses.push('i.in_dispute');
  else if (preset !== 'all') where.clauses.push(`i.status = any(${where.param(PRESET_STATUSES[preset])}::text[])`);
  if (query.account) where.clauses.push(`i.account_number = ${where.param(query.account)}`);
  if (query.plan) where.clauses.push(`i.plan_id = (select id from plans where number = ${where.param(query.plan)})`);
  if (query.from) where.clauses.push(`i.invoice_date >= ${where.param(query.from)}::date`);
  if (query.to) where.clauses.push(`i.invoice_date <= ${where.param(query.to)}::date`);
  if (query.min !== undefined) where.clauses.push(`i.amount >= ${where.param(query.min)}`);
  if (query.max !== undefined) where.clauses.push(`i.amount <= ${where.param(query.max)}`);
  const q = query.q?.trim();
  if (q && TRACKING_NUMBER.test(q)) {
    // A UPS tracking number is nothing else: one index lookup, no trigram search.
    where.clauses.push(
      `i.id in (select invoice_id from shipments where tracking_number = ${where.param(q.toUpperCase())})`,
    );
  } else if (q) {
    // One indexed lookup per field, united: an OR across columns would
    // defeat every index and scan the company's invoices.
    const company = where.param(caller.companyId);
    const like = where.param(`%${escapeLike(q)}%`);
    const exact = where.param(q.toUpperCase());
    where.clauses.push(`i.id in (
      select id from invoices where company_id = ${company} and number ilike ${like}
      union select id from invoices where company_id = ${company} and reference ilike ${like}
      union select id from invoices where company_id = ${company} and account_number = ${exact}
      union select invoice_id from shipments where tracking_number = ${exact})`);
  }
  return where;
}

export function orderBy(query: Pick<InvoiceListQuery, 'sort' | 'order'>): string {
  const column = SORT_COLUMNS[query.sort ?? 'invoiceDate'];
  // Newest first by default; an explicit sort starts ascending, as a click on a header does.
  const direction = (query.order ?? (query.sort ? 'asc' : 'desc')) === 'asc' ? 'asc' : 'desc';
  return `${column} ${direction}, i.id ${direction}`;
}
