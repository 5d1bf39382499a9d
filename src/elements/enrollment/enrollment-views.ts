/**
 * The enrolment's views that need no API module: the choice of path, the
 * 45-day path's steps (country, account, invoice, the first user's intro,
 * confirmation) and the help beside every step.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EnrollmentCheck } from '../../api/schemas/enrollment.js';
import type { SignInResponse } from '../../api/schemas/session.js';
import { renderHelpLinks, type HelpLinkAddresses } from '../../internal/help-links.js';
import { renderField, renderFieldError, type FieldContext } from '../../internal/fields.js';
import type { EnrollmentPath } from './enrollment-fields.js';

/** Countries offered; a country whose invoices print a control ID gets that field (CONTROL_ID_COUNTRIES). */
const COUNTRIES = [
  'US',
  'CA',
  'MX',
  'PR',
  'AT',
  'BE',
  'CH',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'GB',
  'IE',
  'IT',
  'LU',
  'NL',
  'NO',
  'PL',
  'PT',
  'SE',
];

export interface StartProps {
  ctx: FieldContext;
  path: EnrollmentPath;
  onPath: (path: EnrollmentPath) => void;
  onSubmit: (event: Event) => void;
  /**
   * False for a user signed in to a company: a new company's sign-up would
   * run under their session, which the server refuses (`already_in_company`).
   */
  signupOpen: boolean;
}

/**
 * The two ways in, as a radio group: arrow keys move between them, and the
 * choice is kept when the user comes back.
 */
export function renderStart(props: StartProps): TemplateResult {
  const { i18n } = props.ctx;
  const option = (path: 'invoice' | 'signup', open = true) =>
    html`<label class="choice path">
      <input
        type="radio"
        name="path"
        value=${path}
        .checked=${props.path === path}
        ?disabled=${!open}
        aria-describedby="path-${path}-hint"
        @change=${() => props.onPath(path)}
      />
      <span>
        <span class="path-title">${i18n.t(`enrollment.path.${path}`)}</span>
        <span class="hint" id="path-${path}-hint"
          >${i18n.t(open ? `enrollment.path.${path}Hint` : 'enrollment.path.signupInCompany')}</span
        >
      </span>
    </label>`;
  return html`<form class="step" novalidate @submit=${props.onSubmit}>
    <fieldset class="paths">
      <legend>${i18n.t('enrollment.path.legend')}</legend>
      ${option('invoice')} ${option('signup', props.signupOpen)}
    </fieldset>
    <div class="actions">
      <button type="submit" class="button primary">${i18n.t('enrollment.continue')}</button>
    </div>
  </form>`;
}

export function renderActions(
  ctx: FieldContext,
  busy: boolean,
  onBack: (() => void) | null,
  label: 'enrollment.continue' = 'enrollment.continue',
): TemplateResult {
  const { i18n } = ctx;
  return html`<div class="actions">
    ${onBack ? html`<button type="button" class="button" @click=${onBack}>${i18n.t('enrollment.back')}</button>` : nothing}
    <button type="submit" class="button primary" aria-disabled=${busy ? 'true' : 'false'}>
      ${i18n.t(busy ? 'enrollment.checking' : label)}
    </button>
  </div>`;
}

/** For someone without a UPS account at all: the other path, and where a UPS account is opened. */
export function renderNoAccount(ctx: FieldContext, openAccountHref: string | undefined): TemplateResult {
  const { i18n } = ctx;
  return html`<aside class="no-account" aria-labelledby="no-account-title">
    <h4 id="no-account-title">${i18n.t('enrollment.noAccount.title')}</h4>
    <p>${i18n.t('enrollment.noAccount.text')}</p>
    ${openAccountHref ? html`<p><a href=${openAccountHref}>${i18n.t('enrollment.noAccount.link')}</a></p>` : nothing}
  </aside>`;
}

/**
 * Help before the user calls (as the billing center's own help page asks):
 * the help pages and the virtual assistant first, then the contact page.
 * Shown only where the host gave one of those links.
 */
export function renderHelp(ctx: FieldContext, addresses: HelpLinkAddresses, shown: boolean): TemplateResult {
  const { i18n } = ctx;
  if (!shown) return html``;
  return html`<aside class="help" aria-labelledby="help-title">
    <h4 id="help-title">${i18n.t('enrollment.help.title')}</h4>
    <p>${i18n.t('enrollment.help.text')}</p>
    ${renderHelpLinks(i18n, undefined, addresses)}
  </aside>`;
}

export function renderCountry(ctx: FieldContext, onChange: (country: string) => void): TemplateResult {
  const { i18n } = ctx;
  const names = new Intl.DisplayNames([i18n.locale], { type: 'region' });
  const options = COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, i18n.locale),
  );
  const chosen = ctx.value('country');
  const invalid = Boolean(ctx.error('country'));
  return html`<div class="field">
    <label for="country">${i18n.t('enrollment.country.label')}</label>
    <span class="hint" id="country-hint">${i18n.t('enrollment.country.hint')}</span>
    <select
      id="country"
      autocomplete="country"
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby="country-hint${invalid ? ' country-error' : ''}"
      @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!chosen}>${i18n.t('enrollment.country.choose')}</option>
      ${options.map((o) => html`<option value=${o.code} ?selected=${o.code === chosen}>${o.name}</option>`)}
    </select>
    ${renderFieldError(ctx, 'country')}
  </div>`;
}

export function renderInvoiceFields(ctx: FieldContext, needsControlId: boolean): TemplateResult {
  return html`<p>${ctx.i18n.t('enrollment.invoice.intro', { account: ctx.value('account') })}</p>
    ${renderField(ctx, 'invoice-number', 'enrollment.invoice.number', { hint: 'enrollment.invoice.numberHint' })}
    ${
      needsControlId
        ? renderField(ctx, 'control-id', 'enrollment.invoice.controlId', { hint: 'enrollment.invoice.controlIdHint' })
        : nothing
    }
    ${renderField(ctx, 'invoice-date', 'enrollment.invoice.date', { type: 'date', hint: 'enrollment.invoice.dateHint' })}
    ${renderField(ctx, 'amount', 'enrollment.invoice.amount', {
      hint: 'enrollment.invoice.amountHint',
      inputmode: 'decimal',
    })}`;
}

/** The first user's step: what the invoice proved; the fields themselves come through the slot. */
export function renderUserIntro(ctx: FieldContext, proved: EnrollmentCheck | null): TemplateResult {
  const { i18n } = ctx;
  return html`<div class="step">
    ${
      proved
        ? html`<p class="found">
            ${i18n.t('enrollment.invoice.found', { account: proved.accountNumber, name: proved.accountName })}
          </p>`
        : nothing
    }
    <p>${i18n.t('enrollment.user.intro')}</p>
    <slot name="credentials"></slot>
  </div>`;
}

export function renderInvoiceDone(ctx: FieldContext, result: SignInResponse): TemplateResult {
  const { i18n } = ctx;
  return html`<div class="done">
    <p>
      ${i18n.t('enrollment.done.text', {
        company: result.company?.name ?? '',
        account: ctx.value('account'),
        userId: result.user.userId,
      })}
    </p>
    <p>${i18n.t('enrollment.done.next')}</p>
  </div>`;
}
