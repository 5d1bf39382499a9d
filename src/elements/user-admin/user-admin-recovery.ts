/**
 * Administrator recovery, for when the administrator has left: a form for
 * the previous administrator's user ID and e-mail and the new
 * administrator's, and the requests with their status. Any user may file
 * one; UPS operations check it with the company and approve it (there is no
 * approval here). An administrator sees every request of the company, anyone
 * else their own. Loaded on demand, with its messages.
 */
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BillingClient } from '../../api/client.js';
import { createRecoveryRequest, listRecoveryRequests } from '../../api/endpoints/users.js';
import { isBillingApiError } from '../../api/errors.js';
import type { CreateRecoveryRequest, RecoveryRequest } from '../../api/schemas/users.js';
import type { BillingContext } from '../../context/billing-context.js';
import { FormState, type FormHost } from '../../internal/dialog-form.js';
import { renderErrorSummary } from '../../internal/error-summary.js';
import { registerMessages, type I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';
import { userAdminFormMessages } from '../../locales/user-admin-forms.js';
import { fieldMessage, renderField, summaryItems } from './user-admin-fields.js';
import { dateTime } from './user-admin-list.js';
import { renderLoadFailure } from '../../internal/load-views.js';

registerMessages(userAdminFormMessages);

/** What a panel needs of the element. */
export interface PanelAccess {
  i18n(): I18n;
  billing(): BillingContext | undefined;
}

type Field = 'previousAdminUserId' | 'previousAdminEmail' | 'newAdminUserId' | 'newAdminEmail' | 'newAdminName';

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

/**
 * A refused field's message. The server says `invalid_value` and puts the
 * reason in the problem code (the details match no administrator, the new one
 * already is one…): the message follows the reason.
 */
function messageFor(i18n: I18n, path: string, problem: string, code: string): string {
  const reason = code === 'invalid_value' ? problem : code;
  const field =
    path.startsWith('previousAdmin') && reason === 'recovery_mismatch'
      ? 'previous'
      : reason === 'invalid_format' && path.endsWith('Email')
        ? 'email'
        : reason === 'invalid_format' && path.endsWith('UserId')
          ? 'userId'
          : path;
  return fieldMessage(i18n, field, reason);
}

export class RecoveryPanel {
  readonly #host: FormHost;
  readonly #access: PanelAccess;
  /** The form's values and failure. */
  readonly #form: FormState;
  readonly #requests: Task<readonly [BillingClient | undefined, string | undefined], RecoveryRequest[] | null>;

  /** The confirmation of a request filed, in any messages. */
  #sent: ((i18n: I18n) => string) | null = null;

  constructor(host: FormHost, access: PanelAccess) {
    this.#host = host;
    this.#access = access;
    this.#form = new FormState(host, access);
    this.#requests = new Task(host, {
      task: async ([client, user], { signal }) =>
        client && user ? (await client.call(listRecoveryRequests, {}, { signal })).items : null,
      args: () => {
        const session = access.billing()?.session;
        return [access.billing()?.client, session?.status === 'ready' ? session.session.user.id : undefined] as const;
      },
    });
  }

  /** Loads the requests again: their status changes when operations approve one. */
  refresh(): void {
    void this.#requests.run();
  }

  /** Shows a refusal, and words it again when the messages change. */
  #fail(error: unknown): Promise<void> {
    const code = codeOf(error);
    const fieldErrors = isBillingApiError(error) ? error.fieldErrors : {};
    return this.#form.failIn(async (i18n, again) => {
      const errors: Record<string, string> = {};
      for (const [path, fieldCode] of Object.entries(fieldErrors)) {
        errors[path] ??= messageFor(i18n, path, code, fieldCode);
      }
      // The messages by the fields first, the summary as it is (and the focus where it is)…
      this.#form.show(errors, this.#form.summary, true);
      // …for the summary repeats the labels: it reads them once the fields are rendered (in the same words).
      await this.#host.updateComplete;
      if (this.#form.errors !== errors) return;
      const form = this.#host.shadowRoot?.querySelector('form.recovery-form');
      const items = form ? summaryItems(form, errors) : [];
      this.#form.show(errors, items.length ? items : [{ message: i18n.error(code) }], again);
    });
  }

  async #handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const value = (id: string) => (this.#form.fields[id] ?? '').trim();
    const body: CreateRecoveryRequest = {
      previousAdminUserId: value('previousAdminUserId'),
      previousAdminEmail: value('previousAdminEmail'),
      newAdminUserId: value('newAdminUserId'),
      newAdminEmail: value('newAdminEmail'),
      ...(value('newAdminName') ? { newAdminName: value('newAdminName') } : {}),
    };
    await this.#form.write(
      async (client) => {
        this.#sent = null;
        // The client checks the request against the contract first: a malformed e-mail never leaves the page.
        await client.call(createRecoveryRequest, { body });
        this.#form.fields = {};
        this.#sent = (i18n) => i18n.t('userAdmin.recovery.sent');
        this.refresh();
      },
      (error) => this.#fail(error),
    );
  }

  render(admin: boolean): TemplateResult {
    const i18n = this.#access.i18n();
    const ctx = this.#form.context();
    const field = (id: Field, label: MessageKey, email = false) =>
      renderField(
        ctx,
        id,
        label,
        email ? { type: 'email', maxlength: 254 } : { maxlength: id === 'newAdminName' ? 80 : 40 },
      );
    return html`<div class="recovery">
      <h3 id="recovery-title">${i18n.t('userAdmin.recovery.title')}</h3>
      <p>${i18n.t('userAdmin.recovery.intro')}</p>
      <p>${i18n.t('userAdmin.recovery.approval')}</p>
      ${admin ? html`<p class="note">${i18n.t('userAdmin.recovery.adminNote')}</p>` : nothing}
      <form
        class="recovery-form"
        novalidate
        aria-labelledby="recovery-title"
        @submit=${(e: Event) => void this.#handleSubmit(e)}
      >
        ${renderErrorSummary(i18n.t('userAdmin.summary.title'), this.#form.summary)}
        <div class="people">
          <fieldset class="person">
            <legend>${i18n.t('userAdmin.recovery.previous')}</legend>
            ${field('previousAdminUserId', 'userAdmin.recovery.userId')}
            ${field('previousAdminEmail', 'userAdmin.recovery.email', true)}
          </fieldset>
          <fieldset class="person">
            <legend>${i18n.t('userAdmin.recovery.new')}</legend>
            ${field('newAdminUserId', 'userAdmin.recovery.userId')}
            ${field('newAdminEmail', 'userAdmin.recovery.email', true)}
            ${field('newAdminName', 'userAdmin.recovery.newName')}
          </fieldset>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" aria-disabled=${this.#form.busy ? 'true' : 'false'}>
            ${i18n.t(this.#form.busy ? 'userAdmin.recovery.busy' : 'userAdmin.recovery.submit')}
          </button>
          <p class="sent" role="status">${this.#sent?.(i18n) ?? ''}</p>
        </div>
      </form>
      <h4>${i18n.t(admin ? 'userAdmin.recovery.all' : 'userAdmin.recovery.mine')}</h4>
      ${this.#requests.render({
        initial: () => html`<p role="status">${i18n.t('userAdmin.recovery.loading')}</p>`,
        pending: () =>
          this.#requests.value
            ? this.#renderRequests(this.#requests.value, admin)
            : html`<p role="status">${i18n.t('userAdmin.recovery.loading')}</p>`,
        complete: (requests) => this.#renderRequests(requests ?? [], admin),
        error: (error) =>
          renderLoadFailure(i18n, i18n.t('userAdmin.recovery.error'), codeOf(error), () => this.refresh()),
      })}
    </div>`;
  }

  #renderRequests(requests: readonly RecoveryRequest[], admin: boolean): TemplateResult {
    const i18n = this.#access.i18n();
    if (!requests.length) return html`<p class="notice empty">${i18n.t('userAdmin.recovery.empty')}</p>`;
    const person = (userId: string, email: string, name?: string | null) =>
      html`<span class="person-id">${userId}</span>
        <span>${email}</span> ${name ? html`<span>${name}</span>` : nothing}`;
    return html`<div class="frame">
      <table part="table" class="requests">
        <caption class="visually-hidden">
          ${i18n.t(admin ? 'userAdmin.recovery.all' : 'userAdmin.recovery.mine')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${i18n.t('userAdmin.recovery.col.filed')}</th>
            <th scope="col">${i18n.t('userAdmin.recovery.col.previous')}</th>
            <th scope="col">${i18n.t('userAdmin.recovery.col.new')}</th>
            ${admin ? html`<th scope="col">${i18n.t('userAdmin.recovery.col.by')}</th>` : nothing}
            <th scope="col">${i18n.t('userAdmin.recovery.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            requests,
            (request) => request.id,
            (request) =>
              html`<tr data-request=${request.id}>
                <th scope="row">${dateTime(i18n, request.createdAt)}</th>
                <td class="stack">${person(request.previousAdminUserId, request.previousAdminEmail)}</td>
                <td class="stack">${person(request.newAdminUserId, request.newAdminEmail, request.newAdminName)}</td>
                ${
                  admin
                    ? html`<td>
                        ${
                          request.requestedBy
                            ? `${request.requestedBy.name} (${request.requestedBy.userId})`
                            : i18n.t('userAdmin.recovery.removedUser')
                        }
                      </td>`
                    : nothing
                }
                <td>
                  <span class="status ${request.status}">
                    ${
                      request.status === 'approved' && request.approvedAt
                        ? i18n.t('userAdmin.recovery.status.approved', { date: dateTime(i18n, request.approvedAt) })
                        : i18n.t('userAdmin.recovery.status.pending')
                    }
                  </span>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
