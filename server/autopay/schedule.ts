/**
 * When an AutoPay rule pays an invoice: pure date logic over `YYYY-MM-DD`
 * strings, shared by the runner (which pays) and the rule preview (which
 * tells the user what the next run will do), so the two never disagree.
 *
 * - `days_before_due` N: on day D the rule pays an invoice when
 *   `due_date - N <= D` (so an invoice already inside the window, or past
 *   due, is paid by the first run that sees it).
 * - `weekly` W (1 = Monday … 7 = Sunday): the rule runs on days whose ISO
 *   weekday is W and pays the invoices issued before that day.
 *
 * Either way a rule pays nothing after its `effective_until` day, and never
 * an invoice dated after the run's day (it is not issued yet as of D).
 * Dates are compared as strings: ISO dates sort like the days they name.
 */

export interface ScheduleRule {
  schedule_type: 'days_before_due' | 'weekly';
  /** For `days_before_due`: 0 = on the due date. */
  days_before: number | null;
  /** For `weekly`: ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number | null;
  /** Last day the rule runs; null = until cancelled. */
  effective_until: string | null;
}

export interface ScheduledInvoice {
  due_date: string;
  /** When known, an invoice dated after a day is not paid on that day. */
  invoice_date?: string | undefined;
}

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `day` moved by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  return toDay(toMs(day) + days * DAY_MS);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(toMs(day)).getUTCDay() + 6) % 7) + 1;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** True when a run of `rule` on `day` pays `invoice` (eligibility — status, amount, scope — aside). */
export function dueOn(rule: ScheduleRule, invoice: ScheduledInvoice, day: string): boolean {
  if (rule.effective_until !== null && day > rule.effective_until) return false;
  if (rule.schedule_type === 'weekly') {
    return isoWeekday(day) === rule.weekday && (invoice.invoice_date === undefined || invoice.invoice_date < day);
  }
  return (
    addDays(invoice.due_date, -(rule.days_before ?? 0)) <= day &&
    (invoice.invoice_date === undefined || invoice.invoice_date <= day)
  );
}

/** The first day on or after `fromDay` when `rule` pays `invoice`; null when it never will. */
function firstRunFor(rule: ScheduleRule, invoice: ScheduledInvoice, fromDay: string): string | null {
  let day: string;
  if (rule.schedule_type === 'weekly') {
    // Issued before the run: the earliest candidate is the day after the invoice date.
    const start = invoice.invoice_date === undefined ? fromDay : later(fromDay, addDays(invoice.invoice_date, 1));
    day = addDays(start, ((((rule.weekday ?? 1) - isoWeekday(start)) % 7) + 7) % 7);
  } else {
    day = later(later(fromDay, addDays(invoice.due_date, -(rule.days_before ?? 0))), invoice.invoice_date ?? fromDay);
  }
  return rule.effective_until !== null && day > rule.effective_until ? null : day;
}

/**
 * The next day, on or after `fromDay`, when a run of `rule` pays at least one
 * of `invoices` (those still eligible: unpaid, in scope, issued after the
 * rule); null when none will be paid, e.g. no invoices or the rule ends first.
 */
export function nextRunDate(rule: ScheduleRule, invoices: readonly ScheduledInvoice[], fromDay: string): string | null {
  let next: string | null = null;
  for (const invoice of invoices) {
    const day = firstRunFor(rule, invoice, fromDay);
    if (day !== null && (next === null || day < next)) next = day;
  }
  return next;
}
