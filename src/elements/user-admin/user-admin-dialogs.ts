/**
 * The dialogs of <ups-user-admin> — add a user (then its temporary password,
 * shown once), edit one, remove one — as one controller: their state, their
 * checks, their calls to the API and how a refusal reaches the user (a
 * message by each field, an error summary that takes focus). Loaded on
 * demand, with the accounts and plans to choose from and the dialogs'
 * messages: a page that only lists users never carries them.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
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
import type { BillingContext } from '../../context/billing-context.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { registerMessages, type I18n } from '../../internal/i18n.js';
import { Rewording } from '../../internal/rewording.js';
import type { MessageKey } from '../../locales/types.js';
import { userAdminFormMessages } from '../../locales/user-admin-forms.js';
import { recordContext } from '../../internal/fields.js';
import { summaryItems, type FieldContext } from './user-admin-fields.js';
import { checkUser, renderUserForm, scopedMessages, userPatch, type ScopeOptions } from './user-admin-form.js';
import { copyPassword, renderCreated } from './user-admin-password.js';
import { renderRemove } from './user-admin-remove.js';

registerMessages(userAdminFormMessages);

type Kind = 'user' | 'remove';
type Dialog = { kind: 'user'; user: ManagedUser | null } | { kind: 'remove'; user: ManagedUser };

/** What the dialogs need of the element. */
export interface UserAdminAccess {
  i18n(): I18n;
  billing(): BillingContext | undefined;
  /** The company's administrators, whoever asks (0 until the list loaded). */
  administratorCount(): number;
  /** Resolves once a reload of the list (after a change) has shown. */
  settled(): Promise<unknown>;
  /** A change went through: announce it, tell the host page, reload the list. */
  changed(action: 'create' | 'update' | 'remove', user: ManagedUser, message: MessageKey): void;
  /** The user is not (or no longer) the caller's to manage: say so by the list, and reload it. */
  gone(): void;
  refresh(): void;
}

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

