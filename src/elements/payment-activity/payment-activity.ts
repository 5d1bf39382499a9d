import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cancelPayment, listPayments } from '../../api/endpoints/payments.js';
import { isBillingApiError } from '../../api/errors.js';
import type { PaymentStatus } from '../../api/schemas/invoice.js';
import type { PaymentListQuery, PaymentPage, PaymentReceipt } from '../../api/schemas/payment.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { printOnly } from '../../internal/print.js';
import { receiptStyles, renderMethod, renderPaymentStatus } from '../../internal/receipt.js';
import { paymentActivityMessages } from '../../locales/payment-activity.js';
import { paymentFailureMessages } from '../../locales/payment-failure.js';
import { receiptMessages } from '../../locales/receipt.js';
import type {} from '../../events/payment-cancel.js';
import { NO_FILTER, hasFilter, renderFilters, type ActivityFilter } from './payment-activity-filters.js';
import { renderReceipt } from './payment-activity-receipt.js';
import { paymentActivityStyles } from './payment-activity.styles.js';
import { dialogStyles, fieldStyles, pagerStyles, tableStyles } from '../../internal/styles.js';
import { renderLoadFailure } from '../../internal/load-views.js';
import { renderPager } from '../../internal/pager.js';

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

/**
 * The company's payments — scheduled, processing, completed, returned,
 * cancelled, failed — newest processing date first, filtered by status and
 * processing dates on the server and paged. Each payment opens its printable
 * receipt; a scheduled payment can be cancelled before its date by users who
 * may pay, after a confirmation.
 *
 * @summary Payments with filters and receipts; cancel a scheduled payment.
 * @fires ups-payment-cancel - A scheduled payment was cancelled. `detail.receipt`: the payment, now cancelled.
 * @csspart filters - The filter bar.
 * @csspart table - The payments table.
 * @csspart status - Each status badge.
 * @csspart receipt - The receipt's facts, in its dialog.
 * @csspart dialog - The receipt and the cancel confirmation dialogs.
 */
