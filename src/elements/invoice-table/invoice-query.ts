/**
 * The table's query — status preset, filters, search and sort — and how it
 * runs: as API query parameters in server mode, or on the host's `.items`
 * in data mode, with the same meaning either way.
 */
import type {
  Invoice,
  InvoiceListQuery,
  InvoiceSortKey,
  InvoiceStatus,
  SortOrder,
  StatusPreset,
} from '../../api/schemas/invoice.js';

export interface TableQuery {
  status: StatusPreset;
  sort: InvoiceSortKey;
  order: SortOrder;
  q: string;
  account: string | null;
  from: string | null;
  to: string | null;
  /** Amount range in minor units. */
  min: number | null;
  max: number | null;
}

export const DEFAULT_QUERY: TableQuery = {
  status: 'outstanding',
  sort: 'invoiceDate',
  order: 'desc',
  q: '',
  account: null,
  from: null,
  to: null,
  min: null,
  max: null,
};

/** Searches shorter than this wait for more typing: they match too much to help. */
export const MIN_SEARCH = 3;

export function hasFilters(query: TableQuery): boolean {
  return Boolean(
    query.q ||
    query.account ||
    query.from ||
    query.to ||
    query.min !== null ||
    query.max !== null ||
    query.status !== 'outstanding',
  );
}

export function toApiQuery(query: TableQuery, view: 'account' | 'plan'): Omit<InvoiceListQuery, 'page' | 'pageSize'> {
  const q = query.q.trim();
  return {
    view,
    status: query.status,
    sort: query.sort,
    order: query.order,
    ...(q.length >= MIN_SEARCH ? { q } : {}),
    ...(query.account ? { account: query.account } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.min !== null ? { min: query.min } : {}),
    ...(query.max !== null ? { max: query.max } : {}),
  };
}

const PRESETS: Record<Exclude<StatusPreset, 'all' | 'in_dispute'>, readonly InvoiceStatus[]> = {
  outstanding: ['open', 'past_due'],
  open: ['open'],
  past_due: ['past_due'],
  scheduled: ['payment_scheduled', 'payment_pending'],
  paid: ['paid'],
  returned: ['payment_returned'],
  closed: ['closed'],
};

/** Data mode: the same filters as the server's, on the host's invoices. */
export function filterInvoices(items: readonly Invoice[], query: TableQuery, view: 'account' | 'plan'): Invoice[] {
  const q = query.q.trim().toUpperCase();
  const search = q.length >= MIN_SEARCH ? q : '';
  // A preset names two or three statuses: comparing them in turn is quicker than hashing each invoice's.
  const statuses = query.status === 'all' || query.status === 'in_dispute' ? null : PRESETS[query.status];
  const { account, from, to, min, max } = query;
  // Only the tests the query asks for, so that the usual case (a status preset, nothing else) reads one
  // field per invoice: a first render of 100,000 items filters them all.
  const tests: ((invoice: Invoice) => boolean)[] = [];
  if (view === 'plan') tests.push((invoice) => invoice.planNumber !== null);
  if (statuses) tests.push((invoice) => statuses.includes(invoice.status));
  if (query.status === 'in_dispute') tests.push((invoice) => invoice.inDispute);
  if (account) tests.push((invoice) => invoice.accountNumber === account);
  if (from) tests.push((invoice) => invoice.invoiceDate >= from);
  if (to) tests.push((invoice) => invoice.invoiceDate <= to);
  if (min !== null) tests.push((invoice) => invoice.amount.amount >= min);
  if (max !== null) tests.push((invoice) => invoice.amount.amount <= max);
  if (search)
    tests.push(
      (invoice) =>
        invoice.number.toUpperCase().includes(search) ||
        invoice.accountNumber === search ||
        (invoice.reference?.toUpperCase().includes(search) ?? false),
    );
  if (tests.length === 0) return [...items];
  if (tests.length === 1) return items.filter(tests[0]!);
  return items.filter((invoice) => tests.every((test) => test(invoice)));
}

const AMOUNTS: Partial<Record<InvoiceSortKey, (invoice: Invoice) => number>> = {
  amount: (i) => i.amount.amount,
  amountDue: (i) => i.amountDue.amount,
};
/** Keys compared as text; ISO dates compare in calendar order as text too. */
const TEXT: Record<Exclude<InvoiceSortKey, 'amount' | 'amountDue'>, (invoice: Invoice) => string> = {
  number: (i) => i.number,
  account: (i) => i.accountNumber,
  invoiceDate: (i) => i.invoiceDate,
  dueDate: (i) => i.dueDate,
  type: (i) => i.type,
  status: (i) => i.status,
};

/** Positions 0…n−1: the host's order, which ties keep. */
const identity = (count: number) => {
  const index = new Uint32Array(count);
  for (let i = 0; i < count; i++) index[i] = i;
  return index;
};

/**
 * Numeric keys packed with their index (`key × 2^k + index`, exact below
 * 2^53) sort as plain numbers: a typed array sorts natively without calling
 * back into JavaScript, several times faster than a comparator, and the
 * index in the low bits keeps ties in the host's order. Null when a key is
 * too large to pack exactly.
 */
