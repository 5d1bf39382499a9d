import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isBillingApiError } from '../../api/errors.js';
import { listPaymentMethods, updatePaymentMethod } from '../../api/endpoints/wallet.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import type { Misuse } from '../../internal/misuse.js';
import { emit } from '../../internal/emit.js';
import { loadOnce, prefetchWhenIdle } from '../../internal/lazy.js';
import { renderLoadFailure, renderLoading } from '../../internal/load-views.js';
import { receiptStyles } from '../../internal/receipt.js';
import {
  dialogStyles,
  errorSummaryStyles,
  fieldsetStyles,
  fieldStyles,
  listStyles,
  tableStyles,
} from '../../internal/styles.js';
import { receiptMessages } from '../../locales/receipt.js';
import type { MessageKey } from '../../locales/types.js';
import { walletMessages } from '../../locales/wallet.js';
import type {} from '../../events/wallet-change.js';
import type { WalletDialogs } from './wallet-dialogs.js';
import { isWalletView, methodName, problemMessage, renderGrid, renderTable, type WalletView } from './wallet-views.js';
import { walletStyles } from './wallet.styles.js';

const VIEW_KEY = 'ups-billing-elements:wallet-view';

function storedView(): WalletView | null {
  try {
    const value = localStorage.getItem(VIEW_KEY);
    return isWalletView(value) ? value : null;
  } catch {
    return null;
  }
}

function storeView(view: WalletView): void {
  try {
    localStorage.setItem(VIEW_KEY, view);
  } catch {
    // Storage refused (privacy mode, sandboxed frame): the choice lasts as long as the page.
  }
}

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

/** The dialogs' module, loaded once for every wallet of the page. */
const dialogs = loadOnce(() => import('./wallet-dialogs.js'));

/**
 * The signed-in user's wallet: saved cards, bank accounts and PayPal, in a
 * grid of cards or a list. Users who may pay add methods (cards through the
 * isolated card frame: the page never sees a card number), rename them,
 * choose the default, correct a card's expiry, holder and billing address,
 * and remove them — deciding first what becomes of the AutoPay rules that
 * pay with a method. Viewers see the wallet read-only.
 *
 * @summary Saved payment methods: add, edit, make default, remove.
 * @fires ups-wallet-change - A method was added, updated or removed. `detail: { action: 'add' | 'update' | 'remove', method }`.
 * @csspart toolbar - The title, the view switch and the Add button.
 * @csspart view-toggle - The grid / list switch.
 * @csspart grid - The grid of methods.
 * @csspart method - Each method's card in the grid.
 * @csspart table - The list view's table.
 * @csspart badge - Each status badge (default, expired, expires soon).
 * @csspart dialog - The add, edit and remove dialogs.
 * @csspart card-frame - The isolated card frame, in the add dialog.
 * @csspart error-summary - The list of problems at the top of a dialog.
 * @cssprop --ups-wallet-card-width - Smallest width of a card in the grid (default 16rem).
 */
