import { Task, TaskStatus } from '@lit/task';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { listInvoices } from '../../api/endpoints.js';
import { isBillingApiError } from '../../api/errors.js';
import type { Invoice, InvoicePage } from '../../api/schemas/invoice.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { invoiceTableMessages } from '../../locales/bundles.js';
import type { MessageKey } from '../../locales/types.js';
import { invoiceTableStyles } from './invoice-table.styles.js';

type View = 'account' | 'plan';

const SKELETON_ROWS = 8;

/**
 * The signed-in company's invoices, by account or by billing plan, paged by
 * the server.
 *
 * @summary Invoices of the signed-in company, by account or billing plan.
 * @csspart table - The `<table>`.
 * @csspart status - Each status badge.
 * @cssprop --ups-invoice-table-row-height - Height of a row (default 2.5rem).
 */
export class UpsInvoiceTable extends UpsBillingElement {
  static override styles = [...UpsBillingElement.styles, invoiceTableStyles];
  static override messages = [...UpsBillingElement.messages, invoiceTableMessages];

  readonly #invoices = new Task(this, {
    task: async ([billing, view, pageSize], { signal }): Promise<InvoicePage | null> => {
      if (!billing || billing.session.status !== 'ready') return null;
      return billing.client.call(listInvoices, { query: { view, pageSize } }, { signal });
    },
    args: () => [this.billing, this.view, this.pageSize] as const,
  });

  /** `account`: invoices of each account ("My account invoices"); `plan`: invoices billed through plans. */
  @property({ reflect: true }) view: View = 'account';

  /** Invoices per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view') && this.view !== 'account' && this.view !== 'plan') this.view = 'account';
  }

  override updated(): void {
    this.toggleState('loading', this.#invoices.status === TaskStatus.PENDING);
  }

  /** Fetches the current page again. */
  refresh(): void {
    void this.#invoices.run();
  }

  protected override renderContent(): TemplateResult {
    const session = this.billing!.session;
    if (session.status === 'signed-out') return html`<p class="notice">${this.i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return this.#renderError(session.code);
    return this.#invoices.render({
      initial: () => this.#renderTable(null),
      pending: () => this.#renderTable(this.#invoices.value ?? null),
      complete: (page) => this.#renderTable(page),
      error: (error) => this.#renderError(isBillingApiError(error) ? error.code : 'unknown'),
    });
  }

  #renderError(code: string): TemplateResult {
    return html`<div class="notice error" role="alert">
      <p>${this.i18n.t('invoiceTable.error')} ${this.i18n.error(code)}</p>
      <button class="button" @click=${() => this.refresh()}>${this.i18n.t('common.retry')}</button>
    </div>`;
  }

  #renderTable(page: InvoicePage | null): TemplateResult {
    const { i18n } = this;
    const loading = this.#invoices.status === TaskStatus.PENDING || page === null;
    const columns: [MessageKey, boolean][] = [
      ['invoiceTable.column.number', false],
      [this.view === 'plan' ? 'invoiceTable.column.plan' : 'invoiceTable.column.account', false],
      ['invoiceTable.column.invoiceDate', false],
      ['invoiceTable.column.dueDate', false],
      ['invoiceTable.column.type', false],
      ['invoiceTable.column.amount', true],
      ['invoiceTable.column.amountDue', true],
      ['invoiceTable.column.status', false],
    ];
    return html`
      <div class="frame" tabindex="0" role="region" aria-labelledby="caption">
        <table part="table" aria-busy=${loading ? 'true' : 'false'}>
          <caption id="caption">
            ${i18n.t(this.view === 'plan' ? 'invoiceTable.caption.plan' : 'invoiceTable.caption.account')}
          </caption>
          <thead>
            <tr>
              ${columns.map(([key, numeric]) => html`<th scope="col" class=${numeric ? 'num' : ''}>${i18n.t(key)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${
              page === null
                ? Array.from(
                    { length: SKELETON_ROWS },
                    () =>
                      html`<tr class="skeleton">
                        ${columns.map(() => html`<td></td>`)}
                      </tr>`,
                  )
                : repeat(
                    page.items,
                    (invoice) => invoice.number,
                    (invoice) => this.#renderRow(invoice),
                  )
            }
          </tbody>
        </table>
        ${page && page.items.length === 0 ? html`<p class="notice">${i18n.t('invoiceTable.empty')}</p>` : null}
      </div>
      <p class="status-line" role="status">
        ${loading ? i18n.t('invoiceTable.loading') : i18n.plural('invoiceTable.count', page.total)}
      </p>
    `;
  }

  #renderRow(invoice: Invoice): TemplateResult {
    const { i18n } = this;
    return html`<tr>
      <th scope="row">${invoice.number}</th>
      <td>${this.view === 'plan' ? invoice.planNumber : invoice.accountNumber}</td>
      <td>${i18n.date(invoice.invoiceDate)}</td>
      <td>${i18n.date(invoice.dueDate)}</td>
      <td>${i18n.t(`invoice.type.${invoice.type}`)}</td>
      <td class="num">${i18n.money(invoice.amount)}</td>
      <td class="num">${i18n.money(invoice.amountDue)}</td>
      <td><span class="badge ${invoice.status}" part="status">${i18n.t(`invoice.status.${invoice.status}`)}</span></td>
    </tr>`;
  }
}
