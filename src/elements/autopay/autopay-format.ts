/** How <ups-autopay> says a rule in words, and reads the money a user types. */
import type { RuleAmount, RuleSchedule } from '../../api/schemas/autopay.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

export interface ScopeInfo {
  type: 'account' | 'plan';
  number: string;
  name: string;
  currency: string;
}

/** "Account 4R7X21 — Demo Co — Atlanta DC". */
export const scopeLabel = (i18n: I18n, scope: ScopeInfo) =>
  i18n.t(`autopay.scope.${scope.type}`, { number: scope.number, name: scope.name });

/** The value of a scope in the form's select: `account:4R7X21`. */
export const scopeKey = (scope: { type: string; number: string }) => `${scope.type}:${scope.number}`;

export function amountText(i18n: I18n, amount: RuleAmount): string {
  return amount.type === 'up_to'
    ? i18n.t('autopay.amount.up_to', { maximum: i18n.money(amount.maximum) })
    : i18n.t('autopay.amount.total_due');
}

/** "3 days before the due date", "On the due date", "Every Monday". */
export function scheduleText(i18n: I18n, schedule: RuleSchedule): string {
  if (schedule.type === 'weekly') return i18n.t(`autopay.schedule.weekly.${schedule.weekday}` as MessageKey);
  return schedule.days === 0
    ? i18n.t('autopay.schedule.onDueDate')
    : i18n.plural('autopay.schedule.daysBefore', schedule.days);
}

export const untilText = (i18n: I18n, until: string | null) =>
  until ? i18n.t('autopay.until.date', { date: i18n.date(until) }) : i18n.t('autopay.until.cancelled');

/** Today in the user's own calendar, `YYYY-MM-DD`: the day they think of as "today" for a last day. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface MoneyFormat {
  digits: number;
  decimal: string;
  group: string;
}

function moneyFormat(locale: string, currency: string): MoneyFormat {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    digits: format.resolvedOptions().maximumFractionDigits ?? 2,
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/**
 * Reads an amount as typed, in minor units of `currency`: the locale's
 * decimal separator or a point, grouping spaces, and (where the locale groups
 * with commas) commas in their places. A sign is kept, so that zero and
 * negative maxima can be refused with their own message. Null when it is not
 * an amount at all.
 */
export function parseMoney(text: string, locale: string, currency: string): number | null {
  const { digits, decimal, group } = moneyFormat(locale, currency);
  let value = text.replace(/[\s\u00a0\u202f]/g, '');
  const negative = /^[-−]/.test(value);
  if (negative) value = value.slice(1);
  if (decimal === ',') value = value.replace(',', '.');
  else if (group === ',') {
    if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(value)) value = value.replace(/,/g, '');
  }
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(value) ?? /^()\.(\d+)$/.exec(value);
  if (!match || (match[2] ?? '').length > digits) return null;
  const minor = Number(match[1] || '0') * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
  return negative ? -minor : minor;
}

/** Minor units as the user would type them back: `1250.50` / `1250,50`, no grouping, no sign of the currency. */
export function moneyInput(amount: number, locale: string, currency: string): string {
  const { digits, decimal } = moneyFormat(locale, currency);
  const scale = 10 ** digits;
  const whole = Math.trunc(Math.abs(amount) / scale);
  const fraction = digits ? `${decimal}${String(Math.abs(amount) % scale).padStart(digits, '0')}` : '';
  return `${amount < 0 ? '-' : ''}${whole}${fraction}`;
}
