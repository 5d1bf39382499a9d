import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { isBillingApiError } from '../../api/errors.js';
import { listAccounts, listPlans } from '../../api/endpoints/accounts.js';
import type { Account, Plan } from '../../api/schemas/account.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { loadOnce, prefetchWhenIdle } from '../../internal/lazy.js';
import { renderLoadFailure, renderLoading } from '../../internal/load-views.js';
import {
  dialogStyles,
  errorSummaryStyles,
  fieldsetStyles,
  fieldStyles,
  listStyles,
  tableStyles,
} from '../../internal/styles.js';
import { accountsMessages } from '../../locales/accounts.js';
import type { MessageKey } from '../../locales/types.js';
import type {} from '../../events/account-change.js';
import type { AccountDialogs } from './accounts-dialogs.js';
import { renderAccounts, renderPlans, type AccountAction, type AccountRights } from './accounts-views.js';
import { accountsStyles } from './accounts.styles.js';

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

interface Lists {
  accounts: Account[];
  plans: Plan[];
}

/** The dialogs' module, loaded once for every accounts element of the page. */
const dialogs = loadOnce(() => import('./accounts-dialogs.js'));

/**
 * My accounts: the company's enrolled accounts and billing plans (the
 * caller's scope of them), with each account's nickname, country, currency,
 * plan, XML enrolment and enrolment date. Administrators add accounts
 * (proved by an invoice of the last 45 days), name them, change XML
 * enrolment and cancel enrolment; managers change XML enrolment of the
 * accounts in their scope; payers and viewers read.
 *
 * @summary Enrolled accounts and plans: add, name, XML enrolment, cancel enrolment.
 * @fires ups-account-change - An account was added, renamed, enrolled in or out of XML, or its enrolment cancelled. `detail: { action: 'add' | 'update' | 'xml' | 'cancel', account }`.
 * @csspart toolbar - The title and the Add account button.
 * @csspart table - The accounts table.
 * @csspart plans - The billing plans table.
 * @csspart badge - Each XML enrolment status.
 * @csspart dialog - The nickname, XML, add and cancel dialogs.
 * @csspart error-summary - The list of problems at the top of a dialog.
 * @cssprop --ups-accounts-dialog-width - Width of the dialogs (default 38rem).
 */
export class UpsAccounts extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    fieldStyles,
    errorSummaryStyles,
    fieldsetStyles,
    listStyles,
    tableStyles,
    dialogStyles,
    accountsStyles,
  ];
  static override messages = [...UpsBillingElement.messages, accountsMessages];

  readonly #lists = new Task(this, {
    task: async ([client, signedIn], { signal }): Promise<Lists | null> => {
      if (!client || !signedIn) return null;
      const [accounts, plans] = await Promise.all([
        client.call(listAccounts, {}, { signal }),
        client.call(listPlans, {}, { signal }),
      ]);
      return { accounts: accounts.items, plans: plans.items };
    },
    args: () => [this.billing?.client, this.billing?.session.status === 'ready'] as const,
  });

  @state() private announcement = '';
  /** A failure outside the dialogs (an account gone meanwhile). */
  @state() private alert = '';

  /** The dialogs, once their module has loaded. */
  #dialogs: AccountDialogs | undefined;
  #prefetched = false;

  #rights(): AccountRights {
    const session = this.billing?.session;
    const role = session?.status === 'ready' ? session.session.user.role : 'viewer';
    return role === 'administrator' ? 'all' : role === 'manager' ? 'xml' : 'none';
  }

  async #loadDialogs(): Promise<AccountDialogs> {
    if (!this.#dialogs) {
      const { AccountDialogs } = await dialogs();
      this.#dialogs ??= new AccountDialogs(this, {
        i18n: () => this.i18n,
        billing: () => this.billing,
        settled: () => this.#lists.taskComplete.catch(() => undefined),
        changed: (action, account, message) => this.#changed(action, account, message),
        gone: () => this.#accountGone(),
      });
      this.requestUpdate();
    }
    return this.#dialogs;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#lists.status === TaskStatus.PENDING);
    this.toggleState('busy', this.#dialogs?.busy ?? false);
    if (!this.#prefetched && this.#rights() !== 'none') {
      // Fetch the dialogs while the user reads the list.
      this.#prefetched = true;
      prefetchWhenIdle(() => this.#loadDialogs());
    }
  }

  async #handleOpen(open: (dialogs: AccountDialogs) => void): Promise<void> {
    this.alert = '';
    open(await this.#loadDialogs());
  }

  #handleAction(action: AccountAction, account: Account, opener: HTMLElement): void {
    void this.#handleOpen((d) => d.open(action, account, opener));
  }

  #changed(action: 'add' | 'update' | 'xml' | 'cancel', account: Account, message: MessageKey): void {
    this.alert = '';
    this.announcement = this.i18n.t(message, { number: account.number });
    emit(this, 'ups-account-change', { action, account });
    this.refresh();
  }

  #accountGone(): void {
    this.alert = this.i18n.t('accounts.error.not_found');
    this.refresh();
  }

  /** Loads the accounts and plans again. */
  refresh(): void {
    void this.#lists.run();
  }

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (session.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return this.#renderError(session.code);
    const rights = this.#rights();
    const ready = session.status === 'ready';
    return html`<section class="accounts" aria-labelledby="title">
      <header class="toolbar" part="toolbar">
        <h2 id="title">${i18n.t('accounts.title')}</h2>
        ${
          rights === 'all'
            ? html`<button
                type="button"
                class="button primary add"
                @click=${(e: Event) => {
                  const opener = e.currentTarget as HTMLElement;
                  void this.#handleOpen((d) => d.openAdd(opener));
                }}
              >
                ${i18n.t('accounts.add')}
              </button>`
            : nothing
        }
      </header>
      ${ready && rights === 'none' ? html`<p class="hint">${i18n.t('accounts.readOnly')}</p>` : nothing}
      ${ready && rights === 'xml' ? html`<p class="hint">${i18n.t('accounts.managerHint')}</p>` : nothing}
      <p class="alert" role="alert">${this.alert}</p>
      ${this.#lists.render({
        initial: () => this.#renderLoading(),
        pending: () => (this.#lists.value ? this.#renderLists(this.#lists.value, true) : this.#renderLoading()),
        complete: (lists) => (lists ? this.#renderLists(lists, false) : this.#renderLoading()),
        error: (error) => this.#renderError(codeOf(error)),
      })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.#dialogs?.render() ?? nothing}
    </section>`;
  }

  #renderLoading(): TemplateResult {
    return renderLoading(this.i18n.t('accounts.loading'), 'lists');
  }

  #renderError(code: string): TemplateResult {
    return renderLoadFailure(this.i18n, this.i18n.t('accounts.error'), code, () => this.refresh());
  }

  #renderLists(lists: Lists, busy: boolean): TemplateResult {
    const { i18n } = this;
    return html`<div class="lists" aria-busy=${busy ? 'true' : 'false'}>
      ${
        lists.accounts.length
          ? renderAccounts({
              i18n,
              accounts: lists.accounts,
              rights: this.#rights(),
              onAction: (action, account, opener) => this.#handleAction(action, account, opener),
            })
          : html`<p class="notice empty">${i18n.t('accounts.empty')}</p>`
      }
      <p class="count">${i18n.plural('accounts.count', lists.accounts.length)}</p>
      <h3 class="plans-title">${i18n.t('accounts.plans.title')}</h3>
      ${renderPlans(i18n, lists.plans)}
    </div>`;
  }
}
