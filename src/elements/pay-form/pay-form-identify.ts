/**
 * The guest's first step: which invoice, by account number, invoice number,
 * and its amount due or invoice date. Checked here for form only; whether it
 * matches is the server's answer, the same whichever value is wrong.
 */
import { html, type TemplateResult } from 'lit';
import type { GuestLookupRequest } from '../../api/schemas/payment.js';
import { renderField, type FieldContext } from '../../internal/fields.js';

/** The lookup request, or the message of each field that is not in a form the server could match. */
export function readIdentify(
  ctx: FieldContext,
): { request: GuestLookupRequest; errors?: never } | { request?: never; errors: Record<string, string> } {
  const { i18n } = ctx;
  const account = ctx.value('account').trim().toUpperCase();
  const number = ctx.value('invoice').trim();
  const byDate = ctx.value('by') === 'date';
  const errors: Record<string, string> = {};
  if (!/^[A-Z0-9]{6}$/.test(account)) errors['account'] = i18n.t('payForm.field.account_number');
  if (!number) errors['invoice'] = i18n.t('field.required');
  let amountDue: number | undefined;
  if (byDate) {
    if (!ctx.value('date')) errors['date'] = i18n.t('field.required');
  } else {
    // As printed: digits and one decimal separator, nothing else (no currency sign, no grouping).
    const match = /^(\d{1,9})(?:[.,](\d{2}))?$/.exec(ctx.value('amount').trim());
    if (!match) errors['amount'] = i18n.t('payForm.field.amount_format');
    else amountDue = Number(match[1]) * 100 + Number(match[2] ?? '0');
  }
  if (Object.keys(errors).length) return { errors };
  return {
    request: {
      accountNumber: account,
      invoiceNumber: number,
      ...(byDate ? { invoiceDate: ctx.value('date') } : { amountDue: amountDue! }),
    },
  };
}

export function renderIdentify(
  ctx: FieldContext,
  options: { disabled: boolean; onSubmit: (event: Event) => void; onBy: (by: 'amount' | 'date') => void },
): TemplateResult {
  const { i18n } = ctx;
  const byDate = ctx.value('by') === 'date';
  return html`<form class="step" novalidate @submit=${options.onSubmit}>
    ${renderField(ctx, 'account', 'payForm.identify.account', { hint: 'payForm.identify.accountHint' })}
    ${renderField(ctx, 'invoice', 'payForm.identify.invoice')}
    <fieldset class="by">
      <legend>${i18n.t('payForm.identify.by')}</legend>
      ${(['amount', 'date'] as const).map(
        (value) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="by"
              value=${value}
              .checked=${value === 'date' ? byDate : !byDate}
              @change=${() => options.onBy(value)}
            />
            ${i18n.t(value === 'date' ? 'payForm.identify.byDate' : 'payForm.identify.byAmount')}</label
          >`,
      )}
    </fieldset>
    ${
      byDate
        ? renderField(ctx, 'date', 'payForm.identify.date', { type: 'date' })
        : renderField(ctx, 'amount', 'payForm.identify.amount', {
            hint: 'payForm.identify.amountHint',
            inputmode: 'decimal',
          })
    }
    <div class="actions">
      <button type="submit" class="button primary" ?disabled=${options.disabled}>
        ${i18n.t('payForm.identify.find')}
      </button>
    </div>
  </form>`;
}
