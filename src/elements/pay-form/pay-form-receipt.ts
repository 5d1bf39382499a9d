/** The receipt step of <ups-pay-form>: printable, with the confirmation number first. */
import { html, nothing, type TemplateResult } from 'lit';
import type { PaymentReceipt } from '../../api/schemas/payment.js';
import type { I18n } from '../../internal/i18n.js';
import { renderReceiptFacts, renderReceiptLines } from '../../internal/receipt.js';

export interface ReceiptProps {
  i18n: I18n;
  receipt: PaymentReceipt;
  guest: boolean;
  enrolHref: string | null;
  onPrint: () => void;
  onAnother: () => void;
}

export function renderReceipt(props: ReceiptProps): TemplateResult {
  const { i18n, receipt } = props;
  const title =
    receipt.status === 'scheduled'
      ? 'payForm.receipt.scheduled'
      : receipt.status === 'processing'
        ? 'payForm.receipt.processing'
        : 'payForm.receipt.title';
  return html`<div class="receipt" part="receipt" role="status">
    <h3>${i18n.t(title)}</h3>
    ${renderReceiptFacts(i18n, receipt)} ${renderReceiptLines(i18n, receipt)}
    ${
      props.guest
        ? html`<p class="enrol">
            ${i18n.t('payForm.receipt.enrol')}
            ${props.enrolHref ? html`<a href=${props.enrolHref}>${i18n.t('payForm.receipt.enrolLink')}</a>` : nothing}
          </p>`
        : nothing
    }
    <div class="actions no-print">
      <button type="button" class="button" @click=${props.onPrint}>${i18n.t('payForm.receipt.print')}</button>
      ${
        props.guest
          ? html`<button type="button" class="button" @click=${props.onAnother}>
              ${i18n.t('payForm.receipt.another')}
            </button>`
          : nothing
      }
    </div>
  </div>`;
}
