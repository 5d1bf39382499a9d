import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { downloadInvoiceDocument } from '../../api/endpoints/documents.js';
import { getInvoice, listInvoiceShipments } from '../../api/endpoints/invoices.js';
import { isBillingApiError } from '../../api/errors.js';
import type { AppliedPayment, InvoiceDetail, Shipment } from '../../api/schemas/invoice.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { MenuController } from '../../internal/menu.js';
import { menuStyles } from '../../internal/menu.styles.js';
import { printOnly } from '../../internal/print.js';
import { RowWindowController } from '../../internal/row-window.js';
import { saveFile } from '../../internal/save-file.js';
import { invoiceDetailMessages } from '../../locales/invoice-detail.js';
import type { MessageKey } from '../../locales/types.js';
import type {} from '../../events/dispute-request.js';
import type {} from '../../events/pay-request.js';
import { invoiceDetailStyles } from './invoice-detail.styles.js';

/** Shipments are fetched in pages of this size, as the list scrolls to them. */
const PAGE = 200;
const PAYABLE = new Set(['open', 'past_due', 'payment_returned']);

/**
 * One invoice: header, amounts, shipments with their charge lines (thousands
 * of them scroll smoothly: only the rows in view are in the DOM, and pages
 * load as they come into view), invoice charges, payments applied and plan
 * members; print (only the invoice prints) and download in each format.
 *
 * @summary One invoice with its shipments, charges and payments; print and download.
 * @fires ups-pay-request - The user asked to pay this invoice. `detail.invoices`.
 * @fires ups-dispute-request - The user asked to dispute this invoice. `detail.invoice`.
 * @csspart header - The invoice header with its facts and amounts.
 * @csspart shipments - The shipments table.
 * @csspart menu - The download formats menu.
 * @cssprop --ups-invoice-detail-row-height - Height of a shipment row (default 2.5rem).
 */
export class UpsInvoiceDetail extends UpsBillingElement {
  static override styles = [...UpsBillingElement.styles, menuStyles, invoiceDetailStyles];
  static override messages = [...UpsBillingElement.messages, invoiceDetailMessages];

