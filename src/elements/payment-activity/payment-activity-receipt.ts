/** One payment's receipt, as <ups-payment-activity> shows it in its dialog; and how a method reads. */
import { html, type TemplateResult } from 'lit';
import type { MethodSummary } from '../../api/schemas/invoice.js';
import type { PaymentReceipt } from '../../api/schemas/payment.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

const FAILURES = new Set(['insufficient_funds', 'expired_card', 'do_not_honor', 'gateway_unavailable']);

/**
 * "Visa •••• 4242" on screen, "Visa ending 4242" for screen readers, which
 * would otherwise read four bullets.
 */
export function renderMethod(i18n: I18n, method: MethodSummary): TemplateResult | string {
  const { type, brand, last4 } = method;
  if (type === 'paypal' || type === 'credit' || !last4) return i18n.t(`paymentActivity.method.${type}`);
  const named = brand ? i18n.t(`brand.${brand}` as MessageKey) : '';
  const params = { brand: named.startsWith('brand.') ? (brand ?? '') : named, last4 };
  return html`<span aria-hidden="true">${i18n.t(`paymentActivity.method.${type}`, params)}</span
    ><span class="visually-hidden">${i18n.t(`paymentActivity.method.${type}Spoken`, params)}</span>`;
}

export function renderStatus(i18n: I18n, status: PaymentReceipt['status']): TemplateResult {
  return html`<span class="badge ${status}" part="status">${i18n.t(`payment.status.${status}`)}</span>`;
}

export interface ReceiptProps {
  i18n: I18n;
  receipt: PaymentReceipt;
  onPrint: () => void;
  onClose: () => void;
}

export function renderReceipt({ i18n, receipt, onPrint, onClose }: ReceiptProps): TemplateResult {
  const failure = receipt.failureCode;
  const facts: [MessageKey, string | TemplateResult][] = [
    ['paymentActivity.receipt.status', renderStatus(i18n, receipt.status)],
    ['paymentActivity.receipt.date', i18n.date(receipt.processingDate)],
    ['paymentActivity.receipt.submitted', i18n.date(receipt.createdAt.slice(0, 10))],
    ['paymentActivity.receipt.method', renderMethod(i18n, receipt.method)],
    ['paymentActivity.receipt.total', i18n.money(receipt.total)],
  ];
  if (failure) {
    facts.push([
      'paymentActivity.receipt.reason',
      FAILURES.has(failure)
        ? i18n.t(`paymentActivity.failure.${failure}` as MessageKey)
        : i18n.t('paymentActivity.failure.unknown', { code: failure }),
    ]);
  }
  return html`<h3 id="receipt-title">${i18n.t('paymentActivity.receipt.title')}</h3>
    <dl class="receipt" part="receipt">
      <div class="confirmation">
        <dt>${i18n.t('paymentActivity.receipt.confirmation')}</dt>
        <dd>${receipt.confirmationNumber}</dd>
      </div>
      ${facts.map(
        ([label, value]) =>
          html`<div>
            <dt>${i18n.t(label)}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
    </dl>
    <table class="lines">
      <caption>
        ${i18n.t('paymentActivity.receipt.invoices')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('paymentActivity.receipt.invoice')}</th>
          <th scope="col">${i18n.t('paymentActivity.receipt.account')}</th>
          <th scope="col" class="num">${i18n.t('paymentActivity.receipt.amount')}</th>
        </tr>
      </thead>
      <tbody>
        ${receipt.invoices.map(
          (line) =>
            html`<tr>
              <th scope="row">${line.number}</th>
              <td>${line.accountNumber}</td>
              <td class="num">${i18n.money(line.amount)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <div class="dialog-actions no-print">
      <button type="button" class="button" @click=${onPrint}>${i18n.t('paymentActivity.receipt.print')}</button>
      <button type="button" class="button primary" @click=${onClose}>${i18n.t('paymentActivity.receipt.close')}</button>
    </div>`;
}
