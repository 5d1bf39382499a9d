/**
 * The fields of the AutoPay form: account or plan, method, amount, schedule,
 * how long, and the agreement. Each control carries its error through
 * `aria-invalid` and `aria-describedby`; the form owns the values.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MethodSummary } from '../../api/schemas/invoice.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import type { I18n } from '../../internal/i18n.js';
import { renderMethod } from '../../internal/receipt.js';
import type { MessageKey } from '../../locales/types.js';
import { localToday, scopeKey, scopeLabel, type ScopeInfo } from './autopay-format.js';
import type { Draft, Field, FieldErrors } from './autopay-rule-check.js';

/** The agreement as the form shows it: its text in the user's language when the server has it. */
export interface ShownAgreement {
  version: string;
  text: string;
  /** The language of `text`, when it is not the user's (English standing in). */
  lang: string | null;
}

export interface FieldsProps {
  i18n: I18n;
  draft: Draft;
  errors: FieldErrors;
  /** The scopes to choose from when creating; null when editing (the scope is fixed). */
  scopes: readonly ScopeInfo[] | null;
  /** The scope in effect: the rule's when editing, the chosen one when creating. */
  scope: ScopeInfo | null;
  /** Undefined while loading. */
  wallet: readonly WalletMethod[] | undefined;
  /** An active rule's method that is not in this user's wallet: it may stay. */
  kept: { id: string; method: MethodSummary } | null;
  walletHref: string | null;
  agreement: ShownAgreement | 'loading' | 'error';
  onChange: (patch: Partial<Draft>) => void;
  onRetryAgreement: () => void;
}

