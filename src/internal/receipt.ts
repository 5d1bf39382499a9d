/**
 * What a payment looks like wherever it is shown — the pay form's receipt,
 * the activity list and its receipt dialog: how a method reads, the status
 * badge, the receipt's facts and its invoice lines. Messages come from the
 * shared `receipt` bundle (src/locales/receipt.ts).
 */
import { css, html, type TemplateResult } from 'lit';
import type { MethodSummary } from '../api/schemas/invoice.js';
import type { PaymentReceipt } from '../api/schemas/payment.js';
import type { MessageKey } from '../locales/types.js';
import type { I18n } from './i18n.js';

/**
 * "Visa •••• 4242" on screen, "Visa ending 4242" for screen readers, which
 * would otherwise read four bullets. A wallet nickname comes first.
 */
export function renderMethod(i18n: I18n, method: MethodSummary, nickname?: string | null): TemplateResult {
  const { type, brand, last4 } = method;
  if (type === 'paypal' || type === 'credit' || !last4) {
    return html`${nickname ? `${nickname} (` : ''}${i18n.t(`receipt.method.${type}`)}${nickname ? ')' : ''}`;
  }
  const key = `brand.${brand}` as MessageKey;
  const params = { brand: brand ? (i18n.t(key) === key ? brand : i18n.t(key)) : '', last4 };
  return html`${nickname ? `${nickname} (` : ''}<span aria-hidden="true"
      >${i18n.t(`receipt.method.${type}`, params)}</span
    ><span class="visually-hidden">${i18n.t(`receipt.method.${type}Spoken`, params)}</span>${nickname ? ')' : ''}`;
}

export function renderPaymentStatus(i18n: I18n, status: PaymentReceipt['status']): TemplateResult {
  return html`<span class="badge ${status}" part="status">${i18n.t(`payment.status.${status}`)}</span>`;
}

/** The confirmation number, then status, dates, method, total, and why it failed (`reason`) if it did. */
export function renderReceiptFacts(i18n: I18n, receipt: PaymentReceipt, reason?: string): TemplateResult {
  const facts: [MessageKey, string | TemplateResult][] = [
    ['receipt.status', renderPaymentStatus(i18n, receipt.status)],
    ['receipt.date', i18n.date(receipt.processingDate)],
    ['receipt.submitted', i18n.date(receipt.createdAt.slice(0, 10))],
    ['receipt.method', renderMethod(i18n, receipt.method)],
    ['receipt.total', i18n.money(receipt.total)],
  ];
  if (reason) facts.push(['receipt.reason', reason]);
  return html`<dl class="receipt-facts" part="receipt">
    <div class="confirmation">
      <dt>${i18n.t('receipt.confirmation')}</dt>
      <dd>${receipt.confirmationNumber}</dd>
    </div>
    ${facts.map(
      ([label, value]) =>
        html`<div>
          <dt>${i18n.t(label)}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}

export function renderReceiptLines(i18n: I18n, receipt: PaymentReceipt): TemplateResult {
  return html`<table class="receipt-lines">
    <caption>
      ${i18n.t('receipt.invoices')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${i18n.t('receipt.invoice')}</th>
        <th scope="col">${i18n.t('receipt.account')}</th>
        <th scope="col" class="num">${i18n.t('receipt.amount')}</th>
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
  </table>`;
}

export const receiptStyles = css`
  .badge {
    display: inline-block;
    padding: 0.05em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 500;
  }
  .badge.returned,
  .badge.failed {
    color: var(--_ups-danger);
  }
  .badge.completed {
    color: var(--_ups-success);
  }
  .badge.scheduled,
  .badge.processing {
    color: var(--_ups-warning);
  }
  .badge.cancelled {
    color: var(--_ups-muted);
  }
  .receipt-facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--_ups-space) calc(var(--_ups-space) * 2);
    margin: 0;
  }
  .receipt-facts dt {
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  .receipt-facts dd {
    margin: 0;
    font-weight: 600;
  }
  .receipt-facts .confirmation {
    grid-column: 1 / -1;
  }
  .receipt-facts .confirmation dd {
    font-size: 1.2rem;
    letter-spacing: 0.06em;
    overflow-wrap: anywhere;
  }
  .receipt-lines {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .receipt-lines caption {
    padding-bottom: var(--_ups-space);
    text-align: start;
    font-weight: 600;
  }
  .receipt-lines th,
  .receipt-lines td {
    height: 2.25rem;
    padding: 0 calc(var(--_ups-space) * 0.9);
    border-top: 1px solid var(--_ups-border);
    text-align: start;
    font-weight: 400;
  }
  .receipt-lines thead th {
    border-top: 0;
    color: var(--_ups-muted);
  }
  .receipt-lines .num {
    text-align: end;
  }
`;
