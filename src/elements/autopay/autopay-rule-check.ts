/**
 * The AutoPay form's values as typed, what they become as a request, and what
 * is wrong with them — found here before sending, or told by the server after.
 * Both end up as one message per field, from the same catalog.
 */
import type { BillingApiError } from '../../api/errors.js';
import type { AutopayRule, AutopayRuleRequest } from '../../api/schemas/autopay.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';
import { moneyInput, parseMoney } from '../../internal/money-input.js';
import { localToday, scopeKey, type ScopeInfo } from './autopay-format.js';

/** The form's fields, in the order they appear (and the summary lists them). */
export const FIELDS = ['scope', 'method', 'maximum', 'days', 'weekday', 'until', 'accept'] as const;
export type Field = (typeof FIELDS)[number];
export type FieldErrors = Partial<Record<Field, string>>;

export interface Draft {
  /** `account:4R7X21`, `plan:P4R7X210`, or empty. */
  scope: string;
  methodId: string;
  amountType: 'total_due' | 'up_to';
  /** As typed, in the scope's currency. */
  maximum: string;
  scheduleType: 'days_before_due' | 'weekly';
  days: string;
  weekday: string;
  untilType: 'cancelled' | 'date';
  until: string;
  accepted: boolean;
}

export const EMPTY_DRAFT: Draft = {
  scope: '',
  methodId: '',
  amountType: 'total_due',
  maximum: '',
  scheduleType: 'days_before_due',
  days: '3',
  weekday: '1',
  untilType: 'cancelled',
  until: '',
  accepted: false,
};

/** A rule's values in the form, to edit it. The agreement is accepted again on each change. */
export function draftOf(rule: AutopayRule, locale: string): Draft {
  return {
    scope: scopeKey(rule.scope),
    methodId: rule.methodId ?? '',
    amountType: rule.amount.type,
    maximum:
      rule.amount.type === 'up_to' ? moneyInput(rule.amount.maximum.amount, locale, rule.amount.maximum.currency) : '',
    scheduleType: rule.schedule.type,
    days: rule.schedule.type === 'days_before_due' ? String(rule.schedule.days) : EMPTY_DRAFT.days,
    weekday: rule.schedule.type === 'weekly' ? String(rule.schedule.weekday) : EMPTY_DRAFT.weekday,
    untilType: rule.effectiveUntil ? 'date' : 'cancelled',
    until: rule.effectiveUntil ?? '',
    accepted: false,
  };
}

export interface CheckContext {
  i18n: I18n;
  /** The scopes the form offers (creating), or the rule's own (editing). */
  scopes: readonly ScopeInfo[];
  /** The currency of a scope the form does not know (the company's). */
  fallbackCurrency: string;
  /** The wallet, once loaded. */
  wallet: readonly WalletMethod[] | undefined;
  /** An active rule's method, which may stay even when it is not in this user's wallet (someone else set it up). */
  keptMethodId: string | null;
  agreementVersion: string | undefined;
}

export const usableMethods = (wallet: readonly WalletMethod[] | undefined) =>
  (wallet ?? []).filter((method) => !method.expired);

/** The scope a draft names: one the form offers, or — sent as is, for the server to judge — any well-formed one. */
export function scopeOf(draft: Draft, ctx: CheckContext): ScopeInfo | null {
  const offered = ctx.scopes.find((scope) => scopeKey(scope) === draft.scope);
  if (offered) return offered;
  const match = /^(account|plan):([A-Z0-9]{6,8})$/.exec(draft.scope);
  return match
    ? { type: match[1] as ScopeInfo['type'], number: match[2]!, name: match[2]!, currency: ctx.fallbackCurrency }
    : null;
}

/**
 * The request a draft makes, or what is wrong with it. `preview` leaves out
 * what only saving needs (accepting the agreement), so the preview can show
 * before the user reaches the bottom of the form.
 */
