/** The AutoPay form's preview: what the next run would do with the rule as the form stands. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AutopayPreview } from '../../api/schemas/autopay.js';
import type { I18n } from '../../internal/i18n.js';
import { renderRunTable } from './autopay-rule-card.js';

export interface PreviewState {
  /** The form does not make a rule yet: nothing to ask the server. */
  incomplete: boolean;
  pending: boolean;
  failed: boolean;
  preview: AutopayPreview | null | undefined;
}

/** One sentence for the live region: the run's day, what it pays and what it skips. */
function statusOf(i18n: I18n, state: PreviewState): string {
  if (state.incomplete) return i18n.t('autopay.preview.incomplete');
  if (state.pending) return i18n.t('autopay.preview.loading');
  if (state.failed) return i18n.t('autopay.preview.error');
  const run = state.preview?.nextRun;
  if (!run) return i18n.t('autopay.preview.none');
  const on = i18n.t('autopay.preview.on', { date: i18n.date(run.date) });
  if (!run.invoices.length) return `${on} ${i18n.t('autopay.next.empty')}`;
  const paid = run.invoices.filter((line) => line.action === 'pay');
  const skipped = run.invoices.filter((line) => line.action === 'skip_over_maximum').length;
  const unpayable = run.invoices.filter((line) => line.action === 'method_not_allowed').length;
  const total = paid.reduce((sum, line) => sum + line.amountDue.amount, 0);
  return [
    on,
    paid.length
      ? i18n.plural('autopay.preview.pays', paid.length, {
          total: i18n.money({ amount: total, currency: paid[0]!.amountDue.currency }),
        })
      : '',
    skipped ? i18n.plural('autopay.preview.skips', skipped) : '',
    unpayable ? i18n.plural('autopay.preview.unpayable', unpayable) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function renderPreview(i18n: I18n, state: PreviewState): TemplateResult {
  const run = state.pending || state.incomplete ? null : state.preview?.nextRun;
  // The sentence is the live region; the table beside it is read on demand, not announced.
  return html`<section
    class="preview"
    part="preview"
    aria-labelledby="preview-title"
    aria-busy=${state.pending ? 'true' : 'false'}
  >
    <h4 id="preview-title">${i18n.t('autopay.preview.title')}</h4>
    <p class="preview-status" role="status">${statusOf(i18n, state)}</p>
    ${run && run.invoices.length ? renderRunTable(i18n, run, i18n.t('autopay.preview.title')) : nothing}
  </section>`;
}
