/**
 * The wallet's three dialogs — add, edit, remove — as one controller of
 * <ups-wallet>: their state, their checks, their calls to the API and how a
 * refusal reaches the user (a message by each field, an error summary that
 * takes focus). Loaded on demand with the card frame, the payment-type
 * schemas and the dialogs' messages: a page that only lists methods, or a
 * viewer's, never carries them.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BillingClient } from '../../api/client.js';
import { isBillingApiError } from '../../api/errors.js';
import { createBankToken, getPaymentTypes } from '../../api/endpoints/payment-methods.js';
import { addPaymentMethod, removePaymentMethod, updatePaymentMethod } from '../../api/endpoints/wallet.js';
import type { PaymentTypes } from '../../api/schemas/payment.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import type { BillingContext } from '../../context/billing-context.js';
import { CARD_FIELDS, CardFrameController, CardFrameError } from '../../internal/card-frame.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { registerMessages, type I18n } from '../../internal/i18n.js';
import { Rewording } from '../../internal/rewording.js';
import type { MessageKey } from '../../locales/types.js';
import { walletFormMessages } from '../../locales/wallet-forms.js';
import { addTypes, bankTokenRequest, checkAdd, renderAdd, renderAddWaiting, type AddType } from './wallet-add.js';
import { checkEdit, editFields, editPatch, renderEdit } from './wallet-edit.js';
import { recordContext, summaryItems, type FieldContext } from '../../internal/fields.js';
import { placeProblem } from './wallet-fields.js';
import { readDecisions, renderRemove } from './wallet-remove.js';
import { methodName, problemMessage } from './wallet-views.js';

registerMessages(walletFormMessages);

type Kind = 'add' | 'edit' | 'remove';
type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; id: string }
  /** `thenAdd`: "remove and add again" — the add form follows, on that type. */
  | { kind: 'remove'; id: string; thenAdd: AddType | null };

/** What the dialogs need of the wallet element. */
export interface WalletHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface WalletAccess {
  i18n(): I18n;
  billing(): BillingContext | undefined;
  methods(): readonly WalletMethod[];
  /** Resolves once a reload of the list (after a change) has shown. */
  settled(): Promise<unknown>;
  /** A change went through: announce it, tell the host page, reload the list. */
  changed(action: 'add' | 'update' | 'remove', method: WalletMethod, message: MessageKey): void;
  /** The method is not (or no longer) the user's: say so by the list, and reload it. */
  gone(): void;
  /** Reloads the list. */
  refresh(): void;
}

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

export class WalletDialogs implements ReactiveController {
  readonly #host: WalletHost;
  readonly #access: WalletAccess;
  readonly #frame: CardFrameController;

  /** The ways to pay in the user's country, for the add form. */
  readonly #types: Task<readonly [BillingClient | undefined, string], PaymentTypes>;

  #dialog: Dialog | null = null;
  #fields: Record<string, string> = {};
  #errors: Record<string, string> = {};
  #summary: SummaryItem[] = [];
  #addType: AddType | null = null;
  #busy = false;
  #focusSummary = false;
  /** The button that opened a dialog, focused again when it closes. */
  #opener: HTMLElement | null = null;
  /** The failure on screen, worded again when the locale or the overrides change. */
  readonly #rewording: Rewording;

