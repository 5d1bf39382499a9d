/**
 * The dispute form's values as typed, the request they make, and what is
 * wrong with them — found here before sending, or told by the server after.
 * Both end up as one message per field, from the same catalog.
 */
import type { BillingApiError } from '../../api/errors.js';
import {
  MAX_DISPUTE_COMMENT,
  type DisputeAmountKind,
  type DisputeReason,
  type DisputeRequest,
  type DisputeScope,
} from '../../api/schemas/dispute.js';
import type { Money } from '../../api/schemas/common.js';
import { Email } from '../../api/schemas/users.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';
import { moneyInput, parseMoney } from '../../internal/money-input.js';

/** The form's fields, in the order they appear (and the summary lists them). */
export const FIELDS = [
  'scope',
  'lines',
  'tracking',
  'ship-date',
  'reason',
  'amount',
  'comment',
  'email',
  'files',
] as const;
export type Field = (typeof FIELDS)[number];
export type FieldErrors = Partial<Record<Field, string>>;

export interface Draft {
  scope: DisputeScope;
  /** Shipments chosen: the disputed ones (scope `shipments`), or those whose charges are listed (scope `charges`). */
  shipmentIds: readonly string[];
  chargeIds: readonly string[];
  reason: DisputeReason | '';
  amountKind: DisputeAmountKind;
  /** As typed, in the invoice's currency. */
  amount: string;
  trackingNumber: string;
  shipDate: string;
  comment: string;
  contactEmail: string;
}

export const EMPTY_DRAFT: Draft = {
  scope: 'invoice',
  shipmentIds: [],
  chargeIds: [],
  reason: '',
  amountKind: 'disputed',
  amount: '',
  trackingNumber: '',
  shipDate: '',
  comment: '',
  contactEmail: '',
};

export interface CheckContext {
  i18n: I18n;
  invoiceNumber: string;
  currency: string;
  /** What the chosen lines charged (the invoice's total for the whole invoice); null while unknown. */
  charged: Money | null;
}

const digitsOf = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** The request a draft makes, or what is wrong with it. */
export function checkDraft(draft: Draft, ctx: CheckContext): { request: DisputeRequest | null; errors: FieldErrors } {
  const { i18n, currency, charged } = ctx;
  const t = (key: string, params?: Record<string, string | number>) =>
    i18n.t(`disputeForm.field.${key}` as MessageKey, params);
  const errors: FieldErrors = {};
  if (draft.scope === 'shipments' && !draft.shipmentIds.length) errors.lines = t('shipments_required');
  if (draft.scope === 'charges' && !draft.chargeIds.length) errors.lines = t('charges_required');
  const tracking = draft.trackingNumber.trim();
  if (tracking && !/^[A-Za-z0-9]{6,35}$/.test(tracking)) errors.tracking = t('tracking_format');
  if (draft.shipDate && !/^\d{4}-\d{2}-\d{2}$/.test(draft.shipDate)) errors['ship-date'] = t('ship_date');
  if (!draft.reason) errors.reason = t('reason_required');
  const amount = parseMoney(draft.amount, i18n.locale, currency);
  if (!draft.amount.trim()) errors.amount = t('amount_required');
  else if (amount === null)
    errors.amount = t('amount_format', { example: moneyInput(125 * 10 ** digitsOf(currency), i18n.locale, currency) });
  else if (draft.amountKind === 'disputed' ? amount <= 0 : amount < 0) errors.amount = t('amount_not_positive');
  // What the server refuses too (`amount_above_charge`): said here without a round trip.
  else if (charged && (draft.amountKind === 'disputed' ? amount > charged.amount : amount >= charged.amount))
    errors.amount = aboveCharge(i18n, draft.amountKind, charged);
  const comment = draft.comment.trim();
  if (draft.reason === 'other' && !comment) errors.comment = t('comment_required');
  else if (comment.length > MAX_DISPUTE_COMMENT) errors.comment = t('comment_too_long', { max: MAX_DISPUTE_COMMENT });
  const email = draft.contactEmail.trim();
  if (!Email.safeParse(email).success) errors.email = t('email');
  if (Object.keys(errors).length || amount === null || !draft.reason) return { request: null, errors };
  return {
    request: {
      invoiceNumber: ctx.invoiceNumber,
      scope: draft.scope,
      ...(draft.scope === 'shipments' ? { shipmentIds: [...draft.shipmentIds] } : {}),
      ...(draft.scope === 'charges' ? { chargeIds: [...draft.chargeIds] } : {}),
      reason: draft.reason,
      amountKind: draft.amountKind,
      amount: { amount, currency },
      ...(tracking ? { trackingNumber: tracking } : {}),
      ...(draft.shipDate ? { shipDate: draft.shipDate } : {}),
      ...(comment ? { comment } : {}),
      contactEmail: email,
    },
    errors,
  };
}

