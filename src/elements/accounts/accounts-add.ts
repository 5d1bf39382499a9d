/**
 * The Add account form: the proof of an account is one of its invoices of
 * the last 45 days, typed exactly as printed. The country comes first,
 * because it decides whether the invoice prints a control ID — the account
 * itself is unknown until the server has matched the invoice. Values are
 * checked here with the contract's own schema (the same field codes, so the
 * same messages, as the server's refusals) before anything is sent: a slip
 * then costs none of the account's five attempts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { PARSE_OPTIONS, toFieldErrors } from '../../api/field-errors.js';
import {
  CONTROL_ID_COUNTRIES,
  controlIdRequired,
  InvoiceProof,
  type InvoiceProof as Proof,
} from '../../api/schemas/invoice-proof.js';
import { firstMessage } from '../../internal/field-errors.js';
import { renderField, renderFieldError, type FieldContext } from '../../internal/fields.js';
import type { I18n } from '../../internal/i18n.js';

/** Countries whose accounts can be added: those that print a control ID, and North America. */
const COUNTRIES = [...CONTROL_ID_COUNTRIES, 'US', 'CA', 'MX'];

/** The server's field path → the form field that shows its message. */
export const ADD_FIELDS: Readonly<Record<string, string>> = {
  country: 'country',
  accountNumber: 'account-number',
  invoiceNumber: 'invoice-number',
  invoiceDate: 'invoice-date',
  amount: 'amount',
  controlId: 'control-id',
};

/** The message of a field code: the field's own wording, then the accounts', then the common one. */
export function fieldMessage(i18n: I18n, path: string, code: string, params?: Record<string, string>): string {
  return firstMessage(i18n, [`accounts.field.${path}.${code}`, `accounts.field.${code}`, `field.${code}`], params);
}

/** The request the form's values make, as typed (trimmed; the account number in capitals, as printed). */
export function proofOf(ctx: FieldContext): Proof {
  const country = ctx.value('country');
  const controlId = ctx.value('control-id').trim();
  return {
    country,
    accountNumber: ctx.value('account-number').trim().toUpperCase(),
    invoiceNumber: ctx.value('invoice-number').trim(),
    invoiceDate: ctx.value('invoice-date'),
    amount: ctx.value('amount').trim(),
    ...(controlIdRequired(country) && controlId ? { controlId } : {}),
  };
}

/**
 * The server's field codes of what is wrong before sending: a missing value
 * is `required`, then the contract's schema says the rest. Whether the date
 * is within 45 days is the server's call: its clock decides.
 */
export function checkAdd(proof: Proof): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = ['country', 'accountNumber', 'invoiceNumber', 'invoiceDate', 'amount'] as const;
  for (const path of required) if (!proof[path]) errors[path] = 'required';
  if (controlIdRequired(proof.country) && !proof.controlId) errors['controlId'] = 'required';
  const result = InvoiceProof.safeParse(proof, PARSE_OPTIONS);
  if (!result.success)
    for (const [path, code] of Object.entries(toFieldErrors(result.error.issues))) errors[path] ??= code;
  return errors;
}

export interface AddProps {
  ctx: FieldContext;
  busy: boolean;
  summary: TemplateResult | typeof nothing;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
}

function renderCountry(ctx: FieldContext): TemplateResult {
  const { i18n } = ctx;
  const names = new Intl.DisplayNames([i18n.locale], { type: 'region' });
  const chosen = ctx.value('country');
  const options = COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, i18n.locale),
  );
  const invalid = Boolean(ctx.error('country'));
  return html`<div class="field">
    <label for="country">${i18n.t('accounts.addForm.country')}</label>
    <span class="hint" id="country-hint">${i18n.t('accounts.addForm.countryHint')}</span>
    <select
      id="country"
      autofocus
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? 'country-hint country-error' : 'country-hint'}
      @change=${(event: Event) => ctx.onInput('country', event)}
    >
      <option value="" ?selected=${!chosen}>—</option>
      ${options.map(({ code, name }) => html`<option value=${code} ?selected=${code === chosen}>${name}</option>`)}
    </select>
    ${renderFieldError(ctx, 'country')}
  </div>`;
}

export function renderAdd(props: AddProps): TemplateResult {
  const { ctx, busy } = props;
  const { i18n } = ctx;
  const withControlId = controlIdRequired(ctx.value('country'));
  return html`<form class="dialog-form" novalidate @submit=${props.onSubmit}>
    <h3 id="add-title">${i18n.t('accounts.addForm.title')}</h3>
    <p id="add-text">${i18n.t('accounts.addForm.intro')}</p>
    ${props.summary} ${renderCountry(ctx)}
    ${renderField(ctx, 'account-number', 'accounts.addForm.accountNumber', {
      hint: 'accounts.addForm.accountNumberHint',
      autocomplete: 'off',
    })}
    ${renderField(ctx, 'invoice-number', 'accounts.addForm.invoiceNumber', {
      hint: 'accounts.addForm.invoiceNumberHint',
      maxlength: 24,
    })}
    ${renderField(ctx, 'invoice-date', 'accounts.addForm.invoiceDate', {
      type: 'date',
      hint: 'accounts.addForm.invoiceDateHint',
    })}
    ${renderField(ctx, 'amount', 'accounts.addForm.amount', {
      hint: 'accounts.addForm.amountHint',
      inputmode: 'decimal',
      maxlength: 32,
    })}
    ${
      withControlId
        ? renderField(ctx, 'control-id', 'accounts.addForm.controlId', {
            hint: 'accounts.addForm.controlIdHint',
            maxlength: 12,
          })
        : nothing
    }
    <div class="dialog-actions">
      <button type="button" class="button" @click=${props.onCancel}>${i18n.t('accounts.close')}</button>
      <button type="submit" class="button primary" aria-disabled=${busy ? 'true' : 'false'}>
        ${i18n.t(busy ? 'accounts.addForm.busy' : 'accounts.addForm.submit')}
      </button>
    </div>
  </form>`;
}
