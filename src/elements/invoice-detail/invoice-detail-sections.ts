/** Sections of <ups-invoice-detail> under the shipments: the invoice's own charges, and the payments applied. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AppliedPayment, Charge } from '../../api/schemas/invoice.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';
import { renderLineDispute, type OpenLines } from './invoice-detail-disputes.js';

export interface ChargesProps {
  i18n: I18n;
  /** Charges billed on the invoice rather than on a shipment. */
  charges: readonly Charge[];
  open: OpenLines;
  canDispute: boolean;
  onDispute: (charge: Charge, opener: HTMLElement) => void;
}

export function renderCharges(props: ChargesProps): TemplateResult | typeof nothing {
  const { i18n } = props;
  if (!props.charges.length) return nothing;
  return html`<section aria-labelledby="charges-title">
    <h3 id="charges-title">${i18n.t('invoiceDetail.charges.title')}</h3>
    <table class="simple">
      <thead>
        <tr>
          <th scope="col">${i18n.t('invoiceDetail.charges.description')}</th>
          <th scope="col" class="num">${i18n.t('invoiceDetail.charges.amount')}</th>
          <th scope="col" class="line-action">
            <span class="visually-hidden">${i18n.t('invoiceDetail.charges.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        ${props.charges.map(
          (charge) =>
            html`<tr>
              <td>${charge.description}</td>
              <td class="num">${i18n.money(charge.amount)}</td>
              <td class="line-action">
                ${renderLineDispute({
                  i18n,
                  what: i18n.t('invoiceDetail.line.disputeCharge', { description: charge.description }),
                  id: `charge-${charge.id}`,
                  inDispute: props.open.charges.has(charge.id),
                  canDispute: props.canDispute,
                  onDispute: (opener) => props.onDispute(charge, opener),
                })}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function method(i18n: I18n, payment: AppliedPayment): string {
  const { type, brand, last4 } = payment.method;
  if (type === 'card') {
    const name = brand ? i18n.t(`brand.${brand}` as MessageKey) : '';
    return i18n.t('invoiceDetail.method.card', {
      brand: name.startsWith('brand.') ? (brand ?? '') : name,
      last4: last4 ?? '',
    });
  }
  return i18n.t(`invoiceDetail.method.${type}`, { last4: last4 ?? '' });
}

export function renderPayments(i18n: I18n, payments: readonly AppliedPayment[]): TemplateResult {
  return html`<section aria-labelledby="payments-title">
    <h3 id="payments-title">${i18n.t('invoiceDetail.payments.title')}</h3>
    ${
      payments.length
        ? html`<table class="simple">
            <thead>
              <tr>
                <th scope="col">${i18n.t('invoiceDetail.payments.confirmation')}</th>
                <th scope="col">${i18n.t('invoiceDetail.payments.date')}</th>
                <th scope="col">${i18n.t('invoiceDetail.payments.method')}</th>
                <th scope="col">${i18n.t('invoiceDetail.payments.status')}</th>
                <th scope="col" class="num">${i18n.t('invoiceDetail.payments.amount')}</th>
              </tr>
            </thead>
            <tbody>
              ${payments.map(
                (payment) =>
                  html`<tr>
                    <td>${payment.confirmationNumber}</td>
                    <td>${i18n.date(payment.processingDate)}</td>
                    <td>${method(i18n, payment)}</td>
                    <td>${i18n.t(`payment.status.${payment.status}`)}</td>
                    <td class="num">${i18n.money(payment.amount)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${i18n.t('invoiceDetail.payments.none')}</p>`
    }
  </section>`;
}
