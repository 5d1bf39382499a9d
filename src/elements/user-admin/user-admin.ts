import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { listUsers } from '../../api/endpoints/users.js';
import { isBillingApiError } from '../../api/errors.js';
import type { Role, Session } from '../../api/schemas/session.js';
import type { ManagedUser, UserList, UserSortKey } from '../../api/schemas/users.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { prefetchWhenIdle } from '../../internal/lazy.js';
import { renderLoadFailure, renderLoading } from '../../internal/load-views.js';
import {
  dialogStyles,
  errorSummaryStyles,
  fieldsetStyles,
  fieldStyles,
  listStyles,
  pagerStyles,
  sortStyles,
  tableStyles,
} from '../../internal/styles.js';
import type { MessageKey } from '../../locales/types.js';
import { userAdminMessages } from '../../locales/user-admin.js';
import type {} from '../../events/user-change.js';
import type { AuditPanel } from './user-admin-audit.js';
import type { UserDialogs } from './user-admin-dialogs.js';
import {
  FIRST_QUERY,
  firstOrder,
  renderBanner,
  renderEmpty,
  renderSearch,
  renderTable,
  roleName,
  scopeLines,
  userLabel,
  type UserQuery,
} from './user-admin-list.js';
import type { RecoveryPanel } from './user-admin-recovery.js';
import { renderTabs, tabAfter, type UserAdminTab } from './user-admin-tabs.js';
import { userAdminStyles } from './user-admin.styles.js';
import { renderPager } from '../../internal/pager.js';

const SEARCH_DELAY_MS = 300;

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

/**
 * The parts a first render does not need, each loaded once for every
 * element of the page. A failed load is forgotten, so Try again loads anew.
 */
const modules = new Map<string, Promise<unknown>>();
function part<T>(name: string, load: () => Promise<T>): Promise<T> {
  let pending = modules.get(name) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    pending.catch(() => modules.delete(name));
    modules.set(name, pending);
  }
  return pending;
}
const dialogsPart = () => part('dialogs', () => import('./user-admin-dialogs.js'));
const recoveryPart = () => part('recovery', () => import('./user-admin-recovery.js'));
const auditPart = () => part('audit', () => import('./user-admin-audit.js'));

type Part = 'dialogs' | 'recovery' | 'audit';

/**
 * *Manage users*: the company's users with their roles and the accounts and
 * plans each may see — searched and sorted on the server, paged. Administrators
 * and managers add users (a temporary password is shown once), change their
 * role and scope, and remove them after a confirmation. A manager is offered
 * only what it may do: users within its own scope, never the administrator
 * role. While the company has one administrator a banner recommends naming a
 * second; the last administrator can be neither removed nor demoted, and the
 * element says why. Administrators also read the audit log. Anyone may ask UPS
 * for administrator recovery when the administrator has left; payers and
 * viewers see that alone, with why they see no user management.
 *
 * @summary Users, roles and scopes; several administrators; recovery; audit log.
 * @fires ups-user-change - A user was added, changed or removed. `detail: { action: 'create' | 'update' | 'remove', user }`.
 * @csspart toolbar - The title.
 * @csspart tabs - The tab list (Users, Audit log, Administrator recovery).
 * @csspart banner - The "only one administrator" recommendation.
 * @csspart search - The search form above the list.
 * @csspart table - The users table, the requests table and the audit table.
 * @csspart dialog - The add, edit and remove dialogs.
 * @csspart password - The temporary password of a user just added.
 * @csspart error-summary - The list of problems at the top of a form.
 * @cssprop --ups-user-admin-banner-color - The banner's accent (default: the warning color).
 */
