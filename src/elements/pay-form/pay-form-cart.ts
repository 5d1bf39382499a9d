/** What is paid: the lines of the cart, their total, the processing window, and the cart table. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Invoice } from '../../api/schemas/invoice.js';
import type { GuestInvoice } from '../../api/schemas/payment.js';
import type { I18n } from '../../internal/i18n.js';

/** One invoice to pay, signed in or as a guest. */
export interface Line {
  number: string;
  accountNumber: string;
  dueDate: string;
  type: Invoice['type'];
  /** Minor units: the full amount due; negative for a credit. */
  amount: number;
  currency: string;
}

/** Statuses the server accepts a payment for; other invoices of a cart are left out. */
const PAYABLE = new Set(['open', 'past_due', 'payment_returned']);

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function cartLines(invoices: readonly (Invoice | GuestInvoice)[]): Line[] {
  return invoices
    .filter((invoice) => !('status' in invoice) || PAYABLE.has(invoice.status))
    .map((invoice) => ({
      number: invoice.number,
      accountNumber: invoice.accountNumber,
      dueDate: invoice.dueDate,
      type: invoice.type,
      amount: invoice.amountDue.amount,
      currency: invoice.amountDue.currency,
    }));
}

export const totalOf = (lines: readonly Line[]) => lines.reduce((sum, line) => sum + line.amount, 0);

/** Processing dates allowed: today, through the earliest due date of the debits (today when one is due already). */
export function processingWindow(lines: readonly Line[], today: string): { from: string; to: string } {
  const dues = lines.filter((line) => line.amount > 0).map((line) => line.dueDate);
  const earliest = dues.length ? dues.reduce((a, b) => (a < b ? a : b)) : today;
  return { from: today, to: earliest > today ? earliest : today };
}

export function renderCart(i18n: I18n, lines: readonly Line[]): TemplateResult {
  const currency = lines[0]?.currency ?? 'USD';
  return html`<table class="cart">
    <caption>
      ${i18n.t('payForm.cart.caption')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${i18n.t('payForm.cart.invoice')}</th>
        <th scope="col">${i18n.t('payForm.cart.dueDate')}</th>
        <th scope="col" class="num">${i18n.t('payForm.cart.amount')}</th>
      </tr>
    </thead>
    <tbody>
      ${lines.map(
        (line) =>
          html`<tr>
            <th scope="row">
              ${line.number}${line.amount < 0 ? html` <span class="tag">${i18n.t('payForm.cart.credit')}</span>` : nothing}
            </th>
            <td>${i18n.date(line.dueDate)}</td>
            <td class="num">${i18n.money({ amount: line.amount, currency: line.currency })}</td>
          </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row" colspan="2">${i18n.t('payForm.cart.total')}</th>
        <td class="num total">${i18n.money({ amount: totalOf(lines), currency })}</td>
      </tr>
    </tfoot>
  </table>`;
}
