/**
 * The audit log, for administrators: who did what, when, and to what —
 * newest first, filtered by kind of action on the server, paged. Rows are
 * written by the server in the same transaction as the change they record.
 * Loaded on demand, with its messages.
 */
import { Task } from '@lit/task';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BillingClient } from '../../api/client.js';
import { listAuditLog } from '../../api/endpoints/users.js';
import { isBillingApiError } from '../../api/errors.js';
import type { AuditEntry, AuditPage } from '../../api/schemas/users.js';
import { registerMessages, type I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';
import { userAdminFormMessages } from '../../locales/user-admin-forms.js';
import { renderPager } from '../../internal/pager.js';
import { dateTime, roleName } from './user-admin-list.js';
import type { PanelAccess } from './user-admin-recovery.js';
import { renderLoadFailure } from '../../internal/load-views.js';

registerMessages(userAdminFormMessages);

/** Action prefixes to filter by, as the server matches them: a domain (`users.`) or one action. */
export const AUDIT_FILTERS = [
  '',
  'users.',
  'users.create',
  'users.update',
  'users.remove',
  'recovery.',
  'session.',
  'payment.',
  'autopay.',
  'wallet.',
  'documents.',
] as const;

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

/** A catalog message when there is one, else `fallback`: actions added later still show, as their code. */
function known(i18n: I18n, key: string, fallback: string): string {
  const text = i18n.t(key as MessageKey);
  return text === key ? fallback : text;
}

/** What the action was done to, in words a reader knows: a user ID, invoice numbers, an account or plan. */
function targetOf(entry: AuditEntry): string {
  const data = entry.data ?? {};
  for (const key of ['userId', 'newAdminUserId']) if (typeof data[key] === 'string') return data[key] as string;
  if (Array.isArray(data['invoices'])) return data['invoices'].join(', ');
  const scope = data['scope'] as { number?: unknown } | undefined;
  if (typeof scope?.number === 'string') return scope.number;
  // Internal ids mean nothing to a reader; invoice numbers and typed user IDs do.
  return entry.target && !UUID.test(entry.target) ? entry.target : '';
}

/** A line about what changed, for the actions on users and recovery. */
function detailsOf(i18n: I18n, entry: AuditEntry): string {
  const data = entry.data ?? {};
  if (entry.action === 'users.create' && typeof data['role'] === 'string') {
    return i18n.t('userAdmin.audit.detail.role', { role: roleName(i18n, data['role']) });
  }
  if (entry.action === 'users.update') {
    const changes = (data['changes'] ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
    const parts: string[] = [];
    if (changes['role']) {
      parts.push(
        i18n.t('userAdmin.audit.detail.roleChange', {
          from: roleName(i18n, String(changes['role'].from)),
          to: roleName(i18n, String(changes['role'].to)),
        }),
      );
    }
    if (changes['scope']) parts.push(i18n.t('userAdmin.audit.detail.scope'));
    if (changes['name']) parts.push(i18n.t('userAdmin.audit.detail.name'));
    if (changes['email']) parts.push(i18n.t('userAdmin.audit.detail.email'));
    return parts.join('; ');
  }
  return '';
}

/** Not a controller of its own: its task is the host's, and it has nothing to do on the host's updates. */
export class AuditPanel {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #access: PanelAccess;
  readonly #log: Task<readonly [BillingClient | undefined, string, number], AuditPage | null>;
  #filter = '';
  #page = 1;

  constructor(host: ReactiveControllerHost & HTMLElement, access: PanelAccess) {
    this.#host = host;
    this.#access = access;
    this.#log = new Task(host, {
      task: async ([client, action, page], { signal }) =>
        client
          ? client.call(
              listAuditLog,
              { query: { ...(action ? { action } : {}), page, pageSize: PAGE_SIZE } },
              { signal },
            )
          : null,
      args: () => [access.billing()?.client, this.#filter, this.#page] as const,
    });
  }

  /** Loads the log again: changes made here since appear at the top. */
  refresh(): void {
    void this.#log.run();
  }

  #handleFilter(event: Event): void {
    this.#filter = (event.target as HTMLSelectElement).value;
    this.#page = 1;
    this.#host.requestUpdate();
  }

  render(): TemplateResult {
    const i18n = this.#access.i18n();
    const loading = html`<p role="status">${i18n.t('userAdmin.audit.loading')}</p>`;
    return html`<div class="audit">
      <h3 id="audit-title">${i18n.t('userAdmin.audit.title')}</h3>
      <form class="filters" aria-labelledby="audit-title" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="audit-filter">${i18n.t('userAdmin.audit.filter')}</label>
          <select id="audit-filter" @change=${(e: Event) => this.#handleFilter(e)}>
            ${AUDIT_FILTERS.map(
              (prefix) =>
                html`<option value=${prefix} ?selected=${prefix === this.#filter}>
                  ${i18n.t(`userAdmin.audit.filter.${prefix || 'all'}` as MessageKey)}
                </option>`,
            )}
          </select>
        </div>
      </form>
      ${this.#log.render({
        initial: () => loading,
        pending: () => (this.#log.value ? this.#renderPage(this.#log.value, true) : loading),
        complete: (page) => (page ? this.#renderPage(page, false) : loading),
        error: (error) => renderLoadFailure(i18n, i18n.t('userAdmin.audit.error'), codeOf(error), () => this.refresh()),
      })}
    </div>`;
  }

  #renderPage(page: AuditPage, busy: boolean): TemplateResult {
    const i18n = this.#access.i18n();
    const count = html`<p class="count" role="status">
      ${busy ? i18n.t('userAdmin.audit.loading') : i18n.plural('userAdmin.audit.count', page.total)}
    </p>`;
    if (!page.items.length) {
      return html`<p class="notice empty">${i18n.t('userAdmin.audit.empty')}</p>
        <div class="footer">${count}</div>`;
    }
    return html`<div class="frame" aria-busy=${busy ? 'true' : 'false'}>
        <table part="table" class="audit-log">
          <caption class="visually-hidden">
            ${i18n.t('userAdmin.audit.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${i18n.t('userAdmin.audit.col.when')}</th>
              <th scope="col">${i18n.t('userAdmin.audit.col.who')}</th>
              <th scope="col">${i18n.t('userAdmin.audit.col.action')}</th>
              <th scope="col">${i18n.t('userAdmin.audit.col.target')}</th>
              <th scope="col">${i18n.t('userAdmin.audit.col.details')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              page.items,
              (entry) => entry.id,
              (entry) =>
                html`<tr data-action=${entry.action}>
                  <th scope="row"><time datetime=${entry.at}>${dateTime(i18n, entry.at)}</time></th>
                  <td>
                    ${
                      entry.actor
                        ? `${entry.actor.name} (${entry.actor.userId})`
                        : entry.action.startsWith('session.')
                          ? ''
                          : i18n.t('userAdmin.audit.system')
                    }
                  </td>
                  <td>${known(i18n, `userAdmin.audit.action.${entry.action}`, entry.action)}</td>
                  <td>${targetOf(entry)}</td>
                  <td>${detailsOf(i18n, entry)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="footer">
        ${count}
        ${renderPager({
          i18n,
          label: i18n.t('userAdmin.audit.pager'),
          page: page.page,
          pages: Math.max(1, Math.ceil(page.total / page.pageSize)),
          onPage: (to) => {
            if (busy) return;
            this.#page = to;
            this.#host.requestUpdate();
          },
        })}
      </div>`;
  }
}