export class UpsUserAdmin extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    fieldStyles,
    errorSummaryStyles,
    fieldsetStyles,
    listStyles,
    tableStyles,
    sortStyles,
    pagerStyles,
    dialogStyles,
    userAdminStyles,
  ];
  static override messages = [...UpsBillingElement.messages, userAdminMessages];

  readonly #users = new Task(this, {
    task: async ([client, manage, , query, pageSize], { signal }): Promise<UserList | null> => {
      if (!client || !manage) return null;
      const { q, sort, order, page } = query;
      return client.call(listUsers, { query: { ...(q ? { q } : {}), sort, order, page, pageSize } }, { signal });
    },
    // The signed-in user is an argument too: another sign-in means another list, even with the same role.
    args: () =>
      [this.billing?.client, this.#canManage(), this.#session()?.user.id, this.query, this.#pageSize()] as const,
  });

  @state() private tab: UserAdminTab = 'users';
  @state() private query: UserQuery = FIRST_QUERY;
  /** The search box's text, which runs ahead of the query while the user types. */
  @state() private searchText = '';
  @state() private announcement = '';
  /** A failure outside the dialogs (a user gone meanwhile). */
  @state() private alert = '';
  @state() private failedPart: 'recovery' | 'audit' | null = null;

  /** Users per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  #dialogs: UserDialogs | undefined;
  #recovery: RecoveryPanel | undefined;
  #audit: AuditPanel | undefined;
  #searchTimer = 0;
  #prefetched = false;

  #session(): Session | null {
    const session = this.billing?.session;
    return session?.status === 'ready' ? session.session : null;
  }

  #role(): Role | null {
    return this.#session()?.user.role ?? null;
  }

  #canManage(): boolean {
    const role = this.#role();
    return role === 'administrator' || role === 'manager';
  }

  #pageSize(): number {
    return Math.min(200, Math.max(1, Math.trunc(this.pageSize) || 25));
  }

  /** The tabs the role has; none for payers and viewers, who see the recovery form alone. */
  #tabs(): UserAdminTab[] {
    const role = this.#role();
    if (role === 'administrator') return ['users', 'audit', 'recovery'];
    return role === 'manager' ? ['users', 'recovery'] : [];
  }

  #shownTab(): UserAdminTab {
    return this.#tabs().includes(this.tab) ? this.tab : 'users';
  }

  /** The part the view shows now, besides the list. */
  #neededPart(): Part | null {
    if (!this.#role()) return null;
    if (!this.#canManage()) return 'recovery';
    const tab = this.#shownTab();
    return tab === 'users' ? null : tab;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#users.status === TaskStatus.PENDING);
    this.toggleState('busy', this.#dialogs?.busy ?? false);
    const needed = this.#neededPart();
    if (needed && needed !== this.failedPart) this.#loadPart(needed).catch(() => undefined);
    if (!this.#prefetched && this.#canManage()) {
      // Fetch the dialogs while the user reads the list.
      this.#prefetched = true;
      prefetchWhenIdle(() => this.#loadPart('dialogs').catch(() => undefined));
    }
  }

  async #loadPart(name: 'dialogs'): Promise<UserDialogs>;
  async #loadPart(name: Part): Promise<unknown>;
  async #loadPart(name: Part): Promise<unknown> {
    try {
      if (name === 'dialogs') {
        const { UserDialogs } = await dialogsPart();
        this.#dialogs ??= new UserDialogs(this, {
          i18n: () => this.i18n,
          billing: () => this.billing,
          administratorCount: () => this.#users.value?.administratorCount ?? 0,
          settled: () => this.#users.taskComplete.catch(() => undefined),
          changed: (action, user, message) => this.#changed(action, user, message),
          gone: () => this.#userGone(),
          refresh: () => this.refresh(),
        });
        this.requestUpdate();
        return this.#dialogs;
      }
      if (name === 'recovery' && !this.#recovery) {
        const { RecoveryPanel } = await recoveryPart();
        this.#recovery ??= new RecoveryPanel(this, { i18n: () => this.i18n, billing: () => this.billing });
        this.requestUpdate();
      }
      if (name === 'audit' && !this.#audit) {
        const { AuditPanel } = await auditPart();
        this.#audit ??= new AuditPanel(this, { i18n: () => this.i18n, billing: () => this.billing });
        this.requestUpdate();
      }
      if (this.failedPart === name) this.failedPart = null;
      return undefined;
    } catch (error) {
      // A panel that failed offers Try again in its place; the dialogs say so when asked for (#handleOpen).
      if (name !== 'dialogs') this.failedPart = name;
      throw error;
    }
  }

  async #handleOpen(open: (dialogs: UserDialogs) => void): Promise<void> {
    this.alert = '';
    try {
      open(await this.#loadPart('dialogs'));
    } catch {
      this.alert = this.i18n.t('userAdmin.partError');
    }
  }

  #handleSearchInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = window.setTimeout(() => this.#search(), SEARCH_DELAY_MS);
  }

  /** Applies the search box now (its debounce elapsed, or Enter was pressed). */
  #search(): void {
    clearTimeout(this.#searchTimer);
    const q = this.searchText.trim();
    if (q !== this.query.q) this.query = { ...this.query, q, page: 1 };
  }

  #handleClearSearch(): void {
    this.searchText = '';
    this.#search();
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }

  #handleSort(sort: UserSortKey): void {
    const order = this.query.sort === sort ? (this.query.order === 'asc' ? 'desc' : 'asc') : firstOrder(sort);
    this.query = { ...this.query, sort, order, page: 1 };
  }

  async #handleTabKey(event: KeyboardEvent): Promise<void> {
    const to = tabAfter(event.key, this.#tabs(), this.#shownTab());
    if (!to) return;
    event.preventDefault();
    this.tab = to;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${to}`)?.focus();
  }

  #changed(action: 'create' | 'update' | 'remove', user: ManagedUser, message: MessageKey): void {
    this.alert = '';
    this.announcement = this.i18n.t(message, { user: userLabel(user) });
    emit(this, 'ups-user-change', { action, user });
    this.refresh();
  }

  /** The user is not (or no longer) the caller's to manage: say so above the list, and show the list as it is. */
  #userGone(): void {
    this.alert = this.i18n.t('userAdmin.error.not_found');
    this.refresh();
  }

  /** Loads the users again (and the audit log and the recovery requests, when shown). */
  refresh(): void {
    if (this.#canManage()) void this.#users.run();
    this.#audit?.refresh();
    this.#recovery?.refresh();
  }

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (session.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return this.#renderError('userAdmin.error', session.code);
    const role = this.#role();
    const tabs = this.#tabs();
    return html`<section class="user-admin" aria-labelledby="title">
      <header class="toolbar" part="toolbar"><h2 id="title">${i18n.t('userAdmin.title')}</h2></header>
      ${
        !role
          ? this.#renderLoading('common.loading')
          : tabs.length
            ? renderTabs({
                i18n,
                tabs,
                shown: this.#shownTab(),
                onSelect: (tab) => (this.tab = tab),
                onKeydown: (event) => void this.#handleTabKey(event),
                panel: (tab) => (tab === 'users' ? this.#renderUsersPanel() : this.#renderPart(tab)),
              })
            : html`<p class="notice no-access">${i18n.t('userAdmin.noAccess', { role: roleName(i18n, role) })}</p>
                ${this.#renderPart('recovery')}`
      }
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.#dialogs?.render() ?? nothing}
    </section>`;
  }

  #renderPart(name: 'recovery' | 'audit'): TemplateResult {
    if (name === 'recovery' && this.#recovery) return this.#recovery.render(this.#role() === 'administrator');
    if (name === 'audit' && this.#audit) return this.#audit.render();
    if (this.failedPart === name) {
      return this.#renderError('userAdmin.partError', 'network_error', () => {
        this.failedPart = null;
      });
    }
    return this.#renderLoading('common.loading');
  }

  #renderUsersPanel(): TemplateResult {
    const { i18n } = this;
    const list = this.#users.value;
    const admin = this.#role() === 'administrator';
    const open = (role?: 'administrator') => (event: Event) => {
      const opener = event.currentTarget as HTMLElement;
      void this.#handleOpen((d) => d.openAdd(opener, role));
    };
    return html`${list?.administratorCount === 1 ? renderBanner({ i18n, admin, onAdd: open('administrator') }) : nothing}
      ${admin ? nothing : html`<p class="hint limits">${i18n.t('userAdmin.managerLimits', { scope: this.#ownScope() })}</p>`}
      <p class="alert" role="alert">${this.alert}</p>
      <div class="list-tools">
        ${renderSearch({
          i18n,
          text: this.searchText,
          onInput: (event) => this.#handleSearchInput(event),
          onSubmit: () => this.#search(),
        })}
        <button type="button" class="button primary add" @click=${open()}>${i18n.t('userAdmin.add')}</button>
      </div>
      ${this.#users.render({
        initial: () => this.#renderLoading('userAdmin.loading'),
        pending: () => (list ? this.#renderList(list, true) : this.#renderLoading('userAdmin.loading')),
        complete: (value) => (value ? this.#renderList(value, false) : this.#renderLoading('userAdmin.loading')),
        error: (error) => this.#renderError('userAdmin.error', codeOf(error), () => this.refresh()),
      })}`;
  }

  /** The manager's own accounts and plans, in words. */
  #ownScope(): string {
    const scope = this.#session()?.user.scope;
    return scope ? scopeLines(this.i18n, scope).join('; ') : '';
  }

  #renderLoading(key: MessageKey): TemplateResult {
    return renderLoading(this.i18n.t(key), 'frame');
  }

  /** A failure with its reason; Try again where trying again can help (not for a refused session). */
  #renderError(key: MessageKey, code: string, retry?: () => void): TemplateResult {
    return renderLoadFailure(this.i18n, this.i18n.t(key), code, retry);
  }

  #renderList(list: UserList, busy: boolean): TemplateResult {
    const { i18n } = this;
    const q = this.query.q;
    const count = html`<p class="count" role="status">
      ${busy ? i18n.t('userAdmin.loading') : i18n.plural('userAdmin.count', list.total)}
    </p>`;
    if (!list.items.length) {
      return html`${renderEmpty({ i18n, q, busy, onClear: () => this.#handleClearSearch() })}
        <div class="footer">${count}</div>`;
    }
    const admins = list.items.filter((user) => user.role === 'administrator');
    return html`${renderTable({
        i18n,
        users: list.items,
        query: this.query,
        selfId: this.#session()?.user.id ?? '',
        lastAdminId: list.administratorCount === 1 && admins.length === 1 ? admins[0]!.id : null,
        busy,
        onSort: (sort) => this.#handleSort(sort),
        onEdit: (user, opener) => void this.#handleOpen((d) => d.openEdit(user, opener)),
        onRemove: (user, opener) => void this.#handleOpen((d) => d.openRemove(user, opener)),
      })}
      <div class="footer">
        ${count}
        ${renderPager({
          i18n,
          label: i18n.t('userAdmin.pager.label'),
          page: list.page,
          pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
          onPage: (page) => {
            if (!busy) this.query = { ...this.query, page };
          },
        })}
      </div>`;
  }
}
