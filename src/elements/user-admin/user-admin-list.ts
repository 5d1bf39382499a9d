/**
 * The users table of <ups-user-admin>: column headers that sort on the
 * server (with `aria-sort`), one row per user with role, scope, e-mail and
 * last sign-in, and the row's Edit and Remove buttons. The last
 * administrator's Remove stays focusable but disabled, and says why.
 * Also the formats the other parts share: role names, scopes, dates.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Scope } from '../../api/schemas/session.js';
import type { ManagedUser, UserSortKey } from '../../api/schemas/users.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

export interface UserQuery {
  /** The search as sent: trimmed, possibly empty. */
  q: string;
  sort: UserSortKey;
  order: 'asc' | 'desc';
  page: number;
}

export const FIRST_QUERY: UserQuery = { q: '', sort: 'userId', order: 'asc', page: 1 };

/** "Alice Martin (admin1)": how dialogs, announcements and buttons name a user. */
export const userLabel = (user: Pick<ManagedUser, 'name' | 'userId'>) => `${user.name} (${user.userId})`;

export const roleName = (i18n: I18n, role: string) => i18n.t(`userAdmin.role.${role}` as MessageKey);

/** The accounts and plans a user sees, in words: one line per kind. */
export function scopeLines(i18n: I18n, scope: Scope): string[] {
  if (scope.all) return [i18n.t('userAdmin.scope.all')];
  const lines: string[] = [];
  if (scope.plans.length) lines.push(i18n.t('userAdmin.scope.plans', { list: scope.plans.join(', ') }));
  if (scope.accounts.length) lines.push(i18n.t('userAdmin.scope.accounts', { list: scope.accounts.join(', ') }));
  return lines.length ? lines : [i18n.t('userAdmin.scope.none')];
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** A timestamp in the reader's time zone: sign-ins and audit rows happen at a moment, not on a day. */
export function dateTime(i18n: I18n, iso: string): string {
  let format = dateTimes.get(i18n.locale);
  if (!format) {
    format = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimes.set(i18n.locale, format);
  }
  return format.format(new Date(iso));
}

/** Which way a column sorts first: the latest sign-ins first, everything else A to Z. */
export const firstOrder = (sort: UserSortKey): 'asc' | 'desc' =>
  sort === 'lastSignInAt' || sort === 'createdAt' ? 'desc' : 'asc';

export interface TableProps {
  i18n: I18n;
  users: readonly ManagedUser[];
  query: UserQuery;
  /** The signed-in user's id: their row says "you". */
  selfId: string;
  /** The company's only administrator, when it has one only. */
  lastAdminId: string | null;
  busy: boolean;
  onSort: (sort: UserSortKey) => void;
  onEdit: (user: ManagedUser, opener: HTMLElement) => void;
  onRemove: (user: ManagedUser, opener: HTMLElement) => void;
}

function renderHeader(props: TableProps, key: MessageKey, sort: UserSortKey | null): TemplateResult {
  const label = props.i18n.t(key);
  if (!sort) return html`<th scope="col">${label}</th>`;
  const active = props.query.sort === sort;
  const ariaSort = active ? (props.query.order === 'asc' ? 'ascending' : 'descending') : nothing;
  return html`<th scope="col" aria-sort=${ariaSort}>
    <button type="button" class="sort" data-sort=${sort} @click=${() => props.onSort(sort)}>
      ${label}<span class="sort-icon ${active ? props.query.order : ''}" aria-hidden="true"></span>
    </button>
  </th>`;
}

function renderActions(props: TableProps, user: ManagedUser): TemplateResult {
  const { i18n } = props;
  // The user ID tells each row's buttons apart for screen readers.
  const which = html`<span class="visually-hidden">${user.userId}</span>`;
  const opener = (event: Event) => event.currentTarget as HTMLElement;
  const last = user.id === props.lastAdminId;
  const noteId = `last-admin-${user.id}`;
  return html`<div class="actions">
      <button type="button" class="button" data-edit=${user.id} @click=${(e: Event) => props.onEdit(user, opener(e))}>
        ${i18n.t('userAdmin.action.edit')} ${which}
      </button>
      <button
        type="button"
        class="button danger"
        data-remove=${user.id}
        aria-disabled=${last ? 'true' : 'false'}
        aria-describedby=${last ? noteId : nothing}
        @click=${(e: Event) => {
          if (!last) props.onRemove(user, opener(e));
        }}
      >
        ${i18n.t('userAdmin.action.remove')} ${which}
      </button>
    </div>
    ${last ? html`<p class="hint last-admin" id=${noteId}>${i18n.t('userAdmin.lastAdmin')}</p>` : nothing}`;
}

function renderRow(props: TableProps, user: ManagedUser): TemplateResult {
  const { i18n } = props;
  return html`<tr data-user=${user.id}>
    <th scope="row" class="user-id">
      ${user.userId} ${user.id === props.selfId ? html`<span class="you">(${i18n.t('userAdmin.you')})</span>` : nothing}
    </th>
    <td>${user.name}</td>
    <td class="email">${user.email}</td>
    <td><span class="role ${user.role}">${roleName(i18n, user.role)}</span></td>
    <td class="scope">${scopeLines(i18n, user.scope).map((line) => html`<span>${line}</span> `)}</td>
    <td>${user.lastSignInAt ? dateTime(i18n, user.lastSignInAt) : i18n.t('userAdmin.never')}</td>
    <td>${renderActions(props, user)}</td>
  </tr>`;
}

export function renderTable(props: TableProps): TemplateResult {
  const { i18n } = props;
  return html`<div class="frame" aria-busy=${props.busy ? 'true' : 'false'}>
    <table part="table">
      <caption class="visually-hidden">
        ${i18n.t('userAdmin.caption')}
      </caption>
      <thead>
        <tr>
          ${renderHeader(props, 'userAdmin.col.userId', 'userId')} ${renderHeader(props, 'userAdmin.col.name', 'name')}
          ${renderHeader(props, 'userAdmin.col.email', 'email')} ${renderHeader(props, 'userAdmin.col.role', 'role')}
          ${renderHeader(props, 'userAdmin.col.scope', null)}
          ${renderHeader(props, 'userAdmin.col.lastSignIn', 'lastSignInAt')}
          <th scope="col"><span class="visually-hidden">${i18n.t('userAdmin.col.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          props.users,
          (user) => user.id,
          (user) => renderRow(props, user),
        )}
      </tbody>
    </table>
  </div>`;
}

export interface BannerProps {
  i18n: I18n;
  /** An administrator can act on it; a manager is asked to ask. */
  admin: boolean;
  onAdd: (event: Event) => void;
}

/** While the company has one administrator: the seed's advice to name a backup. */
export function renderBanner(props: BannerProps): TemplateResult {
  const { i18n } = props;
  return html`<div class="banner" part="banner">
    <h3>${i18n.t('userAdmin.banner.title')}</h3>
    <p>${i18n.t('userAdmin.banner.text')}</p>
    ${
      props.admin
        ? html`<button type="button" class="button add-admin" @click=${props.onAdd}>
            ${i18n.t('userAdmin.banner.add')}
          </button>`
        : html`<p>${i18n.t('userAdmin.banner.askAdmin')}</p>`
    }
  </div>`;
}

export interface SearchProps {
  i18n: I18n;
  /** The box's text, which runs ahead of the query while the user types. */
  text: string;
  onInput: (event: Event) => void;
  /** Enter: search now rather than after the pause. */
  onSubmit: () => void;
}

export function renderSearch(props: SearchProps): TemplateResult {
  const { i18n } = props;
  return html`<form
    class="search"
    role="search"
    part="search"
    @submit=${(event: Event) => {
      event.preventDefault();
      props.onSubmit();
    }}
  >
    <div class="field">
      <label for="search">${i18n.t('userAdmin.search.label')}</label>
      <input
        id="search"
        type="search"
        maxlength="100"
        autocomplete="off"
        .value=${props.text}
        aria-describedby="search-hint"
        @input=${props.onInput}
      />
      <span class="hint" id="search-hint">${i18n.t('userAdmin.search.hint')}</span>
    </div>
  </form>`;
}

/** No user to show: none matches the search (with the way back), or none is the caller's to manage. */
export function renderEmpty(props: { i18n: I18n; q: string; busy: boolean; onClear: () => void }): TemplateResult {
  const { i18n, q } = props;
  return html`<div class="frame empty" aria-busy=${props.busy ? 'true' : 'false'}>
    <p>${q ? i18n.t('userAdmin.emptySearch', { q }) : i18n.t('userAdmin.empty')}</p>
    ${
      q
        ? html`<button type="button" class="button" @click=${props.onClear}>
            ${i18n.t('userAdmin.search.clear')}
          </button>`
        : nothing
    }
  </div>`;
}
