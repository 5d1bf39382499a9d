/**
 * The dialogs of <ups-user-admin> — add a user (then its temporary password,
 * shown once), edit one, remove one — as one controller: their state, their
 * checks, their calls to the API and how a refusal reaches the user (a
 * message by each field, an error summary that takes focus). Loaded on
 * demand, with the accounts and plans to choose from and the dialogs'
 * messages: a page that only lists users never carries them.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingClient } from '../../api/client.js';
import { listAccounts, listPlans } from '../../api/endpoints/accounts.js';
import { createUser, removeUser, updateUser } from '../../api/endpoints/users.js';
import { isBillingApiError } from '../../api/errors.js';
import type { Role } from '../../api/schemas/session.js';
import {
  CreateUserRequest,
  UpdateUserRequest,
  type CreatedUser,
  type ManagedUser,
  type ScopeRequest,
} from '../../api/schemas/users.js';
import { DialogForm, type DialogAccess, type FormHost } from '../../internal/dialog-form.js';
import { renderErrorSummary } from '../../internal/error-summary.js';
import { registerMessages, type I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';
import { userAdminFormMessages } from '../../locales/user-admin-forms.js';
import { summaryItems } from './user-admin-fields.js';
import { checkUser, renderUserForm, scopedMessages, userPatch, type ScopeOptions } from './user-admin-form.js';
import { copyPassword, renderCreated } from './user-admin-password.js';
import { renderRemove } from './user-admin-remove.js';

registerMessages(userAdminFormMessages);

type Kind = 'user' | 'remove';
type Dialog = { kind: 'user'; user: ManagedUser | null } | { kind: 'remove'; user: ManagedUser };

/** What the dialogs need of the element. */
export interface UserAdminAccess extends DialogAccess {
  /** The company's administrators, whoever asks (0 until the list loaded). */
  administratorCount(): number;
  /** A change went through: announce it, tell the host page, reload the list. */
  changed(action: 'create' | 'update' | 'remove', user: ManagedUser, message: MessageKey): void;
  /** The user is not (or no longer) the caller's to manage: say so by the list, and reload it. */
  gone(): void;
  refresh(): void;
}

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

export class UserDialogs {
  readonly #host: FormHost;
  readonly #access: UserAdminAccess;
  /** The open dialog's values and failure; `button.add` takes the focus back where a removed user's buttons went. */
  readonly #form: DialogForm<Dialog>;
  /** The accounts and plans the caller may give. */
  readonly #options: Task<readonly [BillingClient | undefined, string | null], ScopeOptions>;

  #role: Role = 'viewer';
  #accounts: string[] = [];
  #plans: string[] = [];
  /** A user just added, with its temporary password: shown once, forgotten when the dialog closes. */
  #created: CreatedUser | null = null;
  #copy: 'copied' | 'failed' | null = null;
  /** The server refused to remove the last administrator: only Close is left. */
  #removeRefused = false;