  readonly #detail = new Task(this, {
    task: async ([client, signedIn, number], { signal }): Promise<InvoiceDetail | null> => {
      if (!client || !signedIn || !number) return null;
      return client.call(getInvoice, { params: { number } }, { signal });
    },
    args: () => [this.billing?.client, this.billing?.session.status === 'ready', this.invoiceNumber] as const,
  });

  readonly #window = new RowWindowController(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.shipments-frame'),
    overscan: 12,
  });

  readonly #menu = new MenuController(this, 'formats-menu', (id) => this.#download(id));

  /** Loaded shipments by index; pages arrive as the list scrolls to them. */
  @state() private shipments: ReadonlyMap<number, Shipment> = new Map();
  @state() private printing = false;

  /** The invoice to show. */
  @property({ attribute: 'invoice-number' }) invoiceNumber: string | undefined;

  /** Shipment pages loaded or on their way, by page index. */
  #pages = new Map<number, Promise<void>>();
  #visible: { start: number; end: number } | null = null;
  #abort: AbortController | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('invoiceNumber')) {
      this.#abort?.abort();
      this.#pages = new Map();
      this.shipments = new Map();
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#detail.status === TaskStatus.PENDING);
    // Fetch the pages of the rows now in view (after render: rendering itself stays pure).
    const detail = this.#detail.value;
    if (detail && this.#visible) void this.#loadPages(this.#visible.start, this.#visible.end, detail.number);
  }

  /** Prints this invoice alone: every shipment is loaded first, then the page's print dialog opens. */
  async print(): Promise<void> {
    const detail = this.#detail.value;
    if (!detail) return;
    await printOnly(this.internals, async () => {
      await this.#loadPages(0, detail.shipmentCount, detail.number);
      this.printing = true;
      await this.updateComplete;
    });
    this.printing = false;
  }

  /** Loads the pages covering rows `[from, to)`; resolves when all of them are in, including those already on their way. */
  async #loadPages(from: number, to: number, number: string): Promise<void> {
    const client = this.billing?.client;
    if (!client) return;
    this.#abort ??= new AbortController();
    const { signal } = this.#abort;
    const waits: Promise<void>[] = [];
    for (let page = Math.floor(from / PAGE); page * PAGE < to; page++) {
      let pending = this.#pages.get(page);
      if (!pending) {
        pending = client
          .call(listInvoiceShipments, { params: { number }, query: { page: page + 1, pageSize: PAGE } }, { signal })
          .then((result) => {
            if (number !== this.invoiceNumber) return;
            const next = new Map(this.shipments);
            result.items.forEach((shipment, i) => next.set(page * PAGE + i, shipment));
            this.shipments = next;
          })
          .catch(() => {
            // Let a later scroll ask again.
            this.#pages.delete(page);
          });
        this.#pages.set(page, pending);
      }
      waits.push(pending);
    }
    await Promise.all(waits);
  }

  #download(id: string): void {
    const client = this.billing?.client;
    const detail = this.#detail.value;
    if (!client || !detail) return;
    const format = id as 'pdf' | 'csv' | 'xml';
    void client.call(downloadInvoiceDocument, { params: { number: detail.number, format } }).then(saveFile);
  }

  #role(): string | null {
    const session = this.billing?.session;
    return session?.status === 'ready' ? session.session.user.role : null;
  }

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (!this.invoiceNumber)
      return html`<p class="notice error" role="alert">${i18n.t('invoiceDetail.missingNumber')}</p>`;
    if (session.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return this.#renderError(session.code);
    return this.#detail.render({
      initial: () => this.#renderLoading(),
      pending: () => (this.#detail.value ? this.#renderDetail(this.#detail.value) : this.#renderLoading()),
      complete: (detail) => (detail ? this.#renderDetail(detail) : this.#renderLoading()),
      error: (error) => this.#renderError(isBillingApiError(error) ? error.code : 'unknown'),
    });
  }

  #renderLoading(): TemplateResult {
    return html`<div class="loading-block" aria-busy="true">
      <p role="status">${this.i18n.t('invoiceDetail.loading')}</p>
    </div>`;
  }

  #renderError(code: string): TemplateResult {
    return html`<div class="notice error" role="alert">
      <p>${this.i18n.t('invoiceDetail.error')} ${this.i18n.error(code)}</p>
      <button type="button" class="button" @click=${() => this.#detail.run()}>${this.i18n.t('common.retry')}</button>
    </div>`;
  }

  #renderDetail(detail: InvoiceDetail): TemplateResult {
    const { i18n } = this;
    const role = this.#role();
    const canPay = role !== 'viewer' && PAYABLE.has(detail.status);
    const canDispute = role !== 'viewer' && detail.amount.amount > 0;
    const formats = detail.formats.map((format) => ({ id: format, label: i18n.t(`invoiceDetail.format.${format}`) }));
    const facts: [MessageKey, string | TemplateResult][] = [
      ['invoiceDetail.field.account', detail.accountNumber],
      ['invoiceDetail.field.plan', detail.planNumber ?? i18n.t('invoiceDetail.none')],
      ['invoiceDetail.field.invoiceDate', i18n.date(detail.invoiceDate)],
      ['invoiceDetail.field.dueDate', i18n.date(detail.dueDate)],
      ['invoiceDetail.field.type', i18n.t(`invoice.type.${detail.type}`)],
      [
        'invoiceDetail.field.status',
        html`<span class="badge ${detail.status}">${i18n.t(`invoice.status.${detail.status}`)}</span>`,
      ],
      ['invoiceDetail.field.reference', detail.reference ?? i18n.t('invoiceDetail.none')],
      ['invoiceDetail.field.controlId', detail.controlId ?? i18n.t('invoiceDetail.none')],
    ];
    return html`
      <article aria-labelledby="title">
        <header class="header" part="header">
          <div class="title-row">
            <h2 id="title">${i18n.t('invoiceDetail.title', { number: detail.number })}</h2>
            <div class="actions">
              <button type="button" class="button" @click=${() => this.print()}>
                ${i18n.t('invoiceDetail.action.print')}
              </button>
              <button
                type="button"
                class="button"
                aria-haspopup="menu"
                aria-expanded=${this.#menu.isOpen('formats') ? 'true' : 'false'}
                @click=${(e: Event) => this.#menu.toggle(e, 'formats', formats)}
                @keydown=${(e: KeyboardEvent) => this.#menu.triggerKeydown(e, 'formats', formats)}
              >
                ${i18n.t('invoiceDetail.action.download')} <span aria-hidden="true">▾</span>
              </button>
              ${
                canDispute
                  ? html`<button
                      type="button"
                      class="button"
                      @click=${() => emit(this, 'ups-dispute-request', { invoice: detail })}
                    >
                      ${i18n.t('invoiceDetail.action.dispute')}
                    </button>`
                  : nothing
              }
              ${
                canPay
                  ? html`<button
                      type="button"
                      class="button primary"
                      @click=${() => emit(this, 'ups-pay-request', { invoices: [detail] })}
                    >
                      ${i18n.t('invoiceDetail.action.pay')}
                    </button>`
                  : nothing
              }
            </div>
          </div>
          ${detail.inDispute ? html`<p class="notice dispute">${i18n.t('invoiceDetail.inDispute')}</p>` : nothing}
          <dl class="facts">
            ${facts.map(
              ([label, value]) =>
                html`<div>
                  <dt>${i18n.t(label)}</dt>
                  <dd>${value}</dd>
                </div>`,
            )}
          </dl>
          <dl class="amounts">
            <div>
              <dt>${i18n.t('invoiceDetail.field.amount')}</dt>
              <dd>${i18n.money(detail.amount)}</dd>
            </div>
            <div>
              <dt>${i18n.t('invoiceDetail.field.amountDue')}</dt>
              <dd>${i18n.money(detail.amountDue)}</dd>
            </div>
          </dl>
        </header>
        ${this.#renderShipments(detail)} ${this.#renderCharges(detail)} ${this.#renderPayments(detail.payments)}
        ${
          detail.planMembers.length
            ? html`<section aria-labelledby="members-title">
                <h3 id="members-title">${i18n.t('invoiceDetail.members.title')}</h3>
                <ul class="members">
                  ${detail.planMembers.map((number) => html`<li>${number}</li>`)}
                </ul>
              </section>`
            : nothing
        }
      </article>
      ${this.#menu.render(i18n.t('invoiceDetail.action.menu'))}
    `;
  }

  #renderShipments(detail: InvoiceDetail): TemplateResult {
    const { i18n } = this;
    const count = detail.shipmentCount;
    if (!count) {
      this.#visible = null;
      return html`<section aria-labelledby="shipments-title">
        <h3 id="shipments-title">${i18n.t('invoiceDetail.shipments.title')}</h3>
        <p>${i18n.t('invoiceDetail.shipments.none')}</p>
      </section>`;
    }
    const { start, end } = this.printing ? { start: 0, end: count } : this.#window.range(count);
    if (this.printing) this.#window.range(0);
    this.#visible = { start, end };
    const columns: [MessageKey, string][] = [
      ['invoiceDetail.shipments.tracking', ''],
      ['invoiceDetail.shipments.shipDate', ''],
      ['invoiceDetail.shipments.service', ''],
      ['invoiceDetail.shipments.weight', 'num'],
      ['invoiceDetail.shipments.route', ''],
      ['invoiceDetail.shipments.charges', ''],
      ['invoiceDetail.shipments.total', 'num'],
    ];
    const rows: TemplateResult[] = [];
    for (let index = start; index < end; index++) {
      const shipment = this.shipments.get(index);
      rows.push(
        shipment
          ? html`<tr aria-rowindex=${index + 2}>
              <th scope="row">${shipment.trackingNumber}</th>
              <td>${i18n.date(shipment.shipDate)}</td>
              <td>${shipment.service}</td>
              <td class="num">${i18n.number(shipment.billedWeight)} ${shipment.weightUnit}</td>
              <td>
                ${shipment.sender.city} (${shipment.sender.country}) → ${shipment.receiver.city}
                (${shipment.receiver.country})
              </td>
              <td class="charges">
                <span
                  >${shipment.charges.map((charge, i) => html`${i ? ' · ' : ''}${charge.description} ${i18n.money(charge.amount)}`)}</span
                >
              </td>
              <td class="num">${i18n.money(shipment.total)}</td>
            </tr>`
          : html`<tr aria-rowindex=${index + 2} class="skeleton">
              <td colspan=${columns.length}>
                <span class="visually-hidden">${i18n.t('invoiceDetail.shipments.loadingRow')}</span>
              </td>
            </tr>`,
      );
    }
    // The scrolling region below is the landmark; the section is not labelled, so there is one, not two.
    return html`<section>
      <h3 id="shipments-title">
        ${i18n.t('invoiceDetail.shipments.title')}
        <span class="count">(${i18n.plural('invoiceDetail.shipments.count', count)})</span>
      </h3>
      <div
        class="shipments-frame ${this.printing ? 'printing' : ''}"
        tabindex="0"
        role="region"
        aria-labelledby="shipments-title"
      >
        <table part="shipments" aria-rowcount=${count + 1}>
          <thead>
            <tr aria-rowindex="1">
              ${columns.map(([key, className]) => html`<th scope="col" class=${className}>${i18n.t(key)}</th>`)}
            </tr>
          </thead>
          <tbody>
            <tr class="spacer before" aria-hidden="true">
              <td colspan=${columns.length}></td>
            </tr>
            ${rows}
            <tr class="spacer after" aria-hidden="true">
              <td colspan=${columns.length}></td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>`;
  }

  #renderCharges(detail: InvoiceDetail): TemplateResult | typeof nothing {
    const { i18n } = this;
    if (!detail.charges.length) return nothing;
    return html`<section aria-labelledby="charges-title">
      <h3 id="charges-title">${i18n.t('invoiceDetail.charges.title')}</h3>
      <table class="simple">
        <thead>
          <tr>
            <th scope="col">${i18n.t('invoiceDetail.charges.description')}</th>
            <th scope="col" class="num">${i18n.t('invoiceDetail.charges.amount')}</th>
          </tr>
        </thead>
        <tbody>
          ${detail.charges.map(
            (charge) =>
              html`<tr>
                <td>${charge.description}</td>
                <td class="num">${i18n.money(charge.amount)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  #method(payment: AppliedPayment): string {
    const { i18n } = this;
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

  #renderPayments(payments: readonly AppliedPayment[]): TemplateResult {
    const { i18n } = this;
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
                      <td>${this.#method(payment)}</td>
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
}
