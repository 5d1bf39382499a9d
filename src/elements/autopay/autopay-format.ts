/** How <ups-autopay> says a rule in words. */
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
