/** The search and filter bar of <ups-invoice-table>. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Account } from '../../api/schemas/account.js';
import { STATUS_PRESETS, type StatusPreset } from '../../api/schemas/invoice.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';
import { MIN_SEARCH, hasFilters, type TableQuery } from './invoice-query.js';

export interface ToolbarProps {
  i18n: I18n;
  query: TableQuery;
  /** The search box's text, which runs ahead of the query while the user types. */
  searchText: string;
  accounts: readonly Account[];
  /** Field codes from the server's last answer, by query parameter. */
  fieldErrors: Readonly<Record<string, string>>;
  /** Amounts the user typed that are not amounts. */
  amountErrors: { min?: boolean; max?: boolean };
  onSearch: (event: Event) => void;
  onChange: (change: Partial<TableQuery>) => void;
  onDates: (trigger: HTMLElement) => void;
  onAmount: (which: 'min' | 'max', event: Event) => void;
  onClear: () => void;
}

export function renderToolbar(props: ToolbarProps): TemplateResult {
  const { i18n, query, accounts, fieldErrors, amountErrors, searchText } = props;
  const searchShort = searchText.trim().length > 0 && searchText.trim().length < MIN_SEARCH;
  const dates = query.from
    ? `${i18n.date(query.from)} – ${i18n.date(query.to ?? query.from)}`
    : i18n.t('invoiceTable.filter.anyDate');
  const amountError = (which: 'min' | 'max') =>
    amountErrors[which] || fieldErrors[which]
      ? html`<span class="field-error" id="${which}-error"
          >${
            amountErrors[which]
              ? i18n.t('invoiceTable.filter.amountInvalid', { example: i18n.number(120.5) })
              : i18n.t(`field.${fieldErrors[which]}` as MessageKey)
          }</span
        >`
      : nothing;
  return html`<form class="toolbar" role="search" part="toolbar" @submit=${(e: Event) => e.preventDefault()}>
    <div class="field search">
      <label for="search">${i18n.t('invoiceTable.search.label')}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        .value=${searchText}
        placeholder=${i18n.t('invoiceTable.search.hint')}
        aria-describedby="search-hint"
        aria-invalid=${searchShort || fieldErrors['q'] ? 'true' : 'false'}
        @input=${props.onSearch}
      />
      <span id="search-hint" class=${fieldErrors['q'] ? 'field-error' : searchShort ? 'field-hint' : 'visually-hidden'}>
        ${
          fieldErrors['q']
            ? i18n.t(`field.${fieldErrors['q']}` as MessageKey)
            : searchShort
              ? i18n.t('invoiceTable.search.tooShort', { min: MIN_SEARCH })
              : i18n.t('invoiceTable.search.hint')
        }
      </span>
    </div>
    <div class="field">
      <label for="status">${i18n.t('invoiceTable.filter.status')}</label>
      <select
        id="status"
        @change=${(e: Event) => props.onChange({ status: (e.target as HTMLSelectElement).value as StatusPreset })}
      >
        ${STATUS_PRESETS.map(
          (preset) =>
            html`<option value=${preset} ?selected=${preset === query.status}>
              ${i18n.t(`invoiceTable.preset.${preset}`)}
            </option>`,
        )}
      </select>
    </div>
    ${
      accounts.length > 1
        ? html`<div class="field">
            <label for="account">${i18n.t('invoiceTable.filter.account')}</label>
            <select
              id="account"
              @change=${(e: Event) => props.onChange({ account: (e.target as HTMLSelectElement).value || null })}
            >
              <option value="" ?selected=${!query.account}>${i18n.t('invoiceTable.filter.allAccounts')}</option>
              ${accounts.map(
                (a) =>
                  html`<option value=${a.number} ?selected=${a.number === query.account}>
                    ${a.number} — ${a.nickname ?? a.name}
                  </option>`,
              )}
            </select>
          </div>`
        : nothing
    }
    <div class="field">
      <span class="label" id="dates-label">${i18n.t('invoiceTable.filter.dates')}</span>
      <button
        type="button"
        class="button"
        aria-haspopup="dialog"
        aria-labelledby="dates-label dates-value"
        @click=${(e: Event) => props.onDates(e.currentTarget as HTMLElement)}
      >
        <span id="dates-value">${dates}</span>
      </button>
    </div>
    <div class="field amount">
      <label for="min">${i18n.t('invoiceTable.filter.amountMin')}</label>
      <input
        id="min"
        inputmode="decimal"
        autocomplete="off"
        aria-invalid=${amountErrors.min ? 'true' : 'false'}
        aria-describedby=${amountErrors.min ? 'min-error' : nothing}
        @change=${(e: Event) => props.onAmount('min', e)}
      />
      ${amountError('min')}
    </div>
    <div class="field amount">
      <label for="max">${i18n.t('invoiceTable.filter.amountMax')}</label>
      <input
        id="max"
        inputmode="decimal"
        autocomplete="off"
        aria-invalid=${amountErrors.max || fieldErrors['max'] ? 'true' : 'false'}
        aria-describedby=${amountErrors.max || fieldErrors['max'] ? 'max-error' : nothing}
        @change=${(e: Event) => props.onAmount('max', e)}
      />
      ${amountError('max')}
    </div>
    ${
      hasFilters(query) || searchText
        ? html`<button type="button" class="button clear" @click=${props.onClear}>
            ${i18n.t('invoiceTable.filter.clear')}
          </button>`
        : nothing
    }
  </form>`;
}