export class UserDialogs implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #access: UserAdminAccess;
  /** The accounts and plans the caller may give. */
  readonly #options: Task<readonly [BillingClient | undefined, string | null], ScopeOptions>;

  #dialog: Dialog | null = null;
  #fields: Record<string, string> = {};
  #role: Role = 'viewer';
  #accounts: string[] = [];
  #plans: string[] = [];
  #errors: Record<string, string> = {};
  #summary: SummaryItem[] = [];
  #busy = false;
  #focus: 'summary' | 'copy' | null = null;
  /** A user just added, with its temporary password: shown once, forgotten when the dialog closes. */
  #created: CreatedUser | null = null;
  #copy: 'copied' | 'failed' | null = null;
  /** The server refused to remove the last administrator: only Close is left. */
  #removeRefused = false;
  /** The button that opened a dialog, focused again when it closes. */
  #opener: HTMLElement | null = null;
  /** The failure on screen, worded again when the locale or the overrides change. */
  readonly #rewording: Rewording;

  constructor(host: ReactiveControllerHost & HTMLElement, access: UserAdminAccess) {
    this.#host = host;
    this.#access = access;
    this.#rewording = new Rewording(() => ({ i18n: access.i18n(), messages: access.billing()?.messages }));
    host.addController(this);
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
    return this.#busy;
  }

  hostUpdate(): void {
    this.#rewording.refresh();
  }

  hostUpdated(): void {
    const focus = this.#focus;
    this.#focus = null;
    if (focus === 'summary') focusErrorSummary(this.#host.shadowRoot);
    if (focus === 'copy') this.#host.shadowRoot?.querySelector<HTMLElement>('dialog#user button.copy')?.focus();
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

  #context(): FieldContext {
    return recordContext(
      this.#access.i18n(),
      () => this.#fields,
      () => this.#errors,
      (id, value) => {
        this.#fields = { ...this.#fields, [id]: value };
        this.#update();
      },
    );
  }

  // ── opening and closing ───────────────────────────────────────────────

  #element(kind: Kind): HTMLDialogElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLDialogElement>(`dialog#${kind}`) ?? null;
  }

  async #open(dialog: Dialog, opener: HTMLElement | null): Promise<void> {
    if (opener) this.#opener = opener;
    this.#dialog = dialog;
    this.#created = null;
    this.#copy = null;
    this.#removeRefused = false;
    this.#fail({}, []);
    await this.#host.updateComplete;
    const element = this.#element(dialog.kind);
    if (element && !element.open) element.showModal();
  }

  /** Loads the accounts and plans afresh at each opening: one may have been added, or the caller changed. */
  #loadOptions(): void {
    if (this.#options.status !== TaskStatus.PENDING) void this.#options.run();
  }

  /** Opens the add form; `role` preselects one (the banner's "Add an administrator"). */
  openAdd(opener: HTMLElement | null, role: Role = 'viewer'): void {
    this.#loadOptions();
    this.#fields = {};
    this.#role = this.#isManager() && role === 'administrator' ? 'viewer' : role;
    this.#accounts = [];
    this.#plans = [];
    void this.#open({ kind: 'user', user: null }, opener);
  }

  openEdit(user: ManagedUser, opener: HTMLElement): void {
    this.#loadOptions();
    this.#fields = { email: user.email, name: user.name };
    this.#role = user.role;
    this.#accounts = [...user.scope.accounts];
    this.#plans = [...user.scope.plans];
    void this.#open({ kind: 'user', user }, opener);
  }

  openRemove(user: ManagedUser, opener: HTMLElement): void {
    void this.#open({ kind: 'remove', user }, opener);
  }

  #close(kind: Kind): void {
    this.#element(kind)?.close();
  }

  async #handleClosed(kind: Kind): Promise<void> {
    // Another dialog took over, or this one opened again before its `close` event came.
    if (this.#dialog?.kind !== kind || this.#element(kind)?.open) return;
    this.#dialog = null;
    this.#fields = {};
    this.#created = null;
    this.#fail({}, []);
    const opener = this.#opener;
    this.#opener = null;
    // After a change the list reloads: wait for it, so that focus goes to buttons that stay.
    await this.#access.settled();
    await this.#host.updateComplete;
    if (this.#dialog) return;
    // A removed user's buttons, or the banner's, are gone: Add takes the focus.
    (opener?.isConnected ? opener : this.#host.shadowRoot?.querySelector<HTMLElement>('button.add'))?.focus();
  }

  // ── errors ────────────────────────────────────────────────────────────

  /** Shows `errors` and `summary`, or clears them; a failure shown this way is not worded again. */
  #fail(errors: Record<string, string>, summary: SummaryItem[]): void {
    this.#rewording.clear();
    this.#show(errors, summary);
  }

  /** Shows the failure `make` words, and keeps `make` to word it again in another locale. */
  #failIn(make: (i18n: I18n, again: boolean) => Promise<void>): Promise<void> {
    return this.#rewording.show(make);
  }

  /** `again`: the same failure in new words, which leaves the focus where the user is. */
  #show(errors: Record<string, string>, summary: SummaryItem[], again = false): void {
    this.#errors = errors;
    this.#summary = summary;
    if (!again) this.#focus = summary.length ? 'summary' : null;
    this.#update();
  }

  /** Each field's message beside it and, after its label and linked to it, in the summary; then the rest. */
  async #failFields(errors: Record<string, string>, loose: string[] = [], again = false): Promise<void> {
    // The messages render first, so the summary can read each field's label and find its control.
    this.#show(errors, [], again);
    await this.#host.updateComplete;
    const dialog = this.#element(this.#dialog?.kind ?? 'user');
    const items = dialog ? summaryItems(dialog, errors) : [];
    this.#show(errors, [...items, ...loose.map((message) => ({ message }))], again);
  }

  #problemMessage(i18n: I18n, code: string): string {
    const own = `userAdmin.error.${code}` as MessageKey;
    return i18n.t(own) === own ? i18n.error(code) : i18n.t(own);
  }

  /** An API failure in the open dialog: field codes by their fields, the rest in the summary. */
  #showError(error: unknown, kind: Kind, scope: ScopeRequest | null): void {
    const code = codeOf(error);
    const fieldErrors = isBillingApiError(error) ? error.fieldErrors : {};
    const editing = kind === 'remove' || (this.#dialog?.kind === 'user' && this.#dialog.user);
    if (code === 'not_found' && editing && !Object.keys(fieldErrors).length) {
      this.#close(kind);
      this.#access.gone();
      return;
    }
    if (code === 'last_administrator') {
      // The list was out of date: a second administrator went meanwhile. Show it as it is.
      this.#access.refresh();
      if (kind === 'remove') this.#removeRefused = true;
    }
    void this.#failIn((i18n, again) => {
      const errors = kind === 'user' ? scopedMessages(i18n, fieldErrors, scope) : {};
      return this.#failFields(errors, Object.keys(errors).length ? [] : [this.#problemMessage(i18n, code)], again);
    });
  }

  // ── writes ────────────────────────────────────────────────────────────

  /** Runs a write: one at a time, the summary cleared first, failures shown in `kind`'s dialog. */
  async #write(kind: Kind, scope: ScopeRequest | null, run: (client: BillingClient) => Promise<void>): Promise<void> {
    const client = this.#access.billing()?.client;
    if (!client || this.#busy) return;
    this.#busy = true;
    this.#fail({}, []);
    try {
      await run(client);
    } catch (error) {
      this.#showError(error, kind, scope);
    } finally {
      this.#busy = false;
      this.#update();
    }
  }

  #scope(): ScopeRequest {
    return this.#role === 'administrator'
      ? { accounts: [], plans: [] }
      : { accounts: this.#accounts, plans: this.#plans };
  }

  async #handleSubmit(event: Event, user: ManagedUser | null): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    const value = (id: string) => (this.#fields[id] ?? '').trim();
    const scope = this.#scope();
    if (!user) {
      const body = { userId: value('userId'), email: value('email'), name: value('name'), role: this.#role, scope };
      const role = this.#role;
      const errors = checkUser(this.#access.i18n(), CreateUserRequest, body, role, scope);
      if (Object.keys(errors).length)
        return this.#failIn((i18n, again) =>
          this.#failFields(checkUser(i18n, CreateUserRequest, body, role, scope), [], again),
        );
      await this.#write('user', scope, async (client) => {
        const created = await client.call(createUser, { body });
        this.#created = created;
        this.#focus = 'copy';
        this.#access.changed('create', created.user, 'userAdmin.created');
      });
      return;
    }
    const patch = userPatch(user, { role: this.#role, scope, name: value('name'), email: value('email') });
    // An unchanged form is no error ("nothing to change"): it just closes.
    const role = this.#role;
    const errors = checkUser(this.#access.i18n(), UpdateUserRequest, patch, role, scope);
    if (Object.keys(errors).length)
      return this.#failIn((i18n, again) =>
        this.#failFields(checkUser(i18n, UpdateUserRequest, patch, role, scope), [], again),
      );
    if (!Object.keys(patch).length) return this.#close('user');
    await this.#write('user', scope, async (client) => {
      const updated = await client.call(updateUser, { params: { id: user.id }, body: patch });
      this.#access.changed('update', updated, 'userAdmin.updated');
      this.#close('user');
    });
  }

  async #handleRemove(user: ManagedUser): Promise<void> {
    if (this.#busy || this.#removeRefused) return;
    await this.#write('remove', null, async (client) => {
      await client.call(removeUser, { params: { id: user.id } });
      this.#access.changed('remove', user, 'userAdmin.removed');
      this.#close('remove');
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
    const dialog = this.#dialog;
    return html`<dialog
        id="user"
        class="dialog"
        part="dialog"
        aria-labelledby="user-title"
        aria-describedby=${this.#created ? 'password-note' : nothing}
        @close=${() => this.#handleClosed('user')}
      >
        ${dialog?.kind === 'user' ? this.#renderUser(dialog.user) : nothing}
      </dialog>
      <dialog
        id="remove"
        class="dialog"
        part="dialog"
        aria-labelledby="remove-title"
        aria-describedby="remove-text"
        @close=${() => this.#handleClosed('remove')}
      >
        ${dialog?.kind === 'remove' ? this.#renderRemove(dialog.user) : nothing}
      </dialog>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    return renderErrorSummary(this.#access.i18n().t('userAdmin.summary.title'), this.#summary);
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
        onDone: () => this.#close('user'),
      });
    }
    const options = this.#options;
    return renderUserForm({
      ctx: this.#context(),
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
      busy: this.#busy,
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
      onCancel: () => this.#close('user'),
    });
  }

  #renderRemove(user: ManagedUser): TemplateResult {
    return renderRemove({
      i18n: this.#access.i18n(),
      user,
      self: user.id === this.#caller()?.id,
      refused: this.#removeRefused,
      busy: this.#busy,
      summary: this.#renderSummary(),
      onKeep: () => this.#close('remove'),
      onRemove: () => void this.#handleRemove(user),
    });
  }
}