export class UpsWallet extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    fieldStyles,
    errorSummaryStyles,
    fieldsetStyles,
    receiptStyles,
    listStyles,
    tableStyles,
    dialogStyles,
    walletStyles,
  ];
  static override messages = [...UpsBillingElement.messages, receiptMessages, walletMessages];

  readonly #methods = new Task(this, {
    task: async ([client, signedIn], { signal }): Promise<WalletMethod[] | null> =>
      client && signedIn ? (await client.call(listPaymentMethods, {}, { signal })).items : null,
    args: () => [this.billing?.client, this.billing?.session.status === 'ready'] as const,
  });

  /** The view the user picked here; the `view` property resets it. */
  @state() private chosenView: WalletView | null = null;
  @state() private busy = false;
  @state() private announcement = '';
  /** A failure outside the dialogs (make default, a method gone meanwhile). */
  @state() private alert = '';

  /**
   * `grid` or `list`. Overrides the view the user last chose, which is
   * otherwise remembered (in `localStorage`); grid by default.
   */
  @property() view: WalletView | undefined;

  readonly #storedView = storedView();
  /** The add, edit and remove dialogs, once their module has loaded. */
  #dialogs: WalletDialogs | undefined;
  #prefetched = false;

  /** An unknown `view` is a host's typo: say so rather than quietly show the grid. */
  protected override misuse(): Misuse | null {
    if (this.view === undefined || this.view === null || isWalletView(this.view)) return null;
    return {
      key: 'wallet.invalidView',
      params: { view: String(this.view) },
      console: `<ups-wallet view="${String(this.view)}">: unknown view. Fix: use view="grid" or view="list", or leave it out.`,
    };
  }

  get #shownView(): WalletView {
    return this.chosenView ?? (isWalletView(this.view) ? this.view : null) ?? this.#storedView ?? 'grid';
  }

  #canWrite(): boolean {
    const session = this.billing?.session;
    return session?.status === 'ready' && session.session.user.role !== 'viewer';
  }

  async #loadDialogs(): Promise<WalletDialogs> {
    if (!this.#dialogs) {
      const { WalletDialogs } = await dialogs();
      this.#dialogs ??= new WalletDialogs(this, {
        i18n: () => this.i18n,
        billing: () => this.billing,
        methods: () => this.#methods.value ?? [],
        settled: () => this.#methods.taskComplete.catch(() => undefined),
        changed: (action, method, message) => this.#changed(action, method, message),
        gone: () => this.#methodGone(),
        refresh: () => this.refresh(),
      });
      this.requestUpdate();
    }
    return this.#dialogs;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view') && this.hasUpdated) this.chosenView = null;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#methods.status === TaskStatus.PENDING);
    this.toggleState('busy', this.busy || (this.#dialogs?.busy ?? false));
    this.toggleState('card-ready', this.#dialogs?.cardReady ?? false);
    if (!this.#prefetched && this.#canWrite()) {
      // Fetch the dialogs while the user reads the list.
      this.#prefetched = true;
      prefetchWhenIdle(() => this.#loadDialogs());
    }
  }

  #handleView(view: WalletView): void {
    this.chosenView = view;
    storeView(view);
  }

  async #handleOpen(open: (dialogs: WalletDialogs) => void): Promise<void> {
    this.alert = '';
    open(await this.#loadDialogs());
  }

  async #handleDefault(method: WalletMethod): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.alert = '';
    try {
      const updated = await this.billing!.client.call(updatePaymentMethod, {
        params: { id: method.id },
        body: { makeDefault: true },
      });
      this.#changed('update', updated, 'wallet.defaultSet');
      // Its "Make default" button is gone: its Edit button keeps the focus nearby.
      await this.#methods.taskComplete;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-edit="${method.id}"]`)?.focus();
    } catch (error) {
      if (codeOf(error) === 'not_found') this.#methodGone();
      else this.alert = problemMessage(this.i18n, codeOf(error));
    } finally {
      this.busy = false;
    }
  }

  #changed(action: 'add' | 'update' | 'remove', method: WalletMethod, message: MessageKey): void {
    this.alert = '';
    this.announcement = this.i18n.t(message, { method: methodName(this.i18n, method) });
    emit(this, 'ups-wallet-change', { action, method });
    this.refresh();
  }

  /** The method is not (or no longer) the user's: say so above the list, and show the list as it is. */
  #methodGone(): void {
    this.alert = this.i18n.t('wallet.error.not_found');
    this.refresh();
  }

  /** Loads the wallet again. */
  refresh(): void {
    void this.#methods.run();
  }

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (session.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return this.#renderError(session.code);
    const canWrite = this.#canWrite();
    const view = this.#shownView;
    const choose = (value: WalletView) =>
      html`<label class="segment"
        ><input
          type="radio"
          name="view"
          value=${value}
          .checked=${view === value}
          @change=${() => this.#handleView(value)}
        /><span>${i18n.t(`wallet.view.${value}`)}</span></label
      >`;
    return html`<section class="wallet" aria-labelledby="title">
      <header class="toolbar" part="toolbar">
        <h2 id="title">${i18n.t('wallet.title')}</h2>
        <fieldset class="view-toggle" part="view-toggle">
          <legend class="visually-hidden">${i18n.t('wallet.view.label')}</legend>
          ${choose('grid')} ${choose('list')}
        </fieldset>
        ${
          canWrite
            ? html`<button
                type="button"
                class="button primary add"
                @click=${(e: Event) => {
                  const opener = e.currentTarget as HTMLElement;
                  void this.#handleOpen((d) => d.openAdd(opener));
                }}
              >
                ${i18n.t('wallet.add')}
              </button>`
            : nothing
        }
      </header>
      ${session.status === 'ready' && !canWrite ? html`<p class="hint">${i18n.t('wallet.readOnly')}</p>` : nothing}
      <p class="alert" role="alert">${this.alert}</p>
      ${this.#methods.render({
        initial: () => this.#renderLoading(),
        pending: () => (this.#methods.value ? this.#renderMethods(this.#methods.value, true) : this.#renderLoading()),
        complete: (methods) => (methods ? this.#renderMethods(methods, false) : this.#renderLoading()),
        error: (error) => this.#renderError(codeOf(error)),
      })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.#dialogs?.render() ?? nothing}
    </section>`;
  }

  #renderLoading(): TemplateResult {
    return renderLoading(this.i18n.t('wallet.loading'), 'methods');
  }

  #renderError(code: string): TemplateResult {
    return renderLoadFailure(this.i18n, this.i18n.t('wallet.error'), code, () => this.refresh());
  }

  #renderMethods(methods: readonly WalletMethod[], busy: boolean): TemplateResult {
    const { i18n } = this;
    const props = {
      i18n,
      methods,
      canWrite: this.#canWrite(),
      onEdit: (method: WalletMethod, opener: HTMLElement) => void this.#handleOpen((d) => d.openEdit(method, opener)),
      onDefault: (method: WalletMethod) => void this.#handleDefault(method),
      onRemove: (method: WalletMethod, opener: HTMLElement) =>
        void this.#handleOpen((d) => d.openRemove(method, opener)),
    };
    return html`<div class="methods" aria-busy=${busy ? 'true' : 'false'}>
      ${
        !methods.length
          ? html`<p class="notice empty">${i18n.t('wallet.empty')}</p>`
          : this.#shownView === 'grid'
            ? renderGrid(props)
            : renderTable(props)
      }
      <p class="count">${i18n.plural('wallet.count', methods.length)}</p>
    </div>`;
  }
}
