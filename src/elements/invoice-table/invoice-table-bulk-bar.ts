/** The bar that appears over <ups-invoice-table> while invoices are selected. */
import { html, nothing, type TemplateResult } from 'lit';
import type { I18n } from '../../internal/i18n.js';

export interface BulkBarProps {
  i18n: I18n;
  /** Invoices selected: the loaded ones, or every match with `allMatching`. */
  count: number;
  allMatching: boolean;
  offerAllMatching: boolean;
  total: number;
  canDownload: boolean;
  downloading: boolean;
  menuOpen: boolean;
  canPay: boolean;
  payable: boolean;
  onSelectAllMatching: () => void;
  /** Click or key on "Download selected", a menu button. */
  onDownloadMenu: (event: Event) => void;
  onPay: () => void;
  onClear: () => void;
}

export function renderBulkBar(props: BulkBarProps): TemplateResult | typeof nothing {
  const { i18n, count } = props;
  if (!count) return nothing;
  return html`<div class="bulk" part="bulk-bar">
    <span>
      ${
        props.allMatching
          ? i18n.t('invoiceTable.selection.allSelected', { count: i18n.number(props.total) })
          : i18n.plural('invoiceTable.selection.count', count)
      }
    </span>
    ${
      props.offerAllMatching
        ? html`<button type="button" class="link" @click=${props.onSelectAllMatching}>
            ${i18n.t('invoiceTable.selection.allMatching', { count: i18n.number(props.total) })}
          </button>`
        : nothing
    }
    ${
      props.canDownload
        ? html`<button
            type="button"
            class="button"
            aria-haspopup="menu"
            aria-expanded=${props.menuOpen ? 'true' : 'false'}
            ?disabled=${props.downloading}
            @click=${props.onDownloadMenu}
            @keydown=${props.onDownloadMenu}
          >
            ${i18n.t('invoiceTable.bulk.download')} <span aria-hidden="true">▾</span>
          </button>`
        : nothing
    }
    ${
      props.canPay
        ? html`<button type="button" class="button primary" ?disabled=${!props.payable} @click=${props.onPay}>
            ${i18n.t('invoiceTable.bulk.pay')}
          </button>`
        : nothing
    }
    <button type="button" class="link" @click=${props.onClear}>${i18n.t('invoiceTable.selection.clear')}</button>
  </div>`;
}