function packedOrder(keys: Float64Array): Uint32Array | null {
  const count = keys.length;
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(count + 1)));
  let largest = 0;
  for (let i = 0; i < count; i++) largest = Math.max(largest, Math.abs(keys[i]!));
  if (!Number.isInteger(largest) || (largest + 1) * scale >= Number.MAX_SAFE_INTEGER) return null;
  const packed = new Float64Array(count);
  for (let i = 0; i < count; i++) packed[i] = keys[i]! * scale + i;
  packed.sort();
  const index = new Uint32Array(count);
  for (let i = 0; i < count; i++) index[i] = packed[i]! - Math.floor(packed[i]! / scale) * scale;
  return index;
}

/** Most text columns hold few distinct values (dates, accounts, types, statuses): more than this, and ranking does not pay. */
const MAX_RANKS = 65_536;

/**
 * A text key with few distinct values sorts in linear time: each distinct
 * value gets its rank in text order, then a counting sort places the items,
 * stable, so ties keep the host's order. Null when values are too many
 * (invoice numbers are all distinct).
 */
function rankedOrder(values: readonly string[]): Uint32Array | null {
  // One map lookup per item (a first pass numbers the distinct values as they come), then the few
  // distinct values are put in text order: at 100,000 items the lookups are most of the time.
  const ids = new Map<string, number>();
  const distinct: string[] = [];
  const keys = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let id = ids.get(value);
    if (id === undefined) {
      if (distinct.length === MAX_RANKS) return null;
      id = distinct.push(value) - 1;
      ids.set(value, id);
    }
    keys[i] = id;
  }
  const rankOf = new Uint32Array(distinct.length);
  distinct
    .map((_, id) => id)
    .sort((a, b) => (distinct[a]! < distinct[b]! ? -1 : 1))
    .forEach((id, rank) => (rankOf[id] = rank));
  const starts = new Uint32Array(distinct.length + 1);
  for (let i = 0; i < keys.length; i++) starts[(keys[i] = rankOf[keys[i]!]!) + 1]!++;
  for (let r = 1; r <= distinct.length; r++) starts[r]! += starts[r - 1]!;
  const index = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) index[starts[keys[i]!]!++] = i;
  return index;
}

/**
 * Data mode sort: each key is read once per item, then the fastest exact
 * method for it — ranks and a counting sort for columns with few distinct
 * values, a native sort of packed numbers for amounts, an index sort by text
 * otherwise. Ties keep the host's order, and descending is exactly ascending
 * reversed.
 */
export function sortInvoices(items: readonly Invoice[], sort: InvoiceSortKey, order: SortOrder): Invoice[] {
  const count = items.length;
  const amount = AMOUNTS[sort];
  let index: Uint32Array | null;
  if (amount) {
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) keys[i] = amount(items[i]!);
    index = packedOrder(keys) ?? identity(count).sort((a, b) => keys[a]! - keys[b]! || a - b);
  } else {
    const keys = items.map(TEXT[sort as keyof typeof TEXT]);
    index =
      rankedOrder(keys) ?? identity(count).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  }
  const rows = new Array<Invoice>(count);
  for (let i = 0; i < count; i++) rows[order === 'asc' ? i : count - 1 - i] = items[index[i]!]!;
  return rows;
}

/**
 * Data mode's rows, computed as little as possible: the host's items are
 * sorted once per sort key (flipping the order only reverses them), and
 * filters then walk that sorted list, so a new filter never sorts again.
 */
export class LocalRows {
  #sorted: { items: readonly Invoice[]; sort: InvoiceSortKey; order: SortOrder; rows: Invoice[] } | null = null;
  #filtered: { sorted: Invoice[]; query: TableQuery; view: string; rows: Invoice[] } | null = null;

  rows(items: readonly Invoice[], query: TableQuery, view: 'account' | 'plan'): Invoice[] {
    const sorted = this.#sort(items, query.sort, query.order);
    const cached = this.#filtered;
    if (cached && cached.sorted === sorted && cached.view === view && sameFilters(cached.query, query))
      return cached.rows;
    const rows = filterInvoices(sorted, query, view);
    this.#filtered = { sorted, query, view, rows };
    return rows;
  }

  #sort(items: readonly Invoice[], sort: InvoiceSortKey, order: SortOrder): Invoice[] {
    const cached = this.#sorted;
    if (cached && cached.items === items && cached.sort === sort) {
      if (cached.order !== order) this.#sorted = { items, sort, order, rows: [...cached.rows].reverse() };
      return this.#sorted!.rows;
    }
    const rows = sortInvoices(items, sort, order);
    this.#sorted = { items, sort, order, rows };
    return rows;
  }
}

function sameFilters(a: TableQuery, b: TableQuery): boolean {
  return (
    a.status === b.status &&
    a.q === b.q &&
    a.account === b.account &&
    a.from === b.from &&
    a.to === b.to &&
    a.min === b.min &&
    a.max === b.max
  );
}