const described = (errors: FieldErrors, field: Field, ...others: string[]) =>
  [...others, errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;

const invalid = (errors: FieldErrors, field: Field) => (errors[field] ? 'true' : 'false');

export function renderFieldError(errors: FieldErrors, field: Field): TemplateResult | typeof nothing {
  return errors[field] ? html`<span class="field-error" id="${field}-error">${errors[field]}</span>` : nothing;
}

function radio(
  name: string,
  id: string,
  checked: boolean,
  label: string | TemplateResult,
  onPick: () => void,
  options: { disabled?: boolean; describedBy?: string | typeof nothing } = {},
): TemplateResult {
  return html`<label class="choice" for=${id}>
    <input
      type="radio"
      name=${name}
      id=${id}
      .checked=${live(checked)}
      ?disabled=${options.disabled ?? false}
      aria-describedby=${options.describedBy ?? nothing}
      @change=${onPick}
    />
    <span>${label}</span>
  </label>`;
}

function renderScope(props: FieldsProps): TemplateResult {
  const { i18n, draft, errors, scopes, scope } = props;
  if (!scopes) {
    return html`<div class="field fixed">
      <span class="label">${i18n.t('autopay.form.scope')}</span>
      <strong>${scope ? scopeLabel(i18n, scope) : nothing}</strong>
      <span class="hint">${i18n.t('autopay.form.scopeFixed')}</span>
    </div>`;
  }
  return html`<div class="field">
    <label for="scope">${i18n.t('autopay.form.scope')}</label>
    <select
      id="scope"
      aria-invalid=${invalid(errors, 'scope')}
      aria-describedby=${described(errors, 'scope')}
      @change=${(e: Event) => props.onChange({ scope: (e.target as HTMLSelectElement).value })}
    >
      <option value="" ?selected=${!draft.scope}>${i18n.t('autopay.form.scopeChoose')}</option>
      ${scopes.map(
        (option) =>
          html`<option value=${scopeKey(option)} ?selected=${draft.scope === scopeKey(option)}>
            ${scopeLabel(i18n, option)} (${option.currency})
          </option>`,
      )}
    </select>
    ${renderFieldError(errors, 'scope')}
  </div>`;
}

function renderMethods(props: FieldsProps): TemplateResult {
  const { i18n, draft, errors, wallet, walletHref, kept } = props;
  const usable = (wallet ?? []).filter((method) => !method.expired);
  const keptShown = kept && wallet && !wallet.some((method) => method.id === kept.id) ? kept : null;
  const walletLink = walletHref
    ? html`<a href=${walletHref} class="wallet-link">${i18n.t('autopay.form.walletLink')}</a>`
    : nothing;
  return html`<fieldset id="method" aria-describedby=${described(errors, 'method')}>
    <legend>${i18n.t('autopay.form.method')}</legend>
    ${wallet === undefined ? html`<p class="hint">${i18n.t('autopay.form.methodLoading')}</p>` : nothing}
    ${
      wallet && !usable.length && !keptShown
        ? html`<p class="notice">${i18n.t('autopay.form.noMethod')} ${walletLink}</p>`
        : nothing
    }
    ${
      keptShown
        ? radio(
            'method',
            `method-${keptShown.id}`,
            draft.methodId === keptShown.id,
            html`${renderMethod(i18n, keptShown.method)} <span class="hint">${i18n.t('autopay.form.current')}</span>`,
            () => props.onChange({ methodId: keptShown.id }),
          )
        : nothing
    }
    ${(wallet ?? []).map((method) =>
      radio(
        'method',
        `method-${method.id}`,
        draft.methodId === method.id,
        method.expired
          ? html`${renderMethod(i18n, method.method, method.nickname)}
              <span class="tag">${i18n.t('autopay.form.expired')}</span>`
          : renderMethod(i18n, method.method, method.nickname),
        () => props.onChange({ methodId: method.id }),
        { disabled: method.expired },
      ),
    )}
    ${usable.length && wallet?.some((method) => method.expired) ? html`<p class="hint">${walletLink}</p>` : nothing}
    ${renderFieldError(errors, 'method')}
  </fieldset>`;
}

function renderAmount(props: FieldsProps): TemplateResult {
  const { i18n, draft, errors, scope } = props;
  const pick = (amountType: Draft['amountType']) => () => props.onChange({ amountType });
  return html`<fieldset>
    <legend>${i18n.t('autopay.form.amount')}</legend>
    ${radio('amount', 'amount-total', draft.amountType === 'total_due', i18n.t('autopay.form.amountTotal'), pick('total_due'))}
    ${radio('amount', 'amount-up-to', draft.amountType === 'up_to', i18n.t('autopay.form.amountUpTo'), pick('up_to'))}
    ${
      draft.amountType === 'up_to'
        ? html`<div class="field nested">
            <label for="maximum">
              ${scope ? i18n.t('autopay.form.maximum', { currency: scope.currency }) : i18n.t('autopay.form.maximumAny')}
            </label>
            <span class="hint" id="maximum-hint">${i18n.t('autopay.form.maximumHint')}</span>
            <input
              id="maximum"
              inputmode="decimal"
              autocomplete="off"
              .value=${live(draft.maximum)}
              aria-invalid=${invalid(errors, 'maximum')}
              aria-describedby=${described(errors, 'maximum', 'maximum-hint')}
              @input=${(e: Event) => props.onChange({ maximum: (e.target as HTMLInputElement).value })}
            />
            ${renderFieldError(errors, 'maximum')}
          </div>`
        : nothing
    }
  </fieldset>`;
}

function renderSchedule(props: FieldsProps): TemplateResult {
  const { i18n, draft, errors } = props;
  const pick = (scheduleType: Draft['scheduleType']) => () => props.onChange({ scheduleType });
  const days = draft.scheduleType === 'days_before_due';
  return html`<fieldset>
    <legend>${i18n.t('autopay.form.schedule')}</legend>
    ${radio('schedule', 'schedule-days', days, i18n.t('autopay.form.scheduleDays'), pick('days_before_due'))}
    ${
      days
        ? html`<div class="field nested">
            <label for="days">${i18n.t('autopay.form.days')}</label>
            <span class="hint" id="days-hint">${i18n.t('autopay.form.daysHint')}</span>
            <input
              id="days"
              type="number"
              min="0"
              max="30"
              step="1"
              inputmode="numeric"
              autocomplete="off"
              .value=${live(draft.days)}
              aria-invalid=${invalid(errors, 'days')}
              aria-describedby=${described(errors, 'days', 'days-hint')}
              @input=${(e: Event) => props.onChange({ days: (e.target as HTMLInputElement).value })}
            />
            ${renderFieldError(errors, 'days')}
          </div>`
        : nothing
    }
    ${radio('schedule', 'schedule-weekly', !days, i18n.t('autopay.form.scheduleWeekly'), pick('weekly'))}
    ${
      days
        ? nothing
        : html`<div class="field nested">
            <label for="weekday">${i18n.t('autopay.form.weekday')}</label>
            <select
              id="weekday"
              aria-invalid=${invalid(errors, 'weekday')}
              aria-describedby=${described(errors, 'weekday')}
              @change=${(e: Event) => props.onChange({ weekday: (e.target as HTMLSelectElement).value })}
            >
              ${[1, 2, 3, 4, 5, 6, 7].map(
                (day) =>
                  html`<option value=${day} ?selected=${draft.weekday === String(day)}>
                    ${i18n.t(`autopay.weekday.${day}` as MessageKey)}
                  </option>`,
              )}
            </select>
            ${renderFieldError(errors, 'weekday')}
          </div>`
    }
  </fieldset>`;
}

function renderUntil(props: FieldsProps): TemplateResult {
  const { i18n, draft, errors } = props;
  const pick = (untilType: Draft['untilType']) => () => props.onChange({ untilType });
  return html`<fieldset>
    <legend>${i18n.t('autopay.form.until')}</legend>
    ${radio('until', 'until-cancelled', draft.untilType === 'cancelled', i18n.t('autopay.form.untilCancelled'), pick('cancelled'))}
    ${radio('until', 'until-date', draft.untilType === 'date', i18n.t('autopay.form.untilDate'), pick('date'))}
    ${
      draft.untilType === 'date'
        ? html`<div class="field nested">
            <label for="until">${i18n.t('autopay.form.untilDateLabel')}</label>
            <input
              id="until"
              type="date"
              min=${localToday()}
              .value=${live(draft.until)}
              aria-invalid=${invalid(errors, 'until')}
              aria-describedby=${described(errors, 'until')}
              @change=${(e: Event) => props.onChange({ until: (e.target as HTMLInputElement).value })}
            />
            ${renderFieldError(errors, 'until')}
          </div>`
        : nothing
    }
  </fieldset>`;
}

function renderAgreement(props: FieldsProps): TemplateResult {
  const { i18n, draft, errors, agreement } = props;
  let body: TemplateResult;
  if (agreement === 'loading') body = html`<p class="hint">${i18n.t('autopay.form.agreementLoading')}</p>`;
  else if (agreement === 'error') {
    body = html`<p class="notice error">
      ${i18n.t('autopay.form.agreementError')}
      <button type="button" class="button" @click=${props.onRetryAgreement}>${i18n.t('common.retry')}</button>
    </p>`;
  } else {
    // A scrolling region must be reachable by keyboard to be read: it takes focus.
    body = html`<div
        class="agreement"
        part="agreement"
        tabindex="0"
        role="region"
        aria-labelledby="agreement-title"
        lang=${agreement.lang ?? nothing}
      >
        ${agreement.text
          .split(/\n\s*\n/)
          .filter((paragraph) => paragraph.trim())
          .map((paragraph) => html`<p>${paragraph.trim()}</p>`)}
      </div>
      <label class="choice accept" for="accept">
        <input
          type="checkbox"
          id="accept"
          .checked=${live(draft.accepted)}
          aria-invalid=${invalid(errors, 'accept')}
          aria-describedby=${described(errors, 'accept')}
          @change=${(e: Event) => props.onChange({ accepted: (e.target as HTMLInputElement).checked })}
        />
        <span>${i18n.t('autopay.form.accept', { version: agreement.version })}</span>
      </label>`;
  }
  return html`<div class="agreement-block">
    <h4 id="agreement-title">${i18n.t('autopay.form.agreement')}</h4>
    ${body} ${renderFieldError(errors, 'accept')}
  </div>`;
}

export function renderRuleFields(props: FieldsProps): TemplateResult {
  return html`${renderScope(props)} ${renderMethods(props)} ${renderAmount(props)} ${renderSchedule(props)}
    ${renderUntil(props)}
    <p class="hint applies">${props.i18n.t('autopay.form.applies')}</p>
    ${renderAgreement(props)}`;
}
