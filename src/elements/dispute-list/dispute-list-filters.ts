/** The filter bar of <ups-dispute-list>: status, account, search and a creation-date range. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Account } from '../../api/schemas/account.js';
import { DISPUTE_STATUSES, type DisputeFilter } from '../../api/schemas/dispute.js';
import type { I18n } from '../../internal/i18n.js';

export interface ListFilter {
  status: DisputeFilter;
  /** An account number, or empty for every account. */
  account: string;
  /** The search as sent: empty, or at least `MIN_SEARCH` characters. */
  q: string;
  /** `YYYY-MM-DD` or empty. */
  from: string;
  to: string;
}

export const NO_FILTER: ListFilter = { status: 'all', account: '', q: '', from: '', to: '' };

/** The server searches from three characters on; shorter text is not sent. */
export const MIN_SEARCH = 3;

export const hasFilter = (filter: ListFilter) =>
  filter.status !== 'all' || Boolean(filter.account || filter.q || filter.from || filter.to);

export interface FiltersProps {
  i18n: I18n;
  filter: ListFilter;
  /** The search and dates as typed; they become the filter's once they can be sent. */
  typed: { q: string; from: string; to: string };
  accounts: readonly Account[];
  /** One invoice's disputes: account, search and dates would only narrow a handful of rows. */
  invoiceMode: boolean;
  onChange: (change: Partial<ListFilter>) => void;
  onSearch: (text: string) => void;
  onDates: (from: string, to: string) => void;
  onClear: () => void;
}

const STATUS_OPTIONS: readonly DisputeFilter[] = ['all', 'open', 'resolved', ...DISPUTE_STATUSES];

function statusLabel(i18n: I18n, status: DisputeFilter): string {
  if (status === 'all' || status === 'open' || status === 'resolved') return i18n.t(`disputeList.filter.${status}`);
  return i18n.t(`dispute.status.${status}`);
}

export function renderFilters(props: FiltersProps): TemplateResult {
  const { i18n, filter, typed } = props;
  const rangeInverted = Boolean(typed.from && typed.to && typed.from > typed.to);
  const dates = (event: Event) => {
    const form = (event.target as HTMLInputElement).form!;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    props.onDates(value('from'), value('to'));
  };
  const status = html`<div class="field">
    <label for="status">${i18n.t('disputeList.filter.status')}</label>
    <select
      id="status"
      @change=${(e: Event) => props.onChange({ status: (e.target as HTMLSelectElement).value as DisputeFilter })}
    >
      ${STATUS_OPTIONS.map(
        (option) =>
          html`<option value=${option} ?selected=${option === filter.status}>${statusLabel(i18n, option)}</option>`,
      )}
    </select>
  </div>`;
  const clear =
    hasFilter(filter) || typed.q || typed.from || typed.to
      ? html`<button type="button" class="button" @click=${props.onClear}>
          ${i18n.t('disputeList.filter.clear')}
        </button>`
      : nothing;
  return html`<form
    class="filters"
    part="filters"
    aria-label=${i18n.t('disputeList.filters')}
    @submit=${(e: Event) => e.preventDefault()}
  >
    ${status}
    ${
      props.invoiceMode
        ? nothing
        : html`<div class="field">
              <label for="account">${i18n.t('disputeList.filter.account')}</label>
              <select
                id="account"
                @change=${(e: Event) => props.onChange({ account: (e.target as HTMLSelectElement).value })}
              >
                <option value="" ?selected=${!filter.account}>${i18n.t('disputeList.filter.allAccounts')}</option>
                ${props.accounts.map(
                  (account) =>
                    html`<option value=${account.number} ?selected=${account.number === filter.account}>
                      ${account.nickname ? `${account.number} – ${account.nickname}` : account.number}
                    </option>`,
                )}
              </select>
            </div>
            <div class="field search">
              <label for="q">${i18n.t('disputeList.filter.search')}</label>
              <input
                id="q"
                type="search"
                autocomplete="off"
                maxlength="100"
                aria-describedby="q-hint"
                .value=${live(typed.q)}
                @input=${(e: Event) => props.onSearch((e.target as HTMLInputElement).value)}
              />
              <span class="hint" id="q-hint">${i18n.t('disputeList.filter.searchHint')}</span>
            </div>
            <div class="field">
              <label for="from">${i18n.t('disputeList.filter.from')}</label>
              <input id="from" name="from" type="date" .value=${live(typed.from)} @change=${dates} />
            </div>
            <div class="field">
              <label for="to">${i18n.t('disputeList.filter.to')}</label>
              <input
                id="to"
                name="to"
                type="date"
                .value=${live(typed.to)}
                aria-invalid=${rangeInverted ? 'true' : 'false'}
                aria-describedby=${rangeInverted ? 'to-error' : nothing}
                @change=${dates}
              />
              ${
                rangeInverted
                  ? html`<span class="field-error" id="to-error">${i18n.t('field.range_inverted')}</span>`
                  : nothing
              }
            </div>`
    }
    ${clear}
  </form>`;
}
