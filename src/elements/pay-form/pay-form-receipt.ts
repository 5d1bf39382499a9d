/** The receipt step of <ups-pay-form>: printable, with the confirmation number first. */
import { html, nothing, type TemplateResult } from 'lit';
import type { MethodSummary } from '../../api/schemas/invoice.js';
import type { PaymentReceipt } from '../../api/schemas/payment.js';
import type { I18n } from '../../internal/i18n.js';

export interface ReceiptProps {
  i18n: I18n;
  receipt: PaymentReceipt;
  guest: boolean;
  enrolHref: string | null;
  method: (method: MethodSummary) => string;
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
    <dl>
      <div class="confirmation">
        <dt>${i18n.t('payForm.receipt.confirmation')}</dt>
        <dd>${receipt.confirmationNumber}</dd>
      </div>
      <div>
        <dt>${i18n.t('payForm.review.date')}</dt>
        <dd>${i18n.date(receipt.processingDate)}</dd>
      </div>
      <div>
        <dt>${i18n.t('payForm.review.method')}</dt>
        <dd>${props.method(receipt.method)}</dd>
      </div>
      <div>
        <dt>${i18n.t('payForm.review.total')}</dt>
        <dd>${i18n.money(receipt.total)}</dd>
      </div>
    </dl>
    <table class="cart">
      <caption>
        ${i18n.t('payForm.receipt.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('payForm.cart.invoice')}</th>
          <th scope="col" class="num">${i18n.t('payForm.receipt.amount')}</th>
        </tr>
      </thead>
      <tbody>
        ${receipt.invoices.map(
          (line) =>
            html`<tr>
              <th scope="row">${line.number}</th>
              <td class="num">${i18n.money(line.amount)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
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
