import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { listAccounts } from '../../api/endpoints/accounts.js';
import { downloadDisputeAttachment, getDispute, listDisputes, withdrawDispute } from '../../api/endpoints/disputes.js';
import { getInvoice } from '../../api/endpoints/invoices.js';
import { isBillingApiError } from '../../api/errors.js';
import type { Account } from '../../api/schemas/account.js';
import type {
  Dispute,
  DisputeAttachment,
  DisputeListQuery,
  DisputePage,
  DisputeSummary,
} from '../../api/schemas/dispute.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { renderLoadFailure, renderLoading } from '../../internal/load-views.js';
import { saveFile } from '../../internal/save-file.js';
import { dialogStyles, fieldStyles, pagerStyles, tableStyles } from '../../internal/styles.js';
import { disputeMessages } from '../../locales/dispute.js';
import { disputeListMessages } from '../../locales/dispute-list.js';
import type {} from '../../events/dispute.js';
import type {} from '../../events/invoice-open.js';
import type { DetailsState } from './dispute-list-detail.js';
import { MIN_SEARCH, NO_FILTER, hasFilter, renderFilters, type ListFilter } from './dispute-list-filters.js';
import { renderRow } from './dispute-list-row.js';
import { renderWithdraw } from './dispute-list-withdraw.js';
import { disputeListStyles } from './dispute-list.styles.js';
import { renderPager } from '../../internal/pager.js';

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');
const SEARCH_DELAY_MS = 250;

/**
 * The disputes the caller may see, newest first, filtered by status,
 * account, a search and creation dates on the server, and paged. Each row
 * discloses its dispute's lines, attachments and history; an open dispute
 * can be withdrawn, after a confirmation, by those the server allows
 * (never viewers). With `invoice-number`, one invoice's disputes.
 *
 * @summary Disputes with their outcome and history; withdraw an open one.
 * @fires ups-dispute-change - A dispute was withdrawn. `detail: { dispute, action: 'withdrawn' }`.
 * @fires ups-invoice-open - The user opened a dispute's invoice. `detail.invoice`.
 * @csspart filters - The filter bar.
 * @csspart table - The disputes table.
 * @csspart status - Each status badge.
 * @csspart details - A disclosed dispute's details.
 * @csspart history - A dispute's history timeline.
 * @csspart dialog - The withdraw confirmation dialog.
 */