function aboveCharge(i18n: I18n, kind: DisputeAmountKind, charged: Money): string {
  const total = i18n.money(charged);
  return i18n.t(kind === 'disputed' ? 'disputeForm.field.above_charge' : 'disputeForm.field.expected_above_charge', {
    total,
  });
}

/** The form field a `fieldErrors` path of the request belongs to. */
function fieldOfPath(path: string): Field | null {
  const head = path.split('.')[0]!;
  const fields: Record<string, Field> = {
    scope: 'scope',
    shipmentIds: 'lines',
    chargeIds: 'lines',
    trackingNumber: 'tracking',
    shipDate: 'ship-date',
    reason: 'reason',
    amountKind: 'amount',
    amount: 'amount',
    comment: 'comment',
    contactEmail: 'email',
    files: 'files',
  };
  return fields[head] ?? null;
}

/** Problem codes that are about one field even when the server names none. */
const FIELD_OF_PROBLEM: Record<string, Field> = {
  line_not_on_invoice: 'lines',
  dispute_exists: 'lines',
  amount_above_charge: 'amount',
  currency_mismatch: 'amount',
  too_many_files: 'files',
  file_too_large: 'files',
  file_type_not_allowed: 'files',
};

/** What the form knows to word a refusal: the invoice, what was charged, and the files sent. */
export interface ProblemContext extends CheckContext {
  amountKind: DisputeAmountKind;
  files: readonly File[];
}

function fieldMessage(ctx: ProblemContext, error: BillingApiError, field: Field, path: string, code: string): string {
  const { i18n } = ctx;
  const problem = error.code;
  const t = (key: string, params?: Record<string, string | number>) =>
    i18n.t(`disputeForm.field.${key}` as MessageKey, params);
  if (problem === 'dispute_exists' || code === 'dispute_exists') {
    // The server names the open dispute in `detail`.
    const dispute = /^D\d{8}$/.exec(error.detail ?? '')?.[0];
    return dispute ? t('dispute_exists', { dispute }) : t('dispute_exists_any');
  }
  if (problem === 'line_not_on_invoice' || code === 'not_on_invoice')
    return t('not_on_invoice', { number: ctx.invoiceNumber });
  switch (field) {
    case 'lines':
      return t('lines_required');
    case 'amount':
      if (problem === 'currency_mismatch' || code === 'currency_mismatch')
        return t('currency_mismatch', { currency: ctx.currency });
      if (problem === 'amount_above_charge' || code === 'above_charge')
        return ctx.charged
          ? aboveCharge(i18n, ctx.amountKind, ctx.charged)
          : t(ctx.amountKind === 'disputed' ? 'above_charge' : 'expected_above_charge', { total: '' });
      return code === 'required' ? t('amount_required') : t('amount_not_positive');
    case 'files': {
      const index = Number(path.split('.')[1]);
      const name = ctx.files[index]?.name;
      if (problem === 'too_many_files' || code === 'too_many_files' || !name) return t('files');
      if (code === 'file_too_large' || problem === 'file_too_large') return t('file_too_large', { name });
      if (code === 'file_type' || problem === 'file_type_not_allowed') return t('file_type', { name });
      return t('file_refused', { name });
    }
    case 'tracking':
      return t('tracking_format');
    case 'ship-date':
      return t('ship_date');
    case 'reason':
      return t('reason_required');
    case 'comment':
      return code === 'too_long' ? t('comment_too_long', { max: MAX_DISPUTE_COMMENT }) : t('comment_required');
    case 'email':
      return t('email');
    case 'scope':
      return i18n.t('field.invalid_value');
  }
}

/**
 * What a refused dispute means for the form: a message per field the server
 * named (or the one its problem code is about), the rest for the summary
 * alone. Raw server text is never shown.
 */
export function problemErrors(ctx: ProblemContext, error: BillingApiError): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  for (const [path, code] of Object.entries(error.fieldErrors)) {
    const field = fieldOfPath(path);
    if (field) fields[field] ??= fieldMessage(ctx, error, field, path, code);
  }
  const field = FIELD_OF_PROBLEM[error.code];
  if (!Object.keys(fields).length && field) fields[field] = fieldMessage(ctx, error, field, field, '');
  const general = Object.keys(fields).length
    ? []
    : [
        error.code === 'forbidden'
          ? ctx.i18n.t('disputeForm.error.forbidden')
          : ctx.i18n.error(error.code, { seconds: error.retryAfter ?? 60 }),
      ];
  return { fields, general };
}
