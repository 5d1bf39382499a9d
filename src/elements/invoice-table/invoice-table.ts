import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { listAccounts } from '../../api/endpoints/accounts.js';
import { downloadInvoiceDocument } from '../../api/endpoints/documents.js';
import { listInvoices } from '../../api/endpoints/invoices.js';
import { isBillingApiError } from '../../api/errors.js';
import type { Account } from '../../api/schemas/account.js';
import { MAX_PAGE_SIZE } from '../../api/schemas/common.js';
import type { DocumentFormat, Invoice, InvoiceSortKey } from '../../api/schemas/invoice.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import type { Misuse } from '../../internal/misuse.js';
import { DateRangePickerController } from '../../internal/date-range-picker.js';
import { dateRangePickerStyles } from '../../internal/date-range-picker.styles.js';
import { emit } from '../../internal/emit.js';
import { MenuController, type MenuItem } from '../../internal/menu.js';
import { menuStyles } from '../../internal/menu.styles.js';
import { RowWindowController } from '../../internal/row-window.js';
import { openForPrint, saveFile } from '../../internal/save-file.js';
import { invoiceTableMessages } from '../../locales/invoice-table.js';
import type { MessageKey } from '../../locales/types.js';
import type {} from '../../events/dispute-request.js';
import type {} from '../../events/invoice-open.js';
import type {} from '../../events/invoice-select.js';
import type {} from '../../events/pay-request.js';
import { DisputeFormDialog, disputeDialogStyles } from '../../internal/dispute-form-dialog.js';
import { ExportController } from './export-controller.js';
import { renderBulkBar } from './invoice-table-bulk-bar.js';
import { renderFooter } from './invoice-table-footer.js';
import { renderRow } from './invoice-table-row.js';
import { renderToolbar } from './invoice-table-toolbar.js';
import { invoiceTableStyles } from './invoice-table.styles.js';
import { DEFAULT_QUERY, LocalRows, MIN_SEARCH, hasFilters, toApiQuery, type TableQuery } from './invoice-query.js';
import { dialogStyles, fieldStyles, pagerStyles, sortStyles, tableStyles } from '../../internal/styles.js';
import { renderLoadFailure } from '../../internal/load-views.js';

export type InvoiceTableView = 'account' | 'plan';

interface Loaded {
  rows: readonly Invoice[];
  total: number;
  totalCapped: boolean;
}

const PAYABLE = new Set(['open', 'past_due', 'payment_returned']);
const VIEWS = new Set(['account', 'plan']);
/** Rows shown before the table scrolls; the skeleton has this many, so loading never shifts the layout. */
const VISIBLE_ROWS = 12;
const SEARCH_DELAY_MS = 250;

/**
 * The company's invoices — by account ("My account invoices") or by billing
 * plan — with sorting, search, filters, selection, per-row actions and bulk
 * downloads. The server sorts, filters and pages; the browser never loads
 * every invoice. Given `.items`, the table works on the host's data instead,
 * with no server at all.
 *
 * @summary Invoices by account or billing plan: sort, search, filter, select, act.
 * @fires ups-invoice-open - The user opened an invoice. `detail.invoice`.
 * @fires ups-invoice-select - The user changed the selection. `detail: { invoices, allMatching, count }`.
 * @fires ups-pay-request - The user asked to pay invoices. `detail.invoices`.
 * @fires ups-dispute-request - Cancelable, before the dispute form opens on an invoice (its Dispute action). `detail.invoice`. Call `preventDefault()` to show `<ups-dispute-form>` on a page of your own; otherwise the form opens in a dialog.
 * @csspart toolbar - The search and filter bar.
 * @csspart table - The `<table>`.
 * @csspart status - Each status badge.
 * @csspart menu - The actions menus.
 * @csspart menu-item - Each item of a menu.
 * @csspart date-picker - The calendar dialog.
 * @csspart export - The progress and result of a bulk download.
 * @csspart dialog - The dispute form's dialog.
 * @cssprop --ups-invoice-table-row-height - Height of a row (default 2.5rem).
 * @cssprop --ups-invoice-table-visible-rows - Rows shown before the table scrolls (default 12).
 */