export class UpsPaymentActivity extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    fieldStyles,
    receiptStyles,
    tableStyles,
    pagerStyles,
    dialogStyles,
    paymentActivityStyles,
  ];
  static override messages = [
    ...UpsBillingElement.messages,
    receiptMessages,
    paymentFailureMessages,
    paymentActivityMessages,
  ];

  readonly #payments = new Task(this, {
    task: async ([client, signedIn, filter, page, pageSize], { signal }): Promise<PaymentPage | null> => {
      if (!client || !signedIn) return null;
      const query: PaymentListQuery = { page, pageSize };
      if (filter.status) query.status = filter.status;
      if (filter.from) query.from = filter.from;
      if (filter.to) query.to = filter.to;
      return client.call(listPayments, { query }, { signal });
    },
    args: () =>
      [
        this.billing?.client,
        this.billing?.session.status === 'ready',
        this.filter,
        this.page,
        Math.min(200, Math.max(1, Math.trunc(this.pageSize) || 25)),
      ] as const,
  });

  readonly #cancel = new Task(this, {
    autoRun: false,
    task: async ([confirmation]: readonly [string], { signal }) =>
      this.billing!.client.call(cancelPayment, { params: { confirmation } }, { signal }),
    onComplete: (receipt) => this.#handleCancelled(receipt),
    onError: (error) => {
      this.cancelError = codeOf(error);
      // The payment changed behind the user's back: show it as it now is.
      if (this.cancelError === 'not_cancellable') this.refresh();
    },
  });

  @state() private filter: ActivityFilter = NO_FILTER;
  /** The dates as typed, applied to `filter` once they form a range. */
  @state() private dates = { from: '', to: '' };
  @state() private page = 1;
  /** Payments changed here since the list loaded (cancelled), by confirmation number. */
  @state() private changed: ReadonlyMap<string, PaymentReceipt> = new Map();
  @state() private viewing: PaymentReceipt | null = null;
  @state() private confirming: PaymentReceipt | null = null;
  @state() private cancelError: string | null = null;
  @state() private announcement = '';

  /** Payments per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** The button that opened a dialog, focused again when it closes. */
  #opener: HTMLElement | null = null;

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#payments.status === TaskStatus.PENDING);
  }

  #handleStatus(status: PaymentStatus | null): void {
    this.filter = { ...this.filter, status };
    this.page = 1;
  }

  #handleDates(from: string, to: string): void {
    this.dates = { from, to };
    if (from && to && from > to) return;
    this.filter = { ...this.filter, from, to };
    this.page = 1;
  }

  #handleClear(): void {
    this.filter = NO_FILTER;
    this.dates = { from: '', to: '' };
    this.page = 1;
  }

  async #handleOpenReceipt(receipt: PaymentReceipt, opener: HTMLElement): Promise<void> {
    this.#opener = opener;
    this.viewing = receipt;
    await this.updateComplete;
    this.#dialog('receipt')?.showModal();
  }

  async #handleAskCancel(receipt: PaymentReceipt, opener: HTMLElement): Promise<void> {
    this.#opener = opener;
    this.cancelError = null;
    this.confirming = receipt;
    await this.updateComplete;
    this.#dialog('confirm')?.showModal();
  }

  #handleConfirm(): void {
    if (!this.confirming || this.#cancel.status === TaskStatus.PENDING) return;
    this.cancelError = null;
    void this.#cancel.run([this.confirming.confirmationNumber]);
  }

  #handleCancelled(receipt: PaymentReceipt): void {
    this.changed = new Map(this.changed).set(receipt.confirmationNumber, receipt);
    this.announcement = this.i18n.t('paymentActivity.cancel.done', { confirmation: receipt.confirmationNumber });
    emit(this, 'ups-payment-cancel', { receipt });
    this.#dialog('confirm')?.close();
  }

  async #handleDialogClose(which: 'receipt' | 'confirm'): Promise<void> {
    const confirmation = (which === 'receipt' ? this.viewing : this.confirming)?.confirmationNumber;
    if (which === 'receipt') this.viewing = null;
    else this.confirming = null;
    await this.updateComplete;
    // A cancelled payment's Cancel button is gone: its Receipt button takes the focus instead.
    const opener = this.#opener?.isConnected
      ? this.#opener
      : this.renderRoot.querySelector<HTMLElement>(`[data-receipt="${confirmation}"]`);
    opener?.focus();
    this.#opener = null;
  }

  #dialog(id: 'receipt' | 'confirm'): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>(`dialog#${id}`);
  }

  #canCancel(): boolean {
    const session = this.billing?.session;
    return session?.status === 'ready' && session.session.user.role !== 'viewer';
  }

  /** Loads the payments again, with the same filters and page. */
  refresh(): void {
    void this.#payments.run();
  }

  /** Prints the receipt being shown, and nothing else of the page. */
  async printReceipt(): Promise<void> {
    if (this.viewing) await printOnly(this.internals);
  }

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (session.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return this.#renderError(session.code);
    return html`<section class="activity" aria-labelledby="title">
      <div class="main">
        <h2 id="title">${i18n.t('paymentActivity.title')}</h2>
        ${renderFilters({
          i18n,
          filter: this.filter,
          dates: this.dates,
          onStatus: (status) => this.#handleStatus(status),
          onDates: (from, to) => this.#handleDates(from, to),
          onClear: () => this.#handleClear(),
        })}
        ${this.#payments.render({
          initial: () => this.#renderLoading(),
          pending: () => (this.#payments.value ? this.#renderPage(this.#payments.value, true) : this.#renderLoading()),
          complete: (page) => (page ? this.#renderPage(page, false) : this.#renderLoading()),
          error: (error) => this.#renderError(codeOf(error)),
        })}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </div>
      <dialog
        id="receipt"
        class="dialog"
        part="dialog"
        aria-labelledby="receipt-title"
        @close=${() => this.#handleDialogClose('receipt')}
      >
        ${
          this.viewing
            ? renderReceipt({
                i18n,
                receipt: this.changed.get(this.viewing.confirmationNumber) ?? this.viewing,
                onPrint: () => this.printReceipt(),
                onClose: () => this.#dialog('receipt')?.close(),
              })
            : nothing
        }
      </dialog>
      <dialog
        id="confirm"
        class="dialog"
        part="dialog"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-text"
        @close=${() => this.#handleDialogClose('confirm')}
      >
        ${this.confirming ? this.#renderConfirm(this.confirming) : nothing}
      </dialog>
    </section>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div class="frame loading" aria-busy="true">
      <p role="status">${this.i18n.t('paymentActivity.loading')}</p>
    </div>`;
  }

  #renderError(code: string): TemplateResult {
    return renderLoadFailure(this.i18n, this.i18n.t('paymentActivity.error'), code, () => this.refresh());
  }

  #renderPage(page: PaymentPage, busy: boolean): TemplateResult {
    const { i18n } = this;
    const items = page.items.map((item) => this.changed.get(item.confirmationNumber) ?? item);
    const count = html`<p class="count" role="status">
      ${busy ? i18n.t('paymentActivity.loading') : i18n.plural('paymentActivity.count', page.total)}
    </p>`;
    if (!items.length) {
      return html`<div class="frame" aria-busy=${busy ? 'true' : 'false'}>
        <p class="notice empty">
          ${i18n.t(hasFilter(this.filter) ? 'paymentActivity.emptyFiltered' : 'paymentActivity.empty')}
        </p>
        ${count}
      </div>`;
    }
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    const canCancel = this.#canCancel();
    const go = (to: number) => {
      if (to >= 1 && to <= pages && !busy) this.page = to;
    };
    return html`<div class="frame" aria-busy=${busy ? 'true' : 'false'}>
        <table part="table">
          <caption class="visually-hidden">
            ${i18n.t('paymentActivity.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${i18n.t('paymentActivity.col.confirmation')}</th>
              <th scope="col">${i18n.t('paymentActivity.col.date')}</th>
              <th scope="col">${i18n.t('paymentActivity.col.status')}</th>
              <th scope="col">${i18n.t('paymentActivity.col.method')}</th>
              <th scope="col">${i18n.t('paymentActivity.col.invoices')}</th>
              <th scope="col" class="num">${i18n.t('paymentActivity.col.total')}</th>
              <th scope="col"><span class="visually-hidden">${i18n.t('paymentActivity.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              items,
              (item) => item.confirmationNumber,
              (item) => this.#renderRow(item, canCancel),
            )}
          </tbody>
        </table>
      </div>
      <div class="footer">
        ${count}
        ${renderPager({ i18n, label: i18n.t('paymentActivity.pager.label'), page: page.page, pages, onPage: go })}
      </div>`;
  }

  #renderRow(payment: PaymentReceipt, canCancel: boolean): TemplateResult {
    const { i18n } = this;
    const confirmation = payment.confirmationNumber;
    const invoices = payment.invoices;
    // The confirmation number makes each row's buttons tell apart for screen readers.
    const which = html`<span class="visually-hidden">${confirmation}</span>`;
    return html`<tr>
      <th scope="row" class="confirmation">${confirmation}</th>
      <td>${i18n.date(payment.processingDate)}</td>
      <td>${renderPaymentStatus(i18n, payment.status)}</td>
      <td>${renderMethod(i18n, payment.method)}</td>
      <td>${invoices.length === 1 ? invoices[0]!.number : i18n.plural('paymentActivity.invoices', invoices.length)}</td>
      <td class="num">${i18n.money(payment.total)}</td>
      <td>
        <div class="actions">
          <button
            type="button"
            class="button"
            data-receipt=${confirmation}
            @click=${(e: Event) => this.#handleOpenReceipt(payment, e.currentTarget as HTMLElement)}
          >
            ${i18n.t('paymentActivity.action.receipt')} ${which}
          </button>
          ${
            canCancel && payment.cancellable
              ? html`<button
                  type="button"
                  class="button danger"
                  data-cancel=${confirmation}
                  @click=${(e: Event) => this.#handleAskCancel(payment, e.currentTarget as HTMLElement)}
                >
                  ${i18n.t('paymentActivity.action.cancel')} ${which}
                </button>`
              : nothing
          }
        </div>
      </td>
    </tr>`;
  }

  #renderConfirm(payment: PaymentReceipt): TemplateResult {
    const { i18n } = this;
    const busy = this.#cancel.status === TaskStatus.PENDING;
    const error = this.cancelError;
    const final = error === 'not_cancellable';
    return html`<h3 id="confirm-title">
        ${i18n.t('paymentActivity.cancel.title', { confirmation: payment.confirmationNumber })}
      </h3>
      <p id="confirm-text">
        ${i18n.t('paymentActivity.cancel.text', {
          total: i18n.money(payment.total),
          date: i18n.date(payment.processingDate),
        })}
      </p>
      <p class="dialog-error" role="alert">
        ${error ? (final ? i18n.t('paymentActivity.cancel.notCancellable') : i18n.error(error)) : nothing}
      </p>
      <div class="dialog-actions">
        <button type="button" class="button" autofocus @click=${() => this.#dialog('confirm')?.close()}>
          ${i18n.t(final ? 'paymentActivity.cancel.close' : 'paymentActivity.cancel.keep')}
        </button>
        ${
          final
            ? nothing
            : html`<button
                type="button"
                class="button primary danger"
                aria-disabled=${busy ? 'true' : 'false'}
                @click=${() => this.#handleConfirm()}
              >
                ${i18n.t(busy ? 'paymentActivity.cancel.busy' : 'paymentActivity.cancel.confirm')}
              </button>`
        }
      </div>`;
  }
}
