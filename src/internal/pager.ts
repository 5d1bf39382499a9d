/**
 * Previous and next, with "Page 2 of 5" between, for the lists that page on
 * the server (users, audit log, payments, disputes). A button at either end
 * stays in the tab order but says it is disabled (`aria-disabled`): a
 * keyboard user who just paged to the end keeps their focus on it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { I18n } from './i18n.js';

export interface PagerProps {
  i18n: I18n;
  /** The navigation's name, e.g. "Pages of payments". */
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Nothing when everything fits on one page. */
export function renderPager(props: PagerProps): TemplateResult | typeof nothing {
  const { i18n, page, pages } = props;
  if (pages <= 1) return nothing;
  const go = (to: number) => {
    if (to >= 1 && to <= pages) props.onPage(to);
  };
  return html`<nav class="pager" aria-label=${props.label}>
    <button
      type="button"
      class="button"
      aria-disabled=${page <= 1 ? 'true' : 'false'}
      data-page="previous"
      @click=${() => go(page - 1)}
    >
      ${i18n.t('common.pager.previous')}
    </button>
    <span class="page">${i18n.t('common.pager.page', { page: i18n.number(page), pages: i18n.number(pages) })}</span>
    <button
      type="button"
      class="button"
      aria-disabled=${page >= pages ? 'true' : 'false'}
      data-page="next"
      @click=${() => go(page + 1)}
    >
      ${i18n.t('common.pager.next')}
    </button>
  </nav>`;
}