export class UpsInvoiceTable extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    fieldStyles,
    menuStyles,
    dateRangePickerStyles,
    tableStyles,
    sortStyles,
    pagerStyles,
    dialogStyles,
    disputeDialogStyles,
    invoiceTableStyles,
  ];
  static override messages = [...UpsBillingElement.messages, invoiceTableMessages];

  readonly #page = new Task(this, {
    task: async ([client, signedIn, dataMode, view, query, page, pageSize], { signal }): Promise<Loaded | null> => {
      if (dataMode || !client || !signedIn || !VIEWS.has(view)) return null;
      const result = await client.call(
        listInvoices,
        { query: { ...toApiQuery(query, view as InvoiceTableView), page, pageSize } },
        { signal },
      );
      return { rows: result.items, total: result.total, totalCapped: result.totalCapped };
    },
    args: () =>
      [
        this.billing?.client,
        this.billing?.session.status === 'ready',
        this.items !== undefined,
        this.view,
        this.query,
        this.page,
        this.rowsPerPage,
      ] as const,
  });

  readonly #accounts = new Task(this, {
    task: async ([client, signedIn], { signal }): Promise<Account[]> => {
      if (!client || !signedIn) return [];
      return (await client.call(listAccounts, {}, { signal })).items;
    },
    args: () => [this.billing?.client, this.billing?.session.status === 'ready'] as const,
  });

  readonly #window = new RowWindowController(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.frame'),
  });

  readonly #menu = new MenuController(this, 'actions-menu', (id, key) => this.#handleMenu(id, key));
  readonly #picker = new DateRangePickerController(this, 'date-picker', (range) =>
    this.#setQuery({ from: range.from, to: range.to }),
  );
  readonly #export = new ExportController(this);
  readonly #disputeForm = new DisputeFormDialog(this, {
    title: ({ invoice }) => this.i18n.t('invoiceTable.dispute.title', { number: invoice.number }),
    close: () => this.i18n.t('invoiceTable.dispute.close'),
    locale: () => this.locale,
    onSuccess: (dispute) => {
      this.disputeDone = this.i18n.t('invoiceTable.dispute.done', { number: dispute.number });
      // The row's in-dispute mark comes from the server.
      if (this.items === undefined) this.refresh();
    },
  });

  @state() private query: TableQuery = DEFAULT_QUERY;
  @state() private page = 1;
  @state() private selected: ReadonlyMap<string, Invoice> = new Map();
  @state() private allMatching = false;
  @state() private searchText = '';
  @state() private amountErrors: { min?: boolean; max?: boolean } = {};
  /** Rows per page: starts at `page-size`, then follows the user's choice in the pager. */
  @state() private rowsPerPage = 50;
  /** Announces a dispute made from the table. */
  @state() private disputeDone = '';

  /** `account`: invoices of each account ("My account invoices"); `plan`: invoices billed through plans. */
  @property({ reflect: true }) view: InvoiceTableView = 'account';

  /** Invoices per page in server mode (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /**
   * Data mode: the invoices to show, held by the host. Sorting, filtering
   * and search then happen in the browser and the server is not asked.
   */
  @property({ attribute: false }) items: readonly Invoice[] | undefined;

  #searchTimer = 0;
  /** Data mode's filtered and sorted rows, recomputed only when the items or the query change. */
  readonly #localRows = new LocalRows();

  protected override needsProvider(): boolean {
    return this.items === undefined;
  }

  /** An unknown `view` is a host's typo: say so in place of the table. */
  protected override misuse(): Misuse | null {
    if (VIEWS.has(this.view)) return null;
    return {
      key: 'invoiceTable.invalidView',
      params: { view: String(this.view) },
      console: `<ups-invoice-table view="${String(this.view)}">: unknown view. Fix: use view="account" or view="plan".`,
    };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view') || changed.has('items')) this.#clearSelection(false);
    if (changed.has('pageSize')) this.rowsPerPage = Math.min(200, Math.max(1, Math.round(this.pageSize) || 50));
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#page.status === TaskStatus.PENDING);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  /** Fetches the current page again (server mode). */
  refresh(): void {
    void this.#page.run();
  }

  /** The invoices the rows come from now: the server's page, or the host's items filtered and sorted. */
  #rows(): Loaded | null {
    if (this.items !== undefined) {
      const rows = this.#localRows.rows(this.items, this.query, VIEWS.has(this.view) ? this.view : 'account');
      return { rows, total: rows.length, totalCapped: false };
    }
    return this.#page.value ?? null;
  }

  #role(): string | null {
    const session = this.billing?.session;
    return session?.status === 'ready' ? session.session.user.role : null;
  }

  #canPay(): boolean {
    return this.#role() !== 'viewer';
  }

  #setQuery(change: Partial<TableQuery>): void {
    const filtersChange = Object.keys(change).some((key) => key !== 'sort' && key !== 'order');
    this.query = { ...this.query, ...change };
    this.page = 1;
    // A new sort shows the same invoices in another order: the selection stands. New filters start over.
    if (filtersChange) this.#clearSelection(true);
    this.#window.reset();
  }

  // ── handlers ──────────────────────────────────────────────────────────

  #handleSort(key: InvoiceSortKey): void {
    const order = this.query.sort === key && this.query.order === 'asc' ? 'desc' : 'asc';
    this.#setQuery({ sort: key, order });
  }

  #handleSearch(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    const text = this.searchText.trim();
    // Too short to search: keep the current results rather than flash everything.
    if (text.length > 0 && text.length < MIN_SEARCH) return;
    this.#searchTimer = window.setTimeout(() => this.#setQuery({ q: text }), SEARCH_DELAY_MS);
  }

  #handleAmount(which: 'min' | 'max', event: Event): void {
    const text = (event.target as HTMLInputElement).value.trim();
    if (!text) {
      this.amountErrors = { ...this.amountErrors, [which]: false };
      this.#setQuery({ [which]: null });
      return;
    }
    // Accept the locale's decimal comma as well as a point; refuse anything else.
    const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.replace(/\s/g, ''));
    this.amountErrors = { ...this.amountErrors, [which]: !match };
    if (match) this.#setQuery({ [which]: Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')) });
  }

  #handleClearFilters(): void {
    this.searchText = '';
    this.amountErrors = {};
    this.#setQuery({ ...DEFAULT_QUERY, sort: this.query.sort, order: this.query.order });
  }

  #select(invoices: readonly Invoice[], on: boolean): void {
    const next = new Map(this.selected);
    for (const invoice of invoices) {
      if (on) next.set(invoice.number, invoice);
      else next.delete(invoice.number);
    }
    this.selected = next;
    this.allMatching = false;
    this.#emitSelection();
  }

  #selectAllMatching(): void {
    const loaded = this.#rows();
    if (!loaded) return;
    this.#select(loaded.rows, true);
    this.allMatching = true;
    this.#emitSelection();
  }

  #clearSelection(notify: boolean): void {
    if (!this.selected.size && !this.allMatching) return;
    this.selected = new Map();
    this.allMatching = false;
    if (notify) this.#emitSelection();
  }

  #emitSelection(): void {
    const loaded = this.#rows();
    emit(this, 'ups-invoice-select', {
      invoices: [...this.selected.values()],
      allMatching: this.allMatching,
      count: this.allMatching && loaded ? loaded.total : this.selected.size,
    });
  }

  #open(invoice: Invoice): void {
    emit(this, 'ups-invoice-open', { invoice });
  }

  #payRequest(invoices: readonly Invoice[]): void {
    const payable = invoices.filter((invoice) => PAYABLE.has(invoice.status));
    if (payable.length) emit(this, 'ups-pay-request', { invoices: payable });
  }

  #formats(invoices: readonly Invoice[]): DocumentFormat[] {
    const enrolled = new Set((this.#accounts.value ?? []).filter((a) => a.xmlEnrolled).map((a) => a.number));
    // XML only where an account is enrolled: the export lists the others as excluded.
    const xml = this.allMatching ? enrolled.size > 0 : invoices.some((invoice) => enrolled.has(invoice.accountNumber));
    return xml ? ['pdf', 'csv', 'xml'] : ['pdf', 'csv'];
  }

  #rowItems(invoice: Invoice): MenuItem[] {
    const { i18n } = this;
    const client = this.billing?.client;
    const items: MenuItem[] = [{ id: 'view', label: i18n.t('invoiceTable.actions.view') }];
    if (client) {
      items.push({ id: 'print', label: i18n.t('invoiceTable.actions.print') });
      items.push({
        id: 'download',
        label: i18n.t('invoiceTable.actions.download'),
        items: this.#formats([invoice]).map((format) => ({
          id: `download:${format}`,
          label: i18n.t(`invoiceTable.format.${format}`),
        })),
      });
    }
    if (this.#canPay()) {
      items.push({ id: 'pay', label: i18n.t('invoiceTable.actions.pay'), disabled: !PAYABLE.has(invoice.status) });
      items.push({
        id: 'dispute',
        label: i18n.t('invoiceTable.actions.dispute'),
        disabled: invoice.amount.amount <= 0,
      });
    }
    return items;
  }

  #handleMenu(id: string, key: string): void {
    const client = this.billing?.client;
    if (key === 'bulk') {
      const format = id.replace('download:', '') as DocumentFormat;
      if (!client) return;
      void this.#export.start(
        client,
        this.allMatching
          ? { format, filter: toApiQuery(this.query, this.view) }
          : { format, numbers: [...this.selected.keys()] },
      );
      return;
    }
    const invoice = this.#rows()?.rows.find((row) => row.number === key);
    if (!invoice) return;
    if (id === 'view') this.#open(invoice);
    else if (id === 'pay') this.#payRequest([invoice]);
    else if (id === 'dispute') {
      const opener = this.renderRoot.querySelector<HTMLElement>(`[data-menu="${invoice.number}"]`);
      void this.#disputeForm.request({ invoice }, opener, Boolean(client));
    } else if (client && id === 'print') {
      void openForPrint(client.call(downloadInvoiceDocument, { params: { number: invoice.number, format: 'pdf' } }));
    } else if (client && id.startsWith('download:')) {
      const format = id.slice('download:'.length) as DocumentFormat;
      void client.call(downloadInvoiceDocument, { params: { number: invoice.number, format } }).then(saveFile);
    }
  }

  // ── render ────────────────────────────────────────────────────────────

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing?.session;
    if (this.items === undefined) {
      if (session?.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
      if (session?.status === 'error') return this.#renderError(session.code);
    }
    const error = this.#page.status === TaskStatus.ERROR ? this.#page.error : null;
    const fieldErrors = isBillingApiError(error) ? error.fieldErrors : {};
    return html`
      ${renderToolbar({
        i18n,
        query: this.query,
        searchText: this.searchText,
        accounts: this.#accounts.value ?? [],
        fieldErrors,
        amountErrors: this.amountErrors,
        onSearch: (event) => this.#handleSearch(event),
        onChange: (change) => this.#setQuery(change),
        onDates: (trigger) => this.#picker.open(trigger, { from: this.query.from, to: this.query.to }),
        onAmount: (which, event) => this.#handleAmount(which, event),
        onClear: () => this.#handleClearFilters(),
      })}
      ${
        error && !Object.keys(fieldErrors).length
          ? this.#renderError(isBillingApiError(error) ? error.code : 'unknown')
          : this.#renderTable()
      }
      <div class="live" role="status">${this.#export.render(i18n)}</div>
      <p class="visually-hidden" role="status">${this.disputeDone}</p>
      ${this.#menu.render(i18n.t('invoiceTable.actions.menu'))}
      ${this.#picker.render(i18n, {
        title: i18n.t('invoiceTable.picker.title'),
        apply: i18n.t('invoiceTable.picker.apply'),
        cancel: i18n.t('invoiceTable.picker.cancel'),
        clear: i18n.t('invoiceTable.picker.clear'),
        previous: i18n.t('invoiceTable.picker.previous'),
        next: i18n.t('invoiceTable.picker.next'),
        from: i18n.t('invoiceTable.picker.from'),
        to: i18n.t('invoiceTable.picker.to'),
        hint: i18n.t('invoiceTable.picker.hint'),
      })}
      ${this.#disputeForm.render()}
    `;
  }

  #renderError(code: string): TemplateResult {
    return renderLoadFailure(this.i18n, this.i18n.t('invoiceTable.error'), code, () => this.refresh());
  }

  #renderBulkBar(loaded: Loaded): TemplateResult | typeof nothing {
    const selected = [...this.selected.values()];
    const formats = this.#formats(selected).map((format) => ({
      id: `download:${format}`,
      label: this.i18n.t(`invoiceTable.format.${format}`),
    }));
    return renderBulkBar({
      i18n: this.i18n,
      count: this.allMatching ? loaded.total : this.selected.size,
      allMatching: this.allMatching,
      // "Select all matching" is offered once the whole page is selected and more invoices match.
      offerAllMatching:
        this.items === undefined &&
        !this.allMatching &&
        !loaded.totalCapped &&
        loaded.total > loaded.rows.length &&
        loaded.rows.every((row) => this.selected.has(row.number)),
      total: loaded.total,
      canDownload: Boolean(this.billing?.client),
      downloading: this.#export.running,
      menuOpen: this.#menu.isOpen('bulk'),
      canPay: this.#canPay(),
      payable: !this.allMatching && selected.some((invoice) => PAYABLE.has(invoice.status)),
      onSelectAllMatching: () => this.#selectAllMatching(),
      onDownloadMenu: (event) =>
        event instanceof KeyboardEvent
          ? this.#menu.triggerKeydown(event, 'bulk', formats)
          : this.#menu.toggle(event, 'bulk', formats),
      onPay: () => this.#payRequest(selected),
      onClear: () => this.#clearSelection(true),
    });
  }

  #renderHeader(key: MessageKey, sort: InvoiceSortKey | null, className = ''): TemplateResult {
    const label = this.i18n.t(key);
    if (!sort) return html`<th scope="col" class=${className}>${label}</th>`;
    const active = this.query.sort === sort;
    const ariaSort = active ? (this.query.order === 'asc' ? 'ascending' : 'descending') : nothing;
    return html`<th scope="col" class=${className} aria-sort=${ariaSort}>
      <button type="button" class="sort" @click=${() => this.#handleSort(sort)}>
        ${label}<span class="sort-icon ${active ? this.query.order : ''}" aria-hidden="true"></span>
      </button>
    </th>`;
  }

  #renderTable(): TemplateResult {
    const { i18n } = this;
    const loaded = this.#rows();
    const loading = this.items === undefined && (this.#page.status === TaskStatus.PENDING || !loaded);
    const rows = loaded?.rows ?? [];
    const columns = 12;
    // A server page (at most 200 rows) renders whole, for find-in-page and screen
    // readers; only longer lists (the host's items) render the rows in view.
    const windowed = rows.length > MAX_PAGE_SIZE;
    const { start, end } = this.#window.range(windowed ? rows.length : 0);
    const [from, to] = windowed ? [start, end] : [0, rows.length];
    // Both scan the rows only when something is selected: 100,000 rows × every frame adds up.
    const size = this.selected.size;
    const pageSelected = size > 0 && size >= rows.length && rows.every((row) => this.selected.has(row.number));
    const someSelected = size > 0 && rows.some((row) => this.selected.has(row.number));
    const plan = this.view === 'plan';
    return html`
      ${loaded ? this.#renderBulkBar(loaded) : nothing}
      <div class="frame ${loading ? 'loading' : ''}" tabindex="0" role="region" aria-labelledby="caption">
        <table
          part="table"
          class=${windowed ? 'windowed' : ''}
          aria-busy=${loading ? 'true' : 'false'}
          aria-rowcount=${rows.length + 1}
        >
          <caption id="caption">
            ${i18n.t(plan ? 'invoiceTable.caption.plan' : 'invoiceTable.caption.account')}
          </caption>
          <thead>
            <tr aria-rowindex="1">
              <th scope="col" class="select">
                <input
                  type="checkbox"
                  aria-label=${i18n.t('invoiceTable.select.page')}
                  .checked=${pageSelected}
                  .indeterminate=${someSelected && !pageSelected}
                  ?disabled=${!rows.length}
                  @change=${(e: Event) => this.#select(rows, (e.target as HTMLInputElement).checked)}
                />
              </th>
              ${this.#renderHeader('invoiceTable.column.number', 'number', 'col-number')}
              ${this.#renderHeader(plan ? 'invoiceTable.column.plan' : 'invoiceTable.column.account', plan ? null : 'account')}
              ${this.#renderHeader('invoiceTable.column.invoiceDate', 'invoiceDate', 'col-date')}
              ${this.#renderHeader('invoiceTable.column.dueDate', 'dueDate', 'col-date')}
              ${this.#renderHeader('invoiceTable.column.type', 'type', 'col-type')}
              ${this.#renderHeader('invoiceTable.column.amount', 'amount', 'num col-money')}
              ${this.#renderHeader('invoiceTable.column.amountDue', 'amountDue', 'num col-money')}
              ${this.#renderHeader('invoiceTable.column.status', 'status', 'col-status')}
              ${this.#renderHeader('invoiceTable.column.dispute', null, 'mark')}
              ${this.#renderHeader('invoiceTable.column.autopay', null, 'mark')}
              ${this.#renderHeader('invoiceTable.column.actions', null, 'actions')}
            </tr>
          </thead>
          <tbody>
            ${
              loading && !loaded
                ? Array.from(
                    { length: Math.min(this.rowsPerPage, VISIBLE_ROWS) },
                    () =>
                      html`<tr class="skeleton" aria-hidden="true">
                        ${Array.from({ length: columns }, () => html`<td></td>`)}
                      </tr>`,
                  )
                : html`<tr class="spacer before" aria-hidden="true">
                      <td colspan=${columns}></td>
                    </tr>
                    ${repeat(
                      rows.slice(from, to),
                      // Keyed: rows still in view keep their DOM while scrolling, and only
                      // the rows coming into view are built and laid out.
                      (invoice) => invoice.number,
                      (invoice, i) => this.#renderRow(invoice, from + i + 2),
                    )}
                    <tr class="spacer after" aria-hidden="true">
                      <td colspan=${columns}></td>
                    </tr>`
            }
          </tbody>
        </table>
        ${
          loaded && !rows.length
            ? html`<div class="notice empty">
                <p>${i18n.t(hasFilters(this.query) ? 'invoiceTable.emptyFiltered' : 'invoiceTable.empty')}</p>
                ${
                  hasFilters(this.query)
                    ? html`<button type="button" class="button" @click=${this.#handleClearFilters}>
                        ${i18n.t('invoiceTable.filter.clear')}
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>
      ${this.#renderFooter(loaded, loading)}
    `;
  }

  #renderRow(invoice: Invoice, rowIndex: number): TemplateResult {
    const key = invoice.number;
    const menu = (event: Event) => {
      const items = this.#rowItems(invoice);
      if (event instanceof KeyboardEvent) this.#menu.triggerKeydown(event, key, items);
      else this.#menu.toggle(event, key, items);
    };
    return renderRow({
      i18n: this.i18n,
      invoice,
      rowIndex,
      plan: this.view === 'plan',
      selected: this.selected.has(key),
      menuOpen: this.#menu.isOpen(key),
      onSelect: (on) => this.#select([invoice], on),
      onOpen: () => this.#open(invoice),
      onMenu: menu,
    });
  }

  #renderFooter(loaded: Loaded | null, loading: boolean): TemplateResult {
    return renderFooter({
      i18n: this.i18n,
      loaded: loaded && { count: loaded.rows.length, total: loaded.total, totalCapped: loaded.totalCapped },
      loading,
      paged: this.items === undefined,
      page: this.page,
      pageSize: this.rowsPerPage,
      onPage: (page) => {
        this.page = page;
        this.#window.reset();
      },
      onPageSize: (size) => {
        this.rowsPerPage = size;
        this.page = 1;
      },
    });
  }
}