  constructor(host: WalletHost, access: WalletAccess) {
    this.#host = host;
    this.#access = access;
    this.#rewording = new Rewording(() => ({ i18n: access.i18n(), messages: access.billing()?.messages }));
    host.addController(this);
    this.#frame = new CardFrameController(host, () =>
      host.renderRoot.querySelector<HTMLFormElement>('dialog#add form')?.requestSubmit(),
    );
    this.#types = new Task(host, {
      autoRun: false,
      task: async ([client, country], { signal }) => client!.call(getPaymentTypes, { query: { country } }, { signal }),
      args: () => [access.billing()?.client, access.billing()?.country ?? 'US'] as const,
    });
  }

  get busy(): boolean {
    return this.#busy;
  }

  get cardReady(): boolean {
    return this.#frame.ready;
  }

  hostUpdate(): void {
    this.#rewording.refresh();
    const types = this.#types.value;
    const billing = this.#access.billing();
    if (types && billing) {
      this.#frame.configure(types.cardFrameUrl, billing.client.baseUrl, { locale: this.#access.i18n().locale });
    }
  }

  hostUpdated(): void {
    if (this.#focusSummary) {
      this.#focusSummary = false;
      focusErrorSummary(this.#host.shadowRoot);
    }
  }

  #update(): void {
    this.#host.requestUpdate();
  }

  /** The fields as they were at a failure, in `i18n`'s words: to word that failure again. */
  #contextIn(i18n: I18n, fields: Readonly<Record<string, string>>): FieldContext {
    return recordContext(
      i18n,
      () => fields,
      () => this.#errors,
      () => {},
    );
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

  #method(id: string): WalletMethod | undefined {
    return this.#access.methods().find((method) => method.id === id);
  }

  /** Where a rule may go instead: the user's other methods that can still pay. */
  #others(method: WalletMethod): WalletMethod[] {
    return this.#access.methods().filter((other) => other.id !== method.id && !other.expired);
  }

  #addTypeNow(): AddType | null {
    const offered = this.#types.value ? addTypes(this.#types.value) : [];
    return this.#addType && offered.includes(this.#addType) ? this.#addType : (offered[0] ?? null);
  }

  // ── opening and closing ───────────────────────────────────────────────

  #element(kind: Kind): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>(`dialog#${kind}`);
  }

  async #open(dialog: Dialog, opener: HTMLElement | null, fields: Record<string, string> = {}): Promise<void> {
    if (opener) this.#opener = opener;
    this.#dialog = dialog;
    this.#fields = fields;
    this.#fail({}, []);
    await this.#host.updateComplete;
    const element = this.#element(dialog.kind);
    if (element && !element.open) element.showModal();
  }

  openAdd(opener: HTMLElement | null, type: AddType | null = null): void {
    if (this.#types.status !== TaskStatus.COMPLETE || this.#types.value?.country !== this.#access.billing()?.country) {
      void this.#types.run();
    }
    this.#addType = type;
    void this.#open({ kind: 'add' }, opener);
  }

  openEdit(method: WalletMethod, opener: HTMLElement): void {
    void this.#open({ kind: 'edit', id: method.id }, opener, editFields(method));
  }

  openRemove(method: WalletMethod, opener: HTMLElement | null, thenAdd: AddType | null = null): void {
    void this.#open({ kind: 'remove', id: method.id, thenAdd }, opener);
  }

  #close(kind: Kind): void {
    this.#element(kind)?.close();
  }

  async #handleClosed(kind: Kind): Promise<void> {
    // Another dialog took over ("remove and add again"), or this one opened again before its
    // `close` event came: the state is theirs.
    if (this.#dialog?.kind !== kind || this.#element(kind)?.open) return;
    this.#dialog = null;
    this.#fields = {};
    this.#fail({}, []);
    const opener = this.#opener;
    this.#opener = null;
    // After a change the list reloads: wait for it, so that focus goes to buttons that stay.
    await this.#access.settled();
    await this.#host.updateComplete;
    if (this.#dialog) return;
    // A removed method's buttons are gone: Add takes the focus.
    const root = this.#host.renderRoot;
    (opener?.isConnected ? opener : root.querySelector<HTMLElement>('button.add'))?.focus();
  }

  // ── errors ────────────────────────────────────────────────────────────

  /** Shows `errors` and `summary`, or clears them; a failure shown this way is not worded again. */
  #fail(errors: Record<string, string>, summary: SummaryItem[]): void {
    this.#rewording.clear();
    this.#show(errors, summary);
  }

  /** `again`: the same failure in new words, which leaves the focus where the user is. */
  #show(errors: Record<string, string>, summary: SummaryItem[], again = false): void {
    this.#errors = errors;
    this.#summary = summary;
    if (!again) this.#focusSummary = summary.length > 0;
    this.#update();
  }

  /** Each field's message beside it and, after its label and linked to it, in the summary. */
  #failFields(errors: Record<string, string>, others: SummaryItem[] = [], again = false): void {
    const root = this.#host.renderRoot;
    if (!again) return this.#show(errors, [...summaryItems(root, errors), ...others]);
    // Worded again before the labels are: the summary repeats them, so it reads them once they are rendered.
    this.#show(errors, others, true);
    void this.#host.updateComplete.then(() => {
      if (this.#errors === errors) this.#show(errors, [...summaryItems(root, errors), ...others], true);
    });
  }

  /** An API or card-frame failure, in the open dialog: field codes by their fields, the rest in the summary. */
  #showError(error: unknown, dialog: Kind): void {
    const i18n = this.#access.i18n();
    if (error instanceof CardFrameError) {
      const fields = CARD_FIELDS.filter((field) => error.fields[field]);
      this.#rewording.show((i18n, again) =>
        this.#show(
          {},
          fields.length
            ? fields.map((field) => ({
                message: `${i18n.t(`wallet.card.${field}`)}: ${i18n.t(`wallet.card.${error.fields[field]}` as MessageKey)}`,
                focus: () => this.#frame.focus(field),
              }))
            : [{ message: i18n.error(error.code ?? 'unknown', { seconds: error.retryAfter ?? 30 }) }],
          again,
        ),
      );
      return;
    }
    const code = codeOf(error);
    if (code === 'not_found' && dialog !== 'add') {
      this.#close(dialog);
      this.#access.gone();
      return;
    }
    const root = this.#host.renderRoot;
    const place = (i18n: I18n) =>
      placeProblem(
        i18n,
        code,
        isBillingApiError(error) ? error.fieldErrors : {},
        dialog === 'edit' ? 'edit' : 'add',
        (id) => Boolean(root.querySelector(`dialog#${dialog} #${CSS.escape(id)}`)),
      );
    // A rule started paying with the method since the list loaded: show it, and ask again.
    if (place(i18n).unknownRule) this.#access.refresh();
    this.#rewording.show((i18n, again) => {
      const { errors, loose, unknownRule } = place(i18n);
      if (unknownRule) loose.unshift(i18n.t('wallet.error.rules_changed'));
      if (!Object.keys(errors).length && !loose.length) loose.push(problemMessage(i18n, code));
      this.#failFields(
        errors,
        loose.map((message) => ({ message })),
        again,
      );
    });
  }

  // ── writes ────────────────────────────────────────────────────────────

  /** Runs a write: one at a time, the summary cleared first, failures shown in `dialog`. */
  async #write(dialog: Kind, run: (client: BillingClient) => Promise<void>): Promise<void> {
    const client = this.#access.billing()?.client;
    if (!client || this.#busy) return;
    this.#busy = true;
    this.#fail({}, []);
    try {
      await run(client);
    } catch (error) {
      this.#showError(error, dialog);
    } finally {
      this.#busy = false;
      this.#update();
    }
  }

  async #handleAdd(event: Event): Promise<void> {
    event.preventDefault();
    const type = this.#addTypeNow();
    if (!type || this.#busy) return;
    const ctx = this.#context();
    const errors = checkAdd(ctx, type);
    if (Object.keys(errors).length) {
      const fields = this.#fields;
      return this.#rewording.show((i18n, again) =>
        this.#failFields(checkAdd(this.#contextIn(i18n, fields), type), [], again),
      );
    }
    await this.#write('add', async (client) => {
      const mandate = this.#types.value?.types.find((option) => option.type === 'sepa')?.mandate?.version ?? '';
      const token =
        type === 'card'
          ? (await this.#frame.tokenize()).token
          : (await client.call(createBankToken, { body: bankTokenRequest(ctx, type, mandate) })).token;
      const nickname = ctx.value('nickname').trim();
      const method = await client.call(addPaymentMethod, {
        body: {
          token,
          ...(nickname ? { nickname } : {}),
          ...(ctx.value('make-default') === 'true' ? { makeDefault: true } : {}),
        },
      });
      this.#access.changed('add', method, 'wallet.added');
      this.#close('add');
    });
  }

  async #handleEdit(event: Event, method: WalletMethod): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    const ctx = this.#context();
    const errors = checkEdit(ctx, method);
    if (Object.keys(errors).length) {
      const fields = this.#fields;
      return this.#rewording.show((i18n, again) =>
        this.#failFields(checkEdit(this.#contextIn(i18n, fields), method), [], again),
      );
    }
    const patch = editPatch(ctx, method);
    if (!Object.keys(patch).length) return this.#close('edit');
    await this.#write('edit', async (client) => {
      const updated = await client.call(updatePaymentMethod, { params: { id: method.id }, body: patch });
      this.#access.changed('update', updated, 'wallet.updated');
      this.#close('edit');
    });
  }

  async #handleRemove(event: Event, method: WalletMethod, thenAdd: AddType | null): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    const others = this.#others(method);
    const { decisions, errors } = readDecisions(this.#context(), method, others);
    if (Object.keys(errors).length) {
      const fields = this.#fields;
      return this.#rewording.show((i18n, again) =>
        this.#failFields(readDecisions(this.#contextIn(i18n, fields), method, others).errors, [], again),
      );
    }
    await this.#write('remove', async (client) => {
      await client.call(removePaymentMethod, {
        params: { id: method.id },
        body: decisions.length ? { rules: decisions } : {},
      });
      this.#access.changed('remove', method, 'wallet.removed');
      this.#close('remove');
      if (thenAdd) this.openAdd(null, thenAdd);
    });
  }

  // ── render ────────────────────────────────────────────────────────────

  /** The three dialogs; only the open one has content. */
  render(): TemplateResult {
    return html`${this.#renderDialog('add', 'add-title', () => this.#renderAdd())}
    ${this.#renderDialog('edit', 'edit-title', () => this.#renderEdit())}
    ${this.#renderDialog('remove', 'remove-title', () => this.#renderRemove())}`;
  }

  #renderDialog(kind: Kind, title: string, content: () => TemplateResult | typeof nothing): TemplateResult {
    return html`<dialog
      id=${kind}
      class="dialog"
      part="dialog"
      aria-labelledby=${title}
      aria-describedby=${kind === 'remove' ? 'remove-text' : nothing}
      @close=${() => this.#handleClosed(kind)}
    >
      ${this.#dialog?.kind === kind ? content() : nothing}
    </dialog>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    return renderErrorSummary(this.#access.i18n().t('wallet.summary.title'), this.#summary);
  }

  #renderAdd(): TemplateResult {
    const i18n = this.#access.i18n();
    const waiting = (error: unknown) =>
      renderAddWaiting(i18n, error === undefined ? null : codeOf(error), {
        onCancel: () => this.#close('add'),
        onRetry: () => void this.#types.run(),
      });
    return this.#types.render({
      initial: () => waiting(undefined),
      pending: () => waiting(undefined),
      error: (error) => waiting(error ?? 'unknown'),
      complete: (types) =>
        renderAdd({
          ctx: this.#context(),
          types,
          type: this.#addTypeNow(),
          busy: this.#busy,
          summary: this.#renderSummary(),
          frame: () => this.#frame.render(i18n.t('wallet.card.frameTitle')),
          onType: (type) => {
            this.#addType = type;
            this.#fail({}, []);
          },
          onSubmit: (event) => void this.#handleAdd(event),
          onCancel: () => this.#close('add'),
        }),
    });
  }

  #renderEdit(): TemplateResult | typeof nothing {
    const method = this.#dialog?.kind === 'edit' ? this.#method(this.#dialog.id) : undefined;
    if (!method) return nothing;
    const i18n = this.#access.i18n();
    return renderEdit({
      ctx: this.#context(),
      method,
      name: methodName(i18n, method),
      busy: this.#busy,
      summary: this.#renderSummary(),
      onSubmit: (event) => void this.#handleEdit(event, method),
      onCancel: () => this.#close('edit'),
      onRemove: () => {
        this.#close('edit');
        this.openRemove(method, null, method.method.type === 'sepa' ? 'sepa' : 'ach');
      },
    });
  }

  #renderRemove(): TemplateResult | typeof nothing {
    const dialog = this.#dialog;
    const method = dialog?.kind === 'remove' ? this.#method(dialog.id) : undefined;
    if (!method || dialog?.kind !== 'remove') return nothing;
    return renderRemove({
      ctx: this.#context(),
      method,
      name: methodName(this.#access.i18n(), method),
      others: this.#others(method),
      busy: this.#busy,
      summary: this.#renderSummary(),
      onSubmit: (event) => void this.#handleRemove(event, method, dialog.thenAdd),
      onKeep: () => this.#close('remove'),
    });
  }
}