export class UpsDisputeList extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    fieldStyles,
    tableStyles,
    pagerStyles,
    dialogStyles,
    disputeListStyles,
  ];
  static override messages = [...UpsBillingElement.messages, disputeMessages, disputeListMessages];

  readonly #disputes = new Task(this, {
    task: async ([client, signedIn, filter, invoice, page, pageSize], { signal }): Promise<DisputePage | null> => {
      if (!client || !signedIn) return null;
      const query: DisputeListQuery = { status: filter.status, page, pageSize };
      if (invoice) query.invoice = invoice;
      if (filter.account) query.account = filter.account;
      if (filter.q) query.q = filter.q;
      if (filter.from) query.from = filter.from;
      if (filter.to) query.to = filter.to;
      return client.call(listDisputes, { query }, { signal });
    },
    args: () =>
      [
        this.billing?.client,
        this.billing?.session.status === 'ready',
        this.filter,
        this.invoiceNumber ?? '',
        this.page,
        Math.min(200, Math.max(1, Math.trunc(this.pageSize) || 25)),
      ] as const,
  });

  readonly #accounts = new Task(this, {
    task: async ([client, signedIn, invoice], { signal }): Promise<Account[]> => {
      // One invoice's list has no account filter: no need to ask.
      if (!client || !signedIn || invoice) return [];
      return (await client.call(listAccounts, {}, { signal })).items;
    },
    args: () => [this.billing?.client, this.billing?.session.status === 'ready', this.invoiceNumber ?? ''] as const,
  });

  readonly #withdraw = new Task(this, {
    autoRun: false,
    task: async ([id, reason]: readonly [string, string], { signal }) =>
      this.billing!.client.call(withdrawDispute, { params: { id }, body: reason ? { reason } : {} }, { signal }),
    onComplete: (dispute) => this.#handleWithdrawn(dispute),
    onError: (error) => {
      this.withdrawError = codeOf(error);
      // It was decided or withdrawn meanwhile: show it as it now is.
      if (this.confirming) void this.#loadDetails(this.confirming.id);
    },
  });

  @state() private filter: ListFilter = NO_FILTER;
  /** The search and dates as typed, applied to `filter` once they can be sent. */
  @state() private typed = { q: '', from: '', to: '' };
  @state() private page = 1;
  /** Disputes disclosed, by id. */
  @state() private expanded: ReadonlySet<string> = new Set();
  /** Disclosed disputes, loaded or loading, by id. */
  @state() private details: ReadonlyMap<string, DetailsState> = new Map();
  /** Disputes changed here since the list loaded (withdrawn), by id. */
  @state() private changed: ReadonlyMap<string, Dispute> = new Map();
  @state() private confirming: Dispute | null = null;
  @state() private withdrawError: string | null = null;
  @state() private announcement = '';

  /** Shows only this invoice's disputes, without the account, search and date filters. */
  @property({ attribute: 'invoice-number' }) invoiceNumber: string | undefined;

  /** Disputes per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  #searchTimer = 0;
  /** The button that opened the dialog, focused again when it closes. */
  #opener: HTMLElement | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('invoiceNumber') && changed.get('invoiceNumber') !== undefined) this.page = 1;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#disputes.status === TaskStatus.PENDING);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  #setFilter(change: Partial<ListFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.page = 1;
  }

  #handleSearch(text: string): void {
    this.typed = { ...this.typed, q: text };
    clearTimeout(this.#searchTimer);
    const q = text.trim();
    // Too short to search: keep the current results rather than flash everything.
    if (q.length > 0 && q.length < MIN_SEARCH) return;
    this.#searchTimer = window.setTimeout(() => {
      if (q !== this.filter.q) this.#setFilter({ q });
    }, SEARCH_DELAY_MS);
  }

  #handleDates(from: string, to: string): void {
    this.typed = { ...this.typed, from, to };
    if (from && to && from > to) return;
    this.#setFilter({ from, to });
  }

  #handleClear(): void {
    clearTimeout(this.#searchTimer);
    this.typed = { q: '', from: '', to: '' };
    this.filter = NO_FILTER;
    this.page = 1;
  }

  #handleToggle(dispute: DisputeSummary): void {
    const expanded = new Set(this.expanded);
    if (expanded.delete(dispute.id)) {
      this.expanded = expanded;
      return;
    }
    this.expanded = expanded.add(dispute.id);
    const loaded = this.details.get(dispute.id);
    if (!loaded || 'error' in loaded) void this.#loadDetails(dispute.id);
  }

  async #loadDetails(id: string): Promise<void> {
    const client = this.billing?.client;
    if (!client) return;
    this.details = new Map(this.details).set(id, { loading: true });
    let next: DetailsState;
    try {
      next = { dispute: await client.call(getDispute, { params: { id } }) };
    } catch (error) {
      next = { error: codeOf(error) };
    }
    this.details = new Map(this.details).set(id, next);
  }

  async #handleOpenInvoice(number: string): Promise<void> {
    const client = this.billing?.client;
    if (!client) return;
    try {
      // The event carries the invoice itself, as the invoice table's does.
      emit(this, 'ups-invoice-open', { invoice: await client.call(getInvoice, { params: { number } }) });
    } catch (error) {
      this.announcement = this.i18n.error(codeOf(error));
    }
  }

  #handleDownload(dispute: Dispute, attachment: DisputeAttachment): void {
    const client = this.billing?.client;
    if (!client) return;
    void client
      .call(downloadDisputeAttachment, { params: { id: dispute.id, attachmentId: attachment.id } })
      .then(saveFile, () => {
        this.announcement = this.i18n.t('disputeList.details.downloadFailed');
      });
  }

  async #handleAskWithdraw(dispute: Dispute, opener: HTMLElement): Promise<void> {
    this.#opener = opener;
    this.withdrawError = null;
    this.confirming = dispute;
    await this.updateComplete;
    this.#dialog()?.showModal();
  }

  #handleConfirmWithdraw(): void {
    if (!this.confirming || this.#withdraw.status === TaskStatus.PENDING) return;
    const reason = this.renderRoot.querySelector<HTMLTextAreaElement>('#withdraw-reason')?.value.trim() ?? '';
    this.withdrawError = null;
    void this.#withdraw.run([this.confirming.id, reason]);
  }

  #handleWithdrawn(dispute: Dispute): void {
    this.changed = new Map(this.changed).set(dispute.id, dispute);
    this.details = new Map(this.details).set(dispute.id, { dispute });
    this.announcement = this.i18n.t('disputeList.withdraw.done', { number: dispute.number });
    emit(this, 'ups-dispute-change', { dispute, action: 'withdrawn' });
    this.#dialog()?.close();
  }

  async #handleDialogClose(): Promise<void> {
    const id = this.confirming?.id;
    this.confirming = null;
    await this.updateComplete;
    // A withdrawn dispute's Withdraw button is gone: its disclosure button takes the focus instead.
    const opener = this.#opener?.isConnected
      ? this.#opener
      : this.renderRoot.querySelector<HTMLElement>(`[data-toggle="${id}"]`);
    opener?.focus();
    this.#opener = null;
  }

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog#withdraw');
  }

  #mayWithdraw(): boolean {
    const session = this.billing?.session;
    return session?.status === 'ready' && session.session.user.role !== 'viewer';
  }

  /** Loads the disputes again, with the same filters and page; disclosed ones reload too. */
  refresh(): void {
    this.changed = new Map();
    for (const id of this.expanded) void this.#loadDetails(id);
    void this.#disputes.run();
  }

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (session.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return renderLoadFailure(i18n, i18n.t('disputeList.error'), session.code);
    const title = this.invoiceNumber
      ? i18n.t('disputeList.titleInvoice', { number: this.invoiceNumber })
      : i18n.t('disputeList.title');
    return html`<section class="disputes" aria-labelledby="title">
      <h2 id="title">${title}</h2>
      ${renderFilters({
        i18n,
        filter: this.filter,
        typed: this.typed,
        accounts: this.#accounts.value ?? [],
        invoiceMode: Boolean(this.invoiceNumber),
        onChange: (change) => this.#setFilter(change),
        onSearch: (text) => this.#handleSearch(text),
        onDates: (from, to) => this.#handleDates(from, to),
        onClear: () => this.#handleClear(),
      })}
      ${this.#disputes.render({
        initial: () => renderLoading(i18n.t('disputeList.loading'), 'frame'),
        pending: () =>
          this.#disputes.value
            ? this.#renderPage(this.#disputes.value, true)
            : renderLoading(i18n.t('disputeList.loading'), 'frame'),
        complete: (page) =>
          page ? this.#renderPage(page, false) : renderLoading(i18n.t('disputeList.loading'), 'frame'),
        error: (error) => renderLoadFailure(i18n, i18n.t('disputeList.error'), codeOf(error), () => this.refresh()),
      })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <dialog
        id="withdraw"
        class="dialog"
        part="dialog"
        aria-labelledby="withdraw-title"
        aria-describedby="withdraw-text"
        @close=${() => this.#handleDialogClose()}
      >
        ${
          this.confirming
            ? renderWithdraw({
                i18n,
                dispute: this.confirming,
                busy: this.#withdraw.status === TaskStatus.PENDING,
                error: this.withdrawError,
                onKeep: () => this.#dialog()?.close(),
                onConfirm: () => this.#handleConfirmWithdraw(),
              })
            : nothing
        }
      </dialog>
    </section>`;
  }

  #emptyMessage(): string {
    const { i18n, filter } = this;
    if (this.invoiceNumber && filter.status === 'all') return i18n.t('disputeList.empty.invoice');
    const onlyStatus = !filter.account && !filter.q && !filter.from && !filter.to;
    if (onlyStatus && filter.status === 'all') return i18n.t('disputeList.empty.all');
    if (onlyStatus && (filter.status === 'open' || filter.status === 'resolved'))
      return i18n.t(`disputeList.empty.${filter.status}`);
    return i18n.t('disputeList.empty.filtered');
  }

  #renderPage(page: DisputePage, busy: boolean): TemplateResult {
    const { i18n } = this;
    const items = page.items.map((item) => this.changed.get(item.id) ?? item);
    const count = html`<p class="count" role="status">
      ${busy ? i18n.t('disputeList.loading') : i18n.plural('disputeList.count', page.total)}
    </p>`;
    if (!items.length) {
      return html`<div class="frame" aria-busy=${busy ? 'true' : 'false'}>
        <div class="notice empty">
          <p>${this.#emptyMessage()}</p>
          ${
            hasFilter(this.filter)
              ? html`<button type="button" class="button" @click=${() => this.#handleClear()}>
                  ${i18n.t('disputeList.filter.clear')}
                </button>`
              : nothing
          }
        </div>
        ${count}
      </div>`;
    }
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    const showInvoice = !this.invoiceNumber;
    const mayWithdraw = this.#mayWithdraw();
    const go = (to: number) => {
      if (to >= 1 && to <= pages && !busy) this.page = to;
    };
    return html`<div class="frame" aria-busy=${busy ? 'true' : 'false'}>
        <table part="table">
          <caption class="visually-hidden">
            ${i18n.t('disputeList.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${i18n.t('disputeList.col.number')}</th>
              ${showInvoice ? html`<th scope="col">${i18n.t('disputeList.col.invoice')}</th>` : nothing}
              <th scope="col">${i18n.t('disputeList.col.account')}</th>
              <th scope="col">${i18n.t('disputeList.col.reason')}</th>
              <th scope="col" class="num">${i18n.t('disputeList.col.disputed')}</th>
              <th scope="col">${i18n.t('disputeList.col.status')}</th>
              <th scope="col">${i18n.t('disputeList.col.created')}</th>
              <th scope="col">${i18n.t('disputeList.col.outcome')}</th>
            </tr>
          </thead>
          ${repeat(
            items,
            (item) => item.id,
            (item) =>
              renderRow({
                i18n,
                dispute: item,
                expanded: this.expanded.has(item.id),
                details: this.details.get(item.id),
                showInvoice,
                mayWithdraw,
                onToggle: () => this.#handleToggle(item),
                onOpenInvoice: () => this.#handleOpenInvoice(item.invoiceNumber),
                onRetry: () => this.#loadDetails(item.id),
                onWithdraw: (dispute, opener) => this.#handleAskWithdraw(dispute, opener),
                onDownload: (dispute, attachment) => this.#handleDownload(dispute, attachment),
              }),
          )}
        </table>
      </div>
      <div class="footer">
        ${count} ${renderPager({ i18n, label: i18n.t('disputeList.pager.label'), page: page.page, pages, onPage: go })}
      </div>`;
  }
}
