/** The count line and, in server mode, the pager of <ups-invoice-table>. */
import { html, type TemplateResult } from 'lit';
import type { I18n } from '../../internal/i18n.js';

export interface FooterProps {
  i18n: I18n;
  loaded: { count: number; total: number; totalCapped: boolean } | null;
  loading: boolean;
  /** Server mode pages; data mode shows every row in one scrolling list. */
  paged: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const;

export function renderFooter(props: FooterProps): TemplateResult {
  const { i18n, loaded, loading, page, pageSize } = props;
  const status = loading
    ? i18n.t('invoiceTable.loading')
    : loaded
      ? i18n.plural('invoiceTable.count', loaded.total)
      : '';
  if (!props.paged || !loaded) return html`<p class="status-line" role="status">${status}</p>`;
  const first = loaded.total ? (page - 1) * pageSize + 1 : 0;
  const last = (page - 1) * pageSize + loaded.count;
  const range = i18n.t(loaded.totalCapped ? 'invoiceTable.pager.rangeCapped' : 'invoiceTable.pager.range', {
    from: i18n.number(first),
    to: i18n.number(last),
    total: i18n.number(loaded.total),
  });
  const hasNext = loaded.totalCapped || last < loaded.total;
  return html`<div class="footer">
    <p class="status-line" role="status">${loading ? status : range}</p>
    <nav class="pager" aria-label=${i18n.t('invoiceTable.pager.label')}>
      <label>
        ${i18n.t('invoiceTable.pager.pageSize')}
        <select @change=${(e: Event) => props.onPageSize(Number((e.target as HTMLSelectElement).value))}>
          ${PAGE_SIZES.map((size) => html`<option value=${size} ?selected=${size === pageSize}>${size}</option>`)}
        </select>
      </label>
      <button type="button" class="button" ?disabled=${page <= 1 || loading} @click=${() => props.onPage(page - 1)}>
        ${i18n.t('invoiceTable.pager.previous')}
      </button>
      <button type="button" class="button" ?disabled=${!hasNext || loading} @click=${() => props.onPage(page + 1)}>
        ${i18n.t('invoiceTable.pager.next')}
      </button>
    </nav>
  </div>`;
}
