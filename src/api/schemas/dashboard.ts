/** The dashboard: what is owed, how late, and what needs attention. */
import './zod-config.js';
import * as z from 'zod/mini';
import { CurrencyCode, Money } from './common.js';

/** Amounts due by lateness: not yet due, then days past the due date. */
export const Aging = z.object({
  current: Money,
  days1to30: Money,
  days31to60: Money,
  days61to90: Money,
  days90plus: Money,
});
export type Aging = z.infer<typeof Aging>;

/** Figures of one currency: amounts in different currencies are never added together. */
export const CurrencySummary = z.object({
  currency: CurrencyCode,
  /** Everything owed: unpaid invoices less open credits. */
  balanceDue: Money,
  pastDue: Money,
  /** Due from today through the next 7 days. */
  dueNext7Days: Money,
  aging: Aging,
  openInvoices: z.int(),
  pastDueInvoices: z.int(),
});
export type CurrencySummary = z.infer<typeof CurrencySummary>;

/**
 * Something to act on. `code` is a stable key the element maps to a message;
 * the server adds codes over time (AutoPay skipped, card expiring…), so
 * clients show unknown codes generically rather than fail.
 */
export const DashboardAlert = z.object({
  code: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  count: z.int(),
  amounts: z.array(Money),
});
export type DashboardAlert = z.infer<typeof DashboardAlert>;

export const Dashboard = z.object({
  /** The server's date the figures are computed for. */
  asOf: z.iso.date(),
  currencies: z.array(CurrencySummary),
  alerts: z.array(DashboardAlert),
});
export type Dashboard = z.infer<typeof Dashboard>;
