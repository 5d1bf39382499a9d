/**
 * The wallet's Edit form. Any method takes a nickname; a card also its
 * expiry (how an expired card comes back to life), its holder and its
 * billing address. Bank numbers cannot change: the form shows the account
 * read-only, says why, and offers to remove it and add the new one.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BillingAddress, UpdateMethodRequest, WalletMethod } from '../../api/schemas/wallet.js';
import { renderField, renderFieldError, type FieldContext } from '../../internal/fields.js';

/** Countries a billing address may be in: where the billing center is offered, and neighbours. */
const COUNTRIES =
  'AT BE BG CA CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MT MX NL NO PL PT RO SE SI SK US'.split(' ');

const ADDRESS = ['line1', 'line2', 'city', 'postal-code', 'country'] as const;

const pad = (value: number | null) => (value ? String(value).padStart(2, '0') : '');

/** The form's starting values: the method as saved. */
export function editFields(method: WalletMethod): Record<string, string> {
  const address = method.billingAddress;
  return {
    nickname: method.nickname ?? '',
    'exp-month': pad(method.expMonth),
    'exp-year': method.expYear ? String(method.expYear) : '',
    holder: method.holder ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    'postal-code': address?.postalCode ?? '',
    country: address?.country ?? '',
  };
}

/**
 * What is obviously wrong: a month or year that is not one, a missing
 * holder, half an address. Whether the date is past is the server's call:
 * its clock and time zone decide, not the browser's.
 */
export function checkEdit(ctx: FieldContext, method: WalletMethod): Record<string, string> {
  const { i18n } = ctx;
  const errors: Record<string, string> = {};
  if (method.method.type !== 'card') return errors;
  const month = ctx.value('exp-month').trim();
  const year = ctx.value('exp-year').trim();
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12)
    errors['expiry'] = i18n.t('wallet.field.month');
  else if (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100)
    errors['expiry'] = i18n.t('wallet.field.year');
  if (!ctx.value('holder').trim()) errors['holder'] = i18n.t('field.required');
  if (ADDRESS.some((id) => ctx.value(id).trim())) {
    for (const id of ['line1', 'city', 'postal-code', 'country']) {
      if (!ctx.value(id).trim()) errors[id] = i18n.t('wallet.field.address_incomplete');
    }
  }
  return errors;
}

function addressOf(ctx: FieldContext): BillingAddress | null {
  const value = (id: string) => ctx.value(id).trim();
  if (!value('line1')) return null;
  return {
    line1: value('line1'),
    ...(value('line2') ? { line2: value('line2') } : {}),
    city: value('city'),
    postalCode: value('postal-code'),
    country: value('country'),
  };
}

const sameAddress = (a: BillingAddress | null, b: BillingAddress | null) =>
  (a?.line1 ?? '') === (b?.line1 ?? '') &&
  (a?.line2 ?? '') === (b?.line2 ?? '') &&
  (a?.city ?? '') === (b?.city ?? '') &&
  (a?.postalCode ?? '') === (b?.postalCode ?? '') &&
  (a?.country ?? '') === (b?.country ?? '');

/** Only what changed: an unchanged form sends nothing. */
export function editPatch(ctx: FieldContext, method: WalletMethod): UpdateMethodRequest {
  const patch: UpdateMethodRequest = {};
  const nickname = ctx.value('nickname').trim();
  if (nickname !== (method.nickname ?? '')) patch.nickname = nickname || null;
  if (method.method.type !== 'card') return patch;
  const month = Number(ctx.value('exp-month'));
  const year = Number(ctx.value('exp-year'));
  if (month !== method.expMonth || year !== method.expYear) Object.assign(patch, { expMonth: month, expYear: year });
  const holder = ctx.value('holder').trim();
  if (holder !== (method.holder ?? '')) patch.holder = holder;
  const address = addressOf(ctx);
  if (address && !sameAddress(address, method.billingAddress)) patch.billingAddress = address;
  return patch;
}

export interface EditProps {
  ctx: FieldContext;
  method: WalletMethod;
  /** How the method reads: "Visa ending 4242". */
  name: string;
  busy: boolean;
  summary: TemplateResult | typeof nothing;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
  onRemove: () => void;
}