  constructor(host: FormHost, access: UserAdminAccess) {
    this.#host = host;
    this.#access = access;
    this.#form = new DialogForm(host, access, { fallback: 'button.add' });
    this.#options = new Task(host, {
      autoRun: false,
      task: async ([client, ownPlans], { signal }) => {
        const [accounts, plans] = await Promise.all([
          client!.call(listAccounts, {}, { signal }),
          client!.call(listPlans, {}, { signal }),
        ]);
        // A manager gives only the plans of its own scope (a plan gives the accounts added to it later too);
        // the plans it sees through an account alone are not its to give.
        const own = ownPlans?.split(',');
        return {
          accounts: accounts.items,
          plans: own ? plans.items.filter((p) => own.includes(p.number)) : plans.items,
        };
      },
      args: () => {
        const caller = this.#caller();
        return [access.billing()?.client, caller?.role === 'manager' ? caller.scope.plans.join() : null] as const;
      },
    });
  }

  get busy(): boolean {
    return this.#form.busy;
  }

  #update(): void {
    this.#host.requestUpdate();
  }

  #caller() {
    const session = this.#access.billing()?.session;
    return session?.status === 'ready' ? session.session.user : null;
  }

  #isManager(): boolean {
    return this.#caller()?.role === 'manager';
  }

  #isLastAdmin(user: ManagedUser | null): boolean {
    return user?.role === 'administrator' && this.#access.administratorCount() <= 1;
  }

  // ── opening and closing ───────────────────────────────────────────────

  #open(dialog: Dialog, opener: HTMLElement | null, fields: Record<string, string> = {}): void {
    this.#created = null;
    this.#copy = null;
    this.#removeRefused = false;
    void this.#form.open(dialog, opener, fields);
  }

  /** Loads the accounts and plans afresh at each opening: one may have been added, or the caller changed. */
  #loadOptions(): void {
    if (this.#options.status !== TaskStatus.PENDING) void this.#options.run();
  }

  /** Opens the add form; `role` preselects one (the banner's "Add an administrator"). */
  openAdd(opener: HTMLElement | null, role: Role = 'viewer'): void {
    this.#loadOptions();
    this.#role = this.#isManager() && role === 'administrator' ? 'viewer' : role;
    this.#accounts = [];
    this.#plans = [];
    this.#open({ kind: 'user', user: null }, opener);
  }

  openEdit(user: ManagedUser, opener: HTMLElement): void {
    this.#loadOptions();
    this.#role = user.role;
    this.#accounts = [...user.scope.accounts];
    this.#plans = [...user.scope.plans];
    this.#open({ kind: 'user', user }, opener, { email: user.email, name: user.name });
  }

  openRemove(user: ManagedUser, opener: HTMLElement): void {
    this.#open({ kind: 'remove', user }, opener);
  }

  // ── errors ────────────────────────────────────────────────────────────

  /** Each field's message beside it and, after its label and linked to it, in the summary; then the rest. */
  async #failFields(errors: Record<string, string>, loose: string[] = [], again = false): Promise<void> {
    // The messages render first, so the summary can read each field's label and find its control.
    this.#form.show(errors, [], again);
    await this.#host.updateComplete;
    const dialog = this.#form.element(this.#form.dialog?.kind ?? 'user');
    const items = dialog ? summaryItems(dialog, errors) : [];
    this.#form.show(errors, [...items, ...loose.map((message) => ({ message }))], again);
  }

  #problemMessage(i18n: I18n, code: string): string {
    const own = `userAdmin.error.${code}` as MessageKey;
    return i18n.t(own) === own ? i18n.error(code) : i18n.t(own);
  }

  /** An API failure in the open dialog: field codes by their fields, the rest in the summary. */
  #showError(error: unknown, kind: Kind, scope: ScopeRequest | null): void {
    const code = codeOf(error);
    const fieldErrors = isBillingApiError(error) ? error.fieldErrors : {};
    const dialog = this.#form.dialog;
    const editing = kind === 'remove' || (dialog?.kind === 'user' && dialog.user);
    if (code === 'not_found' && editing && !Object.keys(fieldErrors).length) {
      this.#form.close(kind);
      this.#access.gone();
      return;
    }
    if (code === 'last_administrator') {
      // The list was out of date: a second administrator went meanwhile. Show it as it is.
      this.#access.refresh();
      if (kind === 'remove') this.#removeRefused = true;
    }
    void this.#form.failIn((i18n, again) => {
      const errors = kind === 'user' ? scopedMessages(i18n, fieldErrors, scope) : {};
      return this.#failFields(errors, Object.keys(errors).length ? [] : [this.#problemMessage(i18n, code)], again);
    });
  }

  // ── writes ────────────────────────────────────────────────────────────

  /** Runs a write, its failure shown in `kind`'s dialog. */
  #write(kind: Kind, scope: ScopeRequest | null, run: (client: BillingClient) => Promise<void>): Promise<void> {
    return this.#form.write(run, (error) => this.#showError(error, kind, scope));
  }

  #scope(): ScopeRequest {
    return this.#role === 'administrator'
      ? { accounts: [], plans: [] }
      : { accounts: this.#accounts, plans: this.#plans };
  }

  async #handleSubmit(event: Event, user: ManagedUser | null): Promise<void> {
    event.preventDefault();
    if (this.#form.busy) return;
    const value = (id: string) => (this.#form.fields[id] ?? '').trim();
    const scope = this.#scope();
    if (!user) {
      const body = { userId: value('userId'), email: value('email'), name: value('name'), role: this.#role, scope };
      const role = this.#role;
      const errors = checkUser(this.#access.i18n(), CreateUserRequest, body, role, scope);
      if (Object.keys(errors).length)
        return this.#form.failIn((i18n, again) =>
          this.#failFields(checkUser(i18n, CreateUserRequest, body, role, scope), [], again),
        );
      await this.#write('user', scope, async (client) => {
        const created = await client.call(createUser, { body });
        this.#created = created;
        this.#form.focusNext(() =>
          this.#host.renderRoot.querySelector<HTMLElement>('dialog#user button.copy')?.focus(),
        );
        this.#access.changed('create', created.user, 'userAdmin.created');
      });
      return;
    }
    const patch = userPatch(user, { role: this.#role, scope, name: value('name'), email: value('email') });
    // An unchanged form is no error ("nothing to change"): it just closes.
    const role = this.#role;
    const errors = checkUser(this.#access.i18n(), UpdateUserRequest, patch, role, scope);
    if (Object.keys(errors).length)
      return this.#form.failIn((i18n, again) =>
        this.#failFields(checkUser(i18n, UpdateUserRequest, patch, role, scope), [], again),
      );
    if (!Object.keys(patch).length) return this.#form.close('user');
    await this.#write('user', scope, async (client) => {
      const updated = await client.call(updateUser, { params: { id: user.id }, body: patch });
      this.#access.changed('update', updated, 'userAdmin.updated');
      this.#form.close('user');
    });
  }

  async #handleRemove(user: ManagedUser): Promise<void> {
    if (this.#form.busy || this.#removeRefused) return;
    await this.#write('remove', null, async (client) => {
      await client.call(removeUser, { params: { id: user.id } });
      this.#access.changed('remove', user, 'userAdmin.removed');
      this.#form.close('remove');
    });
  }

  async #handleCopy(password: string): Promise<void> {
    const code = this.#host.shadowRoot?.querySelector('dialog#user .password code') ?? null;
    this.#copy = await copyPassword(password, code);
    this.#update();
  }

  // ── render ────────────────────────────────────────────────────────────

  /** The two dialogs; only the open one has content. */
  render(): TemplateResult {
    const dialog = this.#form.dialog;
    return html`<dialog
        id="user"
        class="dialog"
        part="dialog"
        aria-labelledby="user-title"
        aria-describedby=${this.#created ? 'password-note' : nothing}
        @close=${() => this.#form.closed('user', () => (this.#created = null))}
      >
        ${dialog?.kind === 'user' ? this.#renderUser(dialog.user) : nothing}
      </dialog>
      <dialog
        id="remove"
        class="dialog"
        part="dialog"
        aria-labelledby="remove-title"
        aria-describedby="remove-text"
        @close=${() => this.#form.closed('remove', () => (this.#created = null))}
      >
        ${dialog?.kind === 'remove' ? this.#renderRemove(dialog.user) : nothing}
      </dialog>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    return renderErrorSummary(this.#access.i18n().t('userAdmin.summary.title'), this.#form.summary);
  }

  #renderUser(user: ManagedUser | null): TemplateResult {
    const i18n = this.#access.i18n();
    const created = this.#created;
    if (created) {
      return renderCreated({
        i18n,
        created,
        copy: this.#copy,
        onCopy: () => void this.#handleCopy(created.temporaryPassword),
        onDone: () => this.#form.close('user'),
      });
    }
    const options = this.#options;
    return renderUserForm({
      ctx: this.#form.context(),
      user,
      role: this.#role,
      manager: this.#isManager(),
      lastAdmin: this.#isLastAdmin(user),
      accounts: this.#accounts,
      plans: this.#plans,
      options:
        options.status === TaskStatus.ERROR
          ? { status: 'error', message: i18n.error(codeOf(options.error)), retry: () => void options.run() }
          : (options.value ?? { status: 'loading' }),
      busy: this.#form.busy,
      summary: this.#renderSummary(),
      onRole: (role) => {
        this.#role = role;
        this.#update();
      },
      onScope: (kind, number, on) => {
        const list = kind === 'accounts' ? this.#accounts : this.#plans;
        const next = on ? [...list, number] : list.filter((entry) => entry !== number);
        if (kind === 'accounts') this.#accounts = next;
        else this.#plans = next;
        this.#update();
      },
      onSubmit: (event) => void this.#handleSubmit(event, user),
      onCancel: () => this.#form.close('user'),
    });
  }

  #renderRemove(user: ManagedUser): TemplateResult {
    return renderRemove({
      i18n: this.#access.i18n(),
      user,
      self: user.id === this.#caller()?.id,
      refused: this.#removeRefused,
      busy: this.#form.busy,
      summary: this.#renderSummary(),
      onKeep: () => this.#form.close('remove'),
      onRemove: () => void this.#handleRemove(user),
    });
  }
}
