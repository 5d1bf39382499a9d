/** The review step of <ups-pay-form>: what is paid, how and when, and the one button that pays. */
import { html, type TemplateResult } from 'lit';
import type { MethodSummary } from '../../api/schemas/invoice.js';
import type { I18n } from '../../internal/i18n.js';
import { renderMethod } from '../../internal/receipt.js';
import { dayOf, renderCart, totalOf, type Line } from './pay-form-cart.js';

export interface ReviewProps {
  i18n: I18n;
  lines: readonly Line[];
  method: MethodSummary | null;
  processingDate: string;
  busy: boolean;
  onBack: () => void;
  onPay: () => void;
}

export function renderReview(props: ReviewProps): TemplateResult {
  const { i18n, lines, processingDate: date, busy } = props;
  const total = { amount: totalOf(lines), currency: lines[0]!.currency };
  const later = date > dayOf(new Date());
  return html`<div class="step review">
    ${renderCart(i18n, lines)}
    <dl>
      <div>
        <dt>${i18n.t('payForm.review.method')}</dt>
        <dd>${props.method ? renderMethod(i18n, props.method) : ''}</dd>
      </div>
      <div>
        <dt>${i18n.t('payForm.review.date')}</dt>
        <dd>${i18n.date(date)}</dd>
      </div>
    </dl>
    <div class="actions">
      <button type="button" class="button" ?disabled=${busy} @click=${props.onBack}>${i18n.t('payForm.back')}</button>
      <!-- Disabled and busy while the payment is in flight: a second press cannot send it twice. -->
      <button
        type="button"
        class="button primary"
        ?disabled=${busy}
        aria-busy=${busy ? 'true' : 'false'}
        @click=${props.onPay}
      >
        ${
          busy
            ? i18n.t('payForm.paying')
            : later
              ? i18n.t('payForm.schedule', { amount: i18n.money(total), date: i18n.date(date) })
              : i18n.t('payForm.pay', { amount: i18n.money(total) })
        }
      </button>
    </div>
  </div>`;
}
