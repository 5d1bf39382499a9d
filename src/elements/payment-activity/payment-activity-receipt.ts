/** One payment's receipt, as <ups-payment-activity> shows it in its dialog. */
import { html, type TemplateResult } from 'lit';
import type { PaymentReceipt } from '../../api/schemas/payment.js';
import type { I18n } from '../../internal/i18n.js';
import { paymentFailure } from '../../internal/payment-failure.js';
import { renderReceiptFacts, renderReceiptLines } from '../../internal/receipt.js';

export interface ReceiptProps {
  i18n: I18n;
  receipt: PaymentReceipt;
  onPrint: () => void;
  onClose: () => void;
}

export function renderReceipt({ i18n, receipt, onPrint, onClose }: ReceiptProps): TemplateResult {
  return html`<h3 id="receipt-title">${i18n.t('paymentActivity.receipt.title')}</h3>
    ${renderReceiptFacts(i18n, receipt, receipt.failureCode ? paymentFailure(i18n, receipt.failureCode) : undefined)}
    ${renderReceiptLines(i18n, receipt)}
    <div class="dialog-actions no-print">
      <button type="button" class="button" @click=${onPrint}>${i18n.t('paymentActivity.receipt.print')}</button>
      <button type="button" class="button primary" @click=${onClose}>${i18n.t('paymentActivity.receipt.close')}</button>
    </div>`;
}