export function checkDraft(
  draft: Draft,
  ctx: CheckContext,
  options: { preview?: boolean } = {},
): { request: AutopayRuleRequest | null; errors: FieldErrors } {
  const { i18n } = ctx;
  const errors: FieldErrors = {};
  const scope = scopeOf(draft, ctx);
  if (!scope) errors.scope = i18n.t('autopay.field.scope_required');
  const methods = usableMethods(ctx.wallet);
  const known = draft.methodId === ctx.keptMethodId || methods.some((m) => m.id === draft.methodId);
  if (!draft.methodId || (ctx.wallet && !known)) errors.method = i18n.t('autopay.field.method_required');
  let maximum: number | null = null;
  if (draft.amountType === 'up_to' && scope) {
    maximum = parseMoney(draft.maximum, i18n.locale, scope.currency);
    if (maximum === null) {
      errors.maximum = i18n.t('autopay.field.maximum_format', {
        example: moneyInput(250 * 10 ** digitsOf(scope.currency), i18n.locale, scope.currency),
      });
    } else if (maximum <= 0) errors.maximum = i18n.t('autopay.field.maximum_not_positive');
  }
  const days = Number(draft.days);
  if (draft.scheduleType === 'days_before_due' && !(/^\d{1,2}$/.test(draft.days.trim()) && days <= 30))
    errors.days = i18n.t('autopay.field.days');
  const weekday = Number(draft.weekday);
  if (draft.scheduleType === 'weekly' && !(Number.isInteger(weekday) && weekday >= 1 && weekday <= 7))
    errors.weekday = i18n.t('autopay.field.weekday');
  if (draft.untilType === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.until)) errors.until = i18n.t('autopay.field.until_required');
    else if (draft.until < localToday()) errors.until = i18n.t('autopay.field.until_past');
  }
  if (!options.preview && (!draft.accepted || !ctx.agreementVersion))
    errors.accept = i18n.t('autopay.field.accept_required');
  if (Object.keys(errors).length || !scope || !ctx.agreementVersion) return { request: null, errors };
  return {
    request: {
      scope: { type: scope.type, number: scope.number },
      methodId: draft.methodId,
      amount:
        draft.amountType === 'up_to'
          ? { type: 'up_to', maximum: { amount: maximum!, currency: scope.currency } }
          : { type: 'total_due' },
      schedule: draft.scheduleType === 'weekly' ? { type: 'weekly', weekday } : { type: 'days_before_due', days },
      effectiveUntil: draft.untilType === 'date' ? draft.until : null,
      agreementVersion: ctx.agreementVersion,
    },
    errors,
  };
}

const digitsOf = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** The form field a `fieldErrors` path of the request belongs to. */
function fieldOfPath(path: string): Field | null {
  if (path === 'scope' || path.startsWith('scope.')) return 'scope';
  if (path === 'methodId') return 'method';
  if (path === 'amount' || path.startsWith('amount.')) return 'maximum';
  if (path === 'schedule.weekday') return 'weekday';
  if (path === 'schedule' || path.startsWith('schedule.')) return 'days';
  if (path === 'effectiveUntil') return 'until';
  if (path === 'agreementVersion') return 'accept';
  return null;
}

/** Problem codes that are about one field even when the server names none. */
const FIELD_OF_PROBLEM: Record<string, Field> = {
  autopay_rule_exists: 'scope',
  not_found: 'scope',
  maximum_not_positive: 'maximum',
  currency_mismatch: 'maximum',
  method_unusable: 'method',
  agreement_outdated: 'accept',
};

/** The shared message of a field code, or the generic one for a code this version does not know. */
function sharedFieldText(i18n: I18n, code: string): string {
  const key = `field.${code}` as MessageKey;
  const text = i18n.t(key);
  return text === key ? i18n.t('field.invalid_value') : text;
}

function fieldMessage(i18n: I18n, field: Field, problem: string, code: string, currency: string): string {
  const own = (key: string) => i18n.t(`autopay.field.${key}` as MessageKey);
  switch (field) {
    case 'scope':
      if (code === 'rule_exists' || problem === 'autopay_rule_exists') return own('rule_exists');
      if (problem === 'not_found' || code === 'invalid_value' || code === 'not_found') return own('scope_not_found');
      return code === 'required' ? own('scope_required') : sharedFieldText(i18n, code);
    case 'method': {
      const reason = code.replace(/^method_/, '');
      if (reason === 'expired' || reason === 'removed') return own(`method_${reason}`);
      return own('method_required');
    }
    case 'maximum':
      if (problem === 'currency_mismatch' || code === 'currency_mismatch')
        return i18n.t('autopay.field.currency_mismatch', { currency });
      return own('maximum_not_positive');
    case 'days':
    case 'weekday':
      return own(field);
    case 'until':
      return code === 'required' ? own('until_required') : own('until_past');
    case 'accept':
      return own('agreement_outdated');
  }
}

/**
 * What a refused save or preview means for the form: a message per field
 * the server named (or the one its problem code is about), and the rest for
 * the summary alone. Raw server text is never shown.
 */
export function problemErrors(
  i18n: I18n,
  error: BillingApiError,
  currency: string,
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  for (const [path, code] of Object.entries(error.fieldErrors)) {
    const field = fieldOfPath(path);
    if (field) fields[field] ??= fieldMessage(i18n, field, error.code, code, currency);
  }
  const field = FIELD_OF_PROBLEM[error.code];
  if (!Object.keys(fields).length && field) fields[field] = fieldMessage(i18n, field, error.code, '', currency);
  const general = Object.keys(fields).length ? [] : [i18n.error(error.code)];
  return { fields, general };
}
