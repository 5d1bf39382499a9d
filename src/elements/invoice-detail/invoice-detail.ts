import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { downloadInvoiceDocument } from '../../api/endpoints/documents.js';
import { getInvoice, listInvoiceShipments } from '../../api/endpoints/invoices.js';
import { isBillingApiError } from '../../api/errors.js';
import type { DisputeSummary } from '../../api/schemas/dispute.js';
import type { Charge, InvoiceDetail, Shipment } from '../../api/schemas/invoice.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { loadOnce } from '../../internal/lazy.js';
import { dialogStyles } from '../../internal/styles.js';
import { MenuController } from '../../internal/menu.js';
import { menuStyles } from '../../internal/menu.styles.js';
import { printOnly } from '../../internal/print.js';
import { RowWindowController } from '../../internal/row-window.js';
import { saveFile } from '../../internal/save-file.js';
import { invoiceDetailMessages } from '../../locales/invoice-detail.js';
import type { MessageKey } from '../../locales/types.js';
import type {} from '../../events/dispute-request.js';
import type {} from '../../events/pay-request.js';
import { DisputeFormDialog, disputeDialogStyles, type DisputeRequest } from '../../internal/dispute-form-dialog.js';
import {
  openDisputeLines,
  renderDisputes,
  renderShipmentDispute,
  shipmentDisputeItems,
  type OpenLines,
} from './invoice-detail-disputes.js';
import { renderCharges, renderPayments } from './invoice-detail-sections.js';
import { invoiceDetailStyles } from './invoice-detail.styles.js';
import { renderLoadFailure } from '../../internal/load-views.js';

/** Shipments are fetched in pages of this size, as the list scrolls to them. */
const PAGE = 200;
const PAYABLE = new Set(['open', 'past_due', 'payment_returned']);
/** The invoice's disputes show in a <ups-dispute-list>, loaded only for invoices that have some. */
const loadDisputeList = loadOnce(() => import('../../ups-dispute-list.js'));
/** The dispute endpoints and their schemas: not needed to show the invoice, so not in the first render's bundle. */
const loadDisputesApi = loadOnce(() => import('../../api/endpoints/disputes.js'));

/**
 * One invoice: header, amounts, shipments with their charge lines (thousands
 * of them scroll smoothly: only the rows in view are in the DOM, and pages
 * load as they come into view), invoice charges, payments applied and plan
 * members; print (only the invoice prints) and download in each format.
 * Users who may dispute get a Dispute action on the invoice, on each
 * shipment (the whole shipment or one of its charge lines) and on each
 * invoice charge; lines under an open dispute are marked instead, and the
 * invoice's disputes are listed with their outcome and history.
 *
 * @summary One invoice with its shipments, charges, payments and disputes; print and download.
 * @fires ups-pay-request - The user asked to pay this invoice. `detail.invoices`.
 * @fires ups-dispute-request - Cancelable, before the dispute form opens on this invoice, or on one of its shipments or charge lines. `detail: { invoice, shipment?, charge? }`. Call `preventDefault()` to show `<ups-dispute-form>` on a page of your own; otherwise the form opens in a dialog.
 * @csspart dialog - The dispute form's dialog.
 * @csspart header - The invoice header with its facts and amounts.
 * @csspart shipments - The shipments table.
 * @csspart menu - The download formats menu.
 * @cssprop --ups-invoice-detail-row-height - Height of a shipment row (default 2.5rem).
 */
