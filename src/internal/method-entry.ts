/**
 * Entering a new payment method, as the wallet's add form and the sign-up's
 * first payment method both do: a card through the isolated card frame, a
 * bank account as the country allows (ACH routing and account numbers in the
 * US, a SEPA IBAN and its mandate in Europe), or a PayPal link — what the
 * server's payment types for the country offer. Bank details are checked
 * here before anything is sent; the server checks again. The words are the
 * wallet's (its forms' bundle): whoever renders this registers that bundle.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BankTokenRequest, PaymentTypes } from '../api/schemas/payment.js';
import { renderCheckbox, renderField, type FieldContext } from './fields.js';
import { abaRouting, iban } from './validators.js';

export type AddType = 'card' | 'ach' | 'sepa' | 'paypal';

const CARD_TYPES = new Set<string>(['credit_card', 'debit_card', 'card']);

/** What may be added in the country: a card (credit and debit alike, the frame tells them apart), then the others. */
export function addTypes(types: PaymentTypes): AddType[] {
  const offered = new Set(types.types.map((option) => option.type as string));
  const out: AddType[] = [...offered].some((type) => CARD_TYPES.has(type)) ? ['card'] : [];
  for (const type of ['ach', 'sepa', 'paypal'] as const) if (offered.has(type)) out.push(type);
  return out;
}

/** The message of each field that is wrong, before anything is sent. */
export function checkAdd(ctx: FieldContext, type: AddType): Record<string, string> {
  const { i18n } = ctx;
  const errors: Record<string, string> = {};
  if (type !== 'ach' && type !== 'sepa') return errors;
  if (!ctx.value('holder').trim()) errors['holder'] = i18n.t('field.required');
  if (type === 'ach') {
    if (!abaRouting(ctx.value('routing').trim())) errors['routing'] = i18n.t('wallet.field.routing_number_invalid');
    if (!/^\d{4,17}$/.test(ctx.value('account-number').trim()))
      errors['account-number'] = i18n.t('wallet.field.account_number');
  } else {
    if (!iban(ctx.value('iban'))) errors['iban'] = i18n.t('wallet.field.iban_invalid');
    if (ctx.value('mandate') !== 'true') errors['mandate'] = i18n.t('wallet.field.mandate_required');
  }
  return errors;
}

export function bankTokenRequest(
  ctx: FieldContext,
  type: Exclude<AddType, 'card'>,
  mandateVersion: string,
): BankTokenRequest {
  const holder = ctx.value('holder').trim();
  if (type === 'paypal') return { type };
  if (type === 'ach') {
    return {
      type,
      holder,
      routingNumber: ctx.value('routing').trim(),
      accountNumber: ctx.value('account-number').trim(),
    };
  }
  return { type, holder, iban: ctx.value('iban').replace(/\s+/g, '').toUpperCase(), mandateVersion };
}

function renderBank(ctx: FieldContext, type: 'ach' | 'sepa', types: PaymentTypes): TemplateResult {
  const { i18n } = ctx;
  if (type === 'ach') {
    return html`<div class="bank">
      ${renderField(ctx, 'holder', 'wallet.bank.holder', { autocomplete: 'name' })}
      ${renderField(ctx, 'routing', 'wallet.bank.routing', { inputmode: 'numeric', maxlength: 9 })}
      ${renderField(ctx, 'account-number', 'wallet.bank.account', { inputmode: 'numeric', maxlength: 17 })}
    </div>`;
  }
  const mandate = types.types.find((option) => option.type === 'sepa')?.mandate;
  return html`<div class="bank">
    ${renderField(ctx, 'holder', 'wallet.bank.holder', { autocomplete: 'name' })}
    ${renderField(ctx, 'iban', 'wallet.bank.iban', { maxlength: 42 })}
    ${
      mandate
        ? html`<div class="mandate">
            <h4>${i18n.t('wallet.bank.mandateTitle', { version: mandate.version })}</h4>
            <p>${mandate.text[i18n.locale] ?? mandate.text['en']}</p>
            ${renderCheckbox(ctx, 'mandate', i18n.t('wallet.bank.mandate'))}
          </div>`
        : nothing
    }
  </div>`;
}

export interface MethodEntryProps {
  ctx: FieldContext;
  types: PaymentTypes;
  type: AddType | null;
  /** The card frame's `<iframe>`, rendered by the card-frame controller. */
  frame: () => TemplateResult;
  onType: (type: AddType) => void;
}

/** The choice of type, then what that type asks for. */
export function renderMethodEntry(props: MethodEntryProps): TemplateResult {
  const { ctx, type } = props;
  const { i18n } = ctx;
  return html`<fieldset class="types" id="add-type">
      <legend>${i18n.t('wallet.add.type')}</legend>
      ${addTypes(props.types).map(
        (option) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="add-type"
              value=${option}
              .checked=${option === type}
              @change=${() => props.onType(option)}
            />
            ${i18n.t(`wallet.add.${option}`)}</label
          >`,
      )}
    </fieldset>
    ${
      type === 'card'
        ? html`<div class="card-entry">
            <p class="hint">${i18n.t('wallet.card.isolated')}</p>
            ${props.frame()}
          </div>`
        : nothing
    }
    ${type === 'ach' || type === 'sepa' ? renderBank(ctx, type, props.types) : nothing}
    ${type === 'paypal' ? html`<p class="hint">${i18n.t('wallet.add.paypalHint')}</p>` : nothing}`;
}
