/** One invoice's row in <ups-invoice-table>. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Invoice } from '../../api/schemas/invoice.js';
import type { I18n } from '../../internal/i18n.js';

export interface RowProps {
  i18n: I18n;
  invoice: Invoice;
  /** Position for `aria-rowindex`, counting the header row as 1. */
  rowIndex: number;
  /** The plan view shows the plan number where the account view shows the account. */
  plan: boolean;
  selected: boolean;
  menuOpen: boolean;
  onSelect: (on: boolean) => void;
  onOpen: () => void;
  /** Click or key on the row's actions menu button. */
  onMenu: (event: Event) => void;
}

/** A mark (dispute, AutoPay): an icon for the eye, words for assistive technology. */
function mark(kind: string, icon: string, label: string): TemplateResult {
  return html`<span class="flag ${kind}" title=${label}
    ><span aria-hidden="true">${icon}</span><span class="visually-hidden">${label}</span></span
  >`;
}

export function renderRow(props: RowProps): TemplateResult {
  const { i18n, invoice } = props;
  const number = invoice.number;
  return html`<tr aria-rowindex=${props.rowIndex} class=${props.selected ? 'selected' : ''}>
    <td class="select">
      <input
        type="checkbox"
        aria-label=${i18n.t('invoiceTable.select.row', { number })}
        .checked=${props.selected}
        @change=${(e: Event) => props.onSelect((e.target as HTMLInputElement).checked)}
      />
    </td>
    <th scope="row"><button type="button" class="link" @click=${props.onOpen}>${number}</button></th>
    <td>${props.plan ? invoice.planNumber : invoice.accountNumber}</td>
    <td>${i18n.date(invoice.invoiceDate)}</td>
    <td>${i18n.date(invoice.dueDate)}</td>
    <td class="type">${i18n.t(`invoice.type.${invoice.type}`)}</td>
    <td class="num">${i18n.money(invoice.amount)}</td>
    <td class="num">${i18n.money(invoice.amountDue)}</td>
    <td><span class="badge ${invoice.status}" part="status">${i18n.t(`invoice.status.${invoice.status}`)}</span></td>
    <td class="mark">${invoice.inDispute ? mark('dispute', '⚑', i18n.t('invoiceTable.mark.dispute')) : nothing}</td>
    <td class="mark">${invoice.autopay ? mark('autopay', '↻', i18n.t('invoiceTable.mark.autopay')) : nothing}</td>
    <td class="actions">
      <button
        type="button"
        class="menu-button"
        data-menu=${number}
        aria-label=${i18n.t('invoiceTable.actions.label', { number })}
        aria-haspopup="menu"
        aria-expanded=${props.menuOpen ? 'true' : 'false'}
        @click=${props.onMenu}
        @keydown=${props.onMenu}
      >
        <span aria-hidden="true">⋯</span>
      </button>
    </td>
  </tr>`;
}