export class UpsInvoiceDetail extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    menuStyles,
    dialogStyles,
    disputeDialogStyles,
    invoiceDetailStyles,
  ];
  static override messages = [...UpsBillingElement.messages, invoiceDetailMessages];

  readonly #detail = new Task(this, {
    task: async ([client, signedIn, number], { signal }): Promise<InvoiceDetail | null> => {
      if (!client || !signedIn || !number) return null;
      return client.call(getInvoice, { params: { number } }, { signal });
    },
    args: () => [this.billing?.client, this.billing?.session.status === 'ready', this.invoiceNumber] as const,
  });

  /** The invoice's disputes: open ones mark their lines, and any of them shows the Disputes section. */
  readonly #disputes = new Task(this, {
    task: async ([client, signedIn, number], { signal }): Promise<DisputeSummary[] | null> => {
      if (!client || !signedIn || !number) return null;
      const { listDisputes } = await loadDisputesApi();
      const query = { invoice: number, status: 'all', pageSize: 200 } as const;
      return (await client.call(listDisputes, { query }, { signal })).items;
    },
    args: () => [this.billing?.client, this.billing?.session.status === 'ready', this.invoiceNumber] as const,
  });

  readonly #disputeForm = new DisputeFormDialog(this, {
    title: (request) => this.#disputeTitle(request),
    close: () => this.i18n.t('invoiceDetail.dispute.close'),
    locale: () => this.locale,
    onSuccess: (dispute) => {
      this.announcement = this.i18n.t('invoiceDetail.dispute.done', { number: dispute.number });
      this.#refreshDisputes();
    },
  });

  readonly #window = new RowWindowController(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.shipments-frame'),
    overscan: 12,
  });

  readonly #menu = new MenuController(this, 'formats-menu', (id) => this.#download(id));
  /** A shipment's Dispute menu: the whole shipment or one of its charge lines. */
  readonly #lineMenu = new MenuController(this, 'dispute-menu', (id, key) => this.#handleLineMenu(id, key));

  /** Loaded shipments by index; pages arrive as the list scrolls to them. */
  @state() private shipments: ReadonlyMap<number, Shipment> = new Map();
  @state() private printing = false;
  /** `<ups-dispute-list>` is defined: the Disputes section can show it. */
  @state() private disputeListReady = false;
  @state() private announcement = '';

  /** The invoice to show. */
  @property({ attribute: 'invoice-number' }) invoiceNumber: string | undefined;

  /** Shipment pages loaded or on their way, by page index. */
  #pages = new Map<number, Promise<void>>();
  #visible: { start: number; end: number } | null = null;
  #abort: AbortController | null = null;
  #prefetched = false;

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
    const role = this.#role();
    if (!this.#prefetched && role && role !== 'viewer' && (detail?.amount.amount ?? 0) > 0) {
      // Fetch the form while the user reads the invoice: Dispute then opens at once.
      this.#prefetched = true;
      this.#disputeForm.prefetch();
    }
    if (!this.disputeListReady && this.#disputes.value?.length) {
      void loadDisputeList().then(() => (this.disputeListReady = true));
    }
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

  #disputeTitle(request: DisputeRequest): string {
    const { i18n } = this;
    const number = request.invoice.number;
    if (request.shipment)
      return i18n.t('invoiceDetail.dispute.titleShipment', { number, tracking: request.shipment.trackingNumber });
    if (request.charge)
      return i18n.t('invoiceDetail.dispute.titleCharge', { number, description: request.charge.description });
    return i18n.t('invoiceDetail.dispute.title', { number });
  }

  /** Asks the host, then opens the dispute form on the invoice, a shipment or a charge line. */
  #handleDispute(line: { shipment?: Shipment; charge?: Charge }, opener: HTMLElement): void {
    const invoice = this.#detail.value;
    if (invoice) void this.#disputeForm.request({ invoice, ...line }, opener);
  }

  #handleLineMenu(id: string, key: string): void {
    const shipment = [...this.shipments.values()].find((s) => s.id === key);
    const opener = this.renderRoot.querySelector<HTMLElement>(`[data-dispute="shipment-${key}"]`);
    if (!shipment || !opener) return;
    if (id === 'shipment') this.#handleDispute({ shipment }, opener);
    const charge = shipment.charges.find((c) => `charge:${c.id}` === id);
    if (charge) this.#handleDispute({ charge }, opener);
  }

  /** A dispute was made or withdrawn: the in-dispute marks and the Disputes section change. */
  #refreshDisputes(): void {
    void this.#detail.run();
    void this.#disputes.run();
    this.renderRoot.querySelector('ups-dispute-list')?.refresh();
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
    return html`${this.#detail.render({
        initial: () => this.#renderLoading(),
        pending: () => (this.#detail.value ? this.#renderDetail(this.#detail.value) : this.#renderLoading()),
        complete: (detail) => (detail ? this.#renderDetail(detail) : this.#renderLoading()),
        error: (error) => this.#renderError(isBillingApiError(error) ? error.code : 'unknown'),
      })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.#disputeForm.render()}`;
  }

  #renderLoading(): TemplateResult {
    return html`<div class="loading-block" aria-busy="true">
      <p role="status">${this.i18n.t('invoiceDetail.loading')}</p>
    </div>`;
  }

  #renderError(code: string): TemplateResult {
    return renderLoadFailure(this.i18n, this.i18n.t('invoiceDetail.error'), code, () => this.#detail.run());
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
                      @click=${(e: Event) => this.#handleDispute({}, e.currentTarget as HTMLElement)}
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
        ${this.#renderShipments(detail, canDispute)}
        ${renderCharges({
          i18n,
          charges: detail.charges,
          open: this.#openLines(),
          canDispute,
          onDispute: (charge, opener) => this.#handleDispute({ charge }, opener),
        })}
        ${renderPayments(i18n, detail.payments)}
        ${renderDisputes({
          i18n,
          number: detail.number,
          disputes: this.#disputes.value ?? null,
          ready: this.disputeListReady,
          locale: this.locale,
          onChange: () => this.#refreshDisputes(),
        })}
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
      ${this.#lineMenu.render(i18n.t('invoiceDetail.line.menu'))}
    `;
  }

  #openLines(): OpenLines {
    return openDisputeLines(this.#disputes.value ?? []);
  }

  #renderShipments(detail: InvoiceDetail, canDispute: boolean): TemplateResult {
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
      ['invoiceDetail.shipments.actions', 'line-action'],
    ];
    const open = this.#openLines();
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
                  >${shipment.charges.map(
                    (charge, i) =>
                      html`${i ? ' · ' : ''}${charge.description}
                      ${i18n.money(charge.amount)}${
                        open.charges.has(charge.id)
                          ? html` <span class="flag dispute">${i18n.t('invoiceDetail.line.inDispute')}</span>`
                          : nothing
                      }`,
                  )}</span
                >
              </td>
              <td class="num">${i18n.money(shipment.total)}</td>
              <td class="line-action">
                ${renderShipmentDispute({
                  i18n,
                  shipment,
                  open,
                  canDispute,
                  menuOpen: this.#lineMenu.isOpen(shipment.id),
                  onMenu: (event) => {
                    const items = shipmentDisputeItems(i18n, shipment, open);
                    if (event instanceof KeyboardEvent) this.#lineMenu.triggerKeydown(event, shipment.id, items);
                    else this.#lineMenu.toggle(event, shipment.id, items);
                  },
                })}
              </td>
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
              ${columns.map(
                ([key, className]) =>
                  html`<th scope="col" class=${className}>
                    ${
                      className === 'line-action'
                        ? html`<span class="visually-hidden">${i18n.t(key)}</span>`
                        : i18n.t(key)
                    }
                  </th>`,
              )}
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
}
