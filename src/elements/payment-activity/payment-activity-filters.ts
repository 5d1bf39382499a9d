/** The filter bar of <ups-payment-activity>: status and a processing-date range. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { PAYMENT_STATUSES, type PaymentStatus } from '../../api/schemas/invoice.js';
import type { I18n } from '../../internal/i18n.js';

export interface ActivityFilter {
  status: PaymentStatus | null;
  /** `YYYY-MM-DD` or empty. */
  from: string;
  to: string;
}

export const NO_FILTER: ActivityFilter = { status: null, from: '', to: '' };

export const hasFilter = (filter: ActivityFilter) => Boolean(filter.status || filter.from || filter.to);

export interface FiltersProps {
  i18n: I18n;
  filter: ActivityFilter;
  /** The dates as typed; they become the filter's once they form a range. */
  dates: { from: string; to: string };
  onStatus: (status: PaymentStatus | null) => void;
  onDates: (from: string, to: string) => void;
  onClear: () => void;
}

export function renderFilters(props: FiltersProps): TemplateResult {
  const { i18n, filter, dates: typed } = props;
  const rangeInverted = Boolean(typed.from && typed.to && typed.from > typed.to);
  const dates = (event: Event) => {
    const form = (event.target as HTMLInputElement).form!;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    props.onDates(value('from'), value('to'));
  };
  return html`<form
    class="filters"
    part="filters"
    aria-label=${i18n.t('paymentActivity.filters')}
    @submit=${(e: Event) => e.preventDefault()}
  >
    <div class="field">
      <label for="status">${i18n.t('paymentActivity.filter.status')}</label>
      <select
        id="status"
        @change=${(e: Event) => props.onStatus(((e.target as HTMLSelectElement).value || null) as PaymentStatus | null)}
      >
        <option value="" ?selected=${!filter.status}>${i18n.t('paymentActivity.filter.allStatuses')}</option>
        ${PAYMENT_STATUSES.map(
          (status) =>
            html`<option value=${status} ?selected=${status === filter.status}>
              ${i18n.t(`payment.status.${status}`)}
            </option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="from">${i18n.t('paymentActivity.filter.from')}</label>
      <input id="from" name="from" type="date" .value=${live(typed.from)} @change=${dates} />
    </div>
    <div class="field">
      <label for="to">${i18n.t('paymentActivity.filter.to')}</label>
      <input
        id="to"
        name="to"
        type="date"
        .value=${live(typed.to)}
        aria-invalid=${rangeInverted ? 'true' : 'false'}
        aria-describedby=${rangeInverted ? 'to-error' : nothing}
        @change=${dates}
      />
      ${rangeInverted ? html`<span class="field-error" id="to-error">${i18n.t('field.range_inverted')}</span>` : nothing}
    </div>
    ${
      hasFilter(filter) || typed.from || typed.to
        ? html`<button type="button" class="button" @click=${props.onClear}>
            ${i18n.t('paymentActivity.filter.clear')}
          </button>`
        : nothing
    }
  </form>`;
}