function renderExpiry(ctx: FieldContext, expired: boolean): TemplateResult {
  const { i18n } = ctx;
  const invalid = Boolean(ctx.error('expiry'));
  const input = (id: string, label: string, autocomplete: string, maxlength: number, autofocus: boolean) =>
    html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="text"
        inputmode="numeric"
        autocomplete=${autocomplete}
        maxlength=${maxlength}
        ?autofocus=${autofocus}
        .value=${live(ctx.value(id))}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'expiry-error' : nothing}
        @input=${(event: Event) => ctx.onInput(id, event)}
      />
    </div>`;
  return html`<fieldset class="expiry" id="expiry">
    <legend>${i18n.t('wallet.edit.expiry')}</legend>
    <div class="row">
      ${input('exp-month', i18n.t('wallet.edit.month'), 'cc-exp-month', 2, expired)}
      ${input('exp-year', i18n.t('wallet.edit.year'), 'cc-exp-year', 4, false)}
    </div>
    ${renderFieldError(ctx, 'expiry')}
  </fieldset>`;
}

function renderAddress(ctx: FieldContext): TemplateResult {
  const { i18n } = ctx;
  const names = new Intl.DisplayNames([i18n.locale], { type: 'region' });
  const chosen = ctx.value('country');
  const codes = chosen && !COUNTRIES.includes(chosen) ? [...COUNTRIES, chosen] : COUNTRIES;
  const options = codes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
  const countryInvalid = Boolean(ctx.error('country'));
  return html`<fieldset class="address">
    <legend>${i18n.t('wallet.edit.address')}</legend>
    ${renderField(ctx, 'line1', 'wallet.edit.line1', { autocomplete: 'billing address-line1', maxlength: 100 })}
    ${renderField(ctx, 'line2', 'wallet.edit.line2', { autocomplete: 'billing address-line2', maxlength: 100 })}
    <div class="row">
      ${renderField(ctx, 'city', 'wallet.edit.city', { autocomplete: 'billing address-level2', maxlength: 60 })}
      ${renderField(ctx, 'postal-code', 'wallet.edit.postalCode', { autocomplete: 'billing postal-code', maxlength: 12 })}
    </div>
    <div class="field">
      <label for="country">${i18n.t('wallet.edit.country')}</label>
      <select
        id="country"
        autocomplete="billing country"
        aria-invalid=${countryInvalid ? 'true' : 'false'}
        aria-describedby=${countryInvalid ? 'country-error' : nothing}
        @change=${(event: Event) => ctx.onInput('country', event)}
      >
        <option value="" ?selected=${!chosen}>${i18n.t('wallet.edit.chooseCountry')}</option>
        ${options.map(({ code, name }) => html`<option value=${code} ?selected=${code === chosen}>${name}</option>`)}
      </select>
      ${renderFieldError(ctx, 'country')}
    </div>
  </fieldset>`;
}

export function renderEdit(props: EditProps): TemplateResult {
  const { ctx, method, busy } = props;
  const { i18n } = ctx;
  const type = method.method.type;
  const bank = type === 'ach' || type === 'sepa';
  const numberInvalid = Boolean(ctx.error('bank-number'));
  return html`<form class="dialog-form" novalidate @submit=${props.onSubmit}>
    <h3 id="edit-title">${i18n.t('wallet.edit.title', { method: props.name })}</h3>
    ${props.summary}
    ${renderField(ctx, 'nickname', 'wallet.edit.nickname', { maxlength: 40, autofocus: !method.expired })}
    ${
      type === 'card'
        ? html`${renderExpiry(ctx, method.expired)}
          ${renderField(ctx, 'holder', 'wallet.edit.holder', { autocomplete: 'cc-name', maxlength: 80 })}
          ${renderAddress(ctx)}`
        : nothing
    }
    ${
      bank
        ? html`<div class="field">
              <label for="bank-number">${i18n.t('wallet.edit.number')}</label>
              <input
                id="bank-number"
                type="text"
                readonly
                .value=${`•••• ${method.method.last4 ?? ''}`}
                aria-invalid=${numberInvalid ? 'true' : 'false'}
                aria-describedby="bank-note ${numberInvalid ? 'bank-number-error' : ''}"
              />
              ${renderFieldError(ctx, 'bank-number')}
            </div>
            <div class="bank-note">
              <p id="bank-note">${i18n.t('wallet.edit.bankNotEditable')}</p>
              <button type="button" class="button danger" data-remove-add @click=${props.onRemove}>
                ${i18n.t('wallet.edit.removeAndAdd')}
              </button>
            </div>`
        : nothing
    }
    <div class="dialog-actions">
      <button type="button" class="button" @click=${props.onCancel}>${i18n.t('wallet.cancel')}</button>
      <button type="submit" class="button primary" aria-disabled=${busy ? 'true' : 'false'}>
        ${i18n.t(busy ? 'wallet.edit.busy' : 'wallet.edit.save')}
      </button>
    </div>
  </form>`;
}
