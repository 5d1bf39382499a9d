/** One dispute in <ups-dispute-list>: its row, and under it, once disclosed, its details. */
import { html, nothing, type TemplateResult } from 'lit';
import type { DisputeSummary } from '../../api/schemas/dispute.js';
import type { I18n } from '../../internal/i18n.js';
import { renderDetails, type DetailsProps, type DetailsState } from './dispute-list-detail.js';

/** The columns of a row, for the details row's `colspan`. */
export const COLUMNS = 8;

/** The decision in a few words: what was credited, and on which invoice. */
export function outcomeText(i18n: I18n, dispute: DisputeSummary): string {
  const outcome = dispute.outcome;
  if (!outcome) return i18n.t('disputeList.outcome.none');
  if (outcome.credited.amount <= 0) return i18n.t('disputeList.outcome.denied');
  const amount = i18n.money(outcome.credited);
  // A credit for an import invoice lands on that invoice, even before the server names it.
  const number = outcome.creditInvoiceNumber ?? (outcome.target === 'same_invoice' ? dispute.invoiceNumber : null);
  return number
    ? i18n.t('disputeList.outcome.onInvoice', { amount, number })
    : i18n.t('disputeList.outcome.onNextInvoice', { amount });
}

export function renderStatus(i18n: I18n, dispute: DisputeSummary): TemplateResult {
  return html`<span class="badge ${dispute.status}" part="status">${i18n.t(`dispute.status.${dispute.status}`)}</span>`;
}

export interface RowProps extends Omit<DetailsProps, 'dispute' | 'state'> {
  dispute: DisputeSummary;
  /** Undefined while the row is closed. */
  details: DetailsState | undefined;
  expanded: boolean;
  /** One invoice's list: the invoice column would repeat the same number. */
  showInvoice: boolean;
  onToggle: (opener: HTMLElement) => void;
  onOpenInvoice: () => void;
}

export function renderRow(props: RowProps): TemplateResult {
  const { i18n, dispute, expanded } = props;
  const panel = `details-${dispute.id}`;
  return html`<tbody class=${expanded ? 'expanded' : ''}>
    <tr>
      <th scope="row" class="number">
        <button
          type="button"
          class="disclosure"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${expanded ? panel : nothing}
          data-toggle=${dispute.id}
          aria-label=${i18n.t('disputeList.details.show', { number: dispute.number })}
          @click=${(e: Event) => props.onToggle(e.currentTarget as HTMLElement)}
        >
          <span class="chevron" aria-hidden="true"></span>${dispute.number}
        </button>
      </th>
      ${
        props.showInvoice
          ? html`<td>
              <button
                type="button"
                class="link"
                aria-label=${i18n.t('disputeList.openInvoice', { number: dispute.invoiceNumber })}
                @click=${props.onOpenInvoice}
              >
                ${dispute.invoiceNumber}
              </button>
            </td>`
          : nothing
      }
      <td>${dispute.accountNumber}</td>
      <td>${i18n.t(`dispute.reason.${dispute.reason}`)}</td>
      <td class="num">${i18n.money(dispute.disputed)}</td>
      <td>${renderStatus(i18n, dispute)}</td>
      <td>${i18n.date(dispute.createdAt.slice(0, 10))}</td>
      <td class="outcome">${outcomeText(i18n, dispute)}</td>
    </tr>
    ${
      expanded
        ? html`<tr class="details-row">
            <td colspan=${props.showInvoice ? COLUMNS : COLUMNS - 1} id=${panel}>
              ${renderDetails({ ...props, dispute, state: props.details ?? { loading: true } })}
            </td>
          </tr>`
        : nothing
    }
  </tbody>`;
}
