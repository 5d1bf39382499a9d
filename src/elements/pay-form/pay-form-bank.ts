/**
 * A new bank account: ACH (routing number with its ABA check digit, account
 * number) or SEPA (IBAN with its mod-97 check, and the mandate to accept).
 * Checked here before anything is sent; the server checks again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BankTokenRequest, PaymentTypeOption } from '../../api/schemas/payment.js';
import { abaRouting, iban } from '../../internal/validators.js';
import { renderField, renderFieldError, type FieldContext } from '../../internal/fields.js';

export type BankType = 'ach' | 'sepa';

export const isBankType = (type: string): type is BankType => type === 'ach' || type === 'sepa';

/** The message of each bank field that is wrong. */
export function checkBank(ctx: FieldContext, type: BankType): Record<string, string> {
  const { i18n } = ctx;
  const errors: Record<string, string> = {};
  if (!ctx.value('holder').trim()) errors['holder'] = i18n.t('field.required');
  if (type === 'ach') {
    if (!abaRouting(ctx.value('routing').trim())) errors['routing'] = i18n.t('payForm.field.routing_number_invalid');
    if (!/^\d{4,17}$/.test(ctx.value('account-number').trim()))
      errors['account-number'] = i18n.t('field.invalid_format');
  } else {
    if (!iban(ctx.value('iban'))) errors['iban'] = i18n.t('payForm.field.iban_invalid');
    if (ctx.value('mandate') !== 'true') errors['mandate'] = i18n.t('payForm.field.mandate_required');
  }
  return errors;
}

export function bankTokenRequest(ctx: FieldContext, type: BankType, mandateVersion: string): BankTokenRequest {
  const holder = ctx.value('holder').trim();
  return type === 'ach'
    ? {
        type,
        holder,
        routingNumber: ctx.value('routing').trim(),
        accountNumber: ctx.value('account-number').trim(),
      }
    : { type, holder, iban: ctx.value('iban').replace(/\s+/g, '').toUpperCase(), mandateVersion };
}

export function renderBankFields(
  ctx: FieldContext,
  type: BankType,
  mandate: PaymentTypeOption['mandate'],
): TemplateResult {
  const { i18n } = ctx;
  if (type === 'ach') {
    return html`<div class="bank">
      ${renderField(ctx, 'holder', 'payForm.bank.holder', { autocomplete: 'name' })}
      ${renderField(ctx, 'routing', 'payForm.bank.routing', { inputmode: 'numeric' })}
      ${renderField(ctx, 'account-number', 'payForm.bank.account', { inputmode: 'numeric' })}
    </div>`;
  }
  const invalid = Boolean(ctx.error('mandate'));
  return html`<div class="bank">
    ${renderField(ctx, 'holder', 'payForm.bank.holder', { autocomplete: 'name' })}
    ${renderField(ctx, 'iban', 'payForm.bank.iban')}
    ${
      mandate
        ? html`<div class="mandate">
            <h3>${i18n.t('payForm.bank.mandateTitle', { version: mandate.version })}</h3>
            <p>${mandate.text[i18n.locale] ?? mandate.text['en']}</p>
            <label class="choice"
              ><input
                id="mandate"
                type="checkbox"
                .checked=${ctx.value('mandate') === 'true'}
                aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby=${invalid ? 'mandate-error' : nothing}
                @change=${(event: Event) => ctx.onInput('mandate', event)}
              />
              ${i18n.t('payForm.bank.mandate')}</label
            >
            ${renderFieldError(ctx, 'mandate')}
          </div>`
        : nothing
    }
  </div>`;
}
