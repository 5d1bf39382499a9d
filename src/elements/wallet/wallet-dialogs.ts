/**
 * The wallet's three dialogs — add, edit, remove — as one controller of
 * <ups-wallet>: their state, their checks, their calls to the API and how a
 * refusal reaches the user (a message by each field, an error summary that
 * takes focus). Loaded on demand with the card frame, the payment-type
 * schemas and the dialogs' messages: a page that only lists methods, or a
 * viewer's, never carries them.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { BillingClient } from '../../api/client.js';
import { isBillingApiError } from '../../api/errors.js';
import { createBankToken, getPaymentTypes } from '../../api/endpoints/payment-methods.js';
import { addPaymentMethod, removePaymentMethod, updatePaymentMethod } from '../../api/endpoints/wallet.js';
import type { PaymentTypes } from '../../api/schemas/payment.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import { CARD_FIELDS, CardFrameController, CardFrameError } from '../../internal/card-frame.js';
import { DialogForm, type DialogAccess, type FormHost } from '../../internal/dialog-form.js';
import { renderErrorSummary } from '../../internal/error-summary.js';
import { registerMessages, type I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';
import { walletFormMessages } from '../../locales/wallet-forms.js';
import { addTypes, bankTokenRequest, checkAdd, renderAdd, renderAddWaiting, type AddType } from './wallet-add.js';
import { checkEdit, editFields, editPatch, renderEdit } from './wallet-edit.js';
import { recordContext, type FieldContext } from '../../internal/fields.js';
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
export interface WalletAccess extends DialogAccess {
  methods(): readonly WalletMethod[];
  /** A change went through: announce it, tell the host page, reload the list. */
  changed(action: 'add' | 'update' | 'remove', method: WalletMethod, message: MessageKey): void;
  /** The method is not (or no longer) the user's: say so by the list, and reload it. */
  gone(): void;
  /** Reloads the list. */
  refresh(): void;
}

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

export class WalletDialogs implements ReactiveController {
  readonly #host: FormHost;
  readonly #access: WalletAccess;
  /** The open dialog's values and failure; `button.add` takes the focus back where a removed method's buttons went. */
  readonly #form: DialogForm<Dialog>;
  readonly #frame: CardFrameController;

  /** The ways to pay in the user's country, for the add form. */
  readonly #types: Task<readonly [BillingClient | undefined, string], PaymentTypes>;

  #addType: AddType | null = null;

  constructor(host: FormHost, access: WalletAccess) {
    this.#host = host;
    this.#access = access;
    this.#form = new DialogForm(host, access, { fallback: 'button.add' });
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
    return this.#form.busy;
  }

  get cardReady(): boolean {
    return this.#frame.ready;
  }

  hostUpdate(): void {
    const types = this.#types.value;
    const billing = this.#access.billing();
    if (types && billing) {
      this.#frame.configure(types.cardFrameUrl, billing.client.baseUrl, { locale: this.#access.i18n().locale });
    }
  }

  /** The fields as they were at a failure, in `i18n`'s words: to word that failure again. */
  #contextIn(i18n: I18n, fields: Readonly<Record<string, string>>): FieldContext {
    return recordContext(
      i18n,
      () => fields,
      () => this.#form.errors,
      () => {},
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

  openAdd(opener: HTMLElement | null, type: AddType | null = null): void {
    if (this.#types.status !== TaskStatus.COMPLETE || this.#types.value?.country !== this.#access.billing()?.country) {
      void this.#types.run();
    }
    this.#addType = type;
    void this.#form.open({ kind: 'add' }, opener);
  }

  openEdit(method: WalletMethod, opener: HTMLElement): void {
    void this.#form.open({ kind: 'edit', id: method.id }, opener, editFields(method));
  }

  openRemove(method: WalletMethod, opener: HTMLElement | null, thenAdd: AddType | null = null): void {
    void this.#form.open({ kind: 'remove', id: method.id, thenAdd }, opener);
  }

  // ── errors ────────────────────────────────────────────────────────────

  /** An API or card-frame failure, in the open dialog: field codes by their fields, the rest in the summary. */
  #showError(error: unknown, dialog: Kind): void {
    const i18n = this.#access.i18n();
    if (error instanceof CardFrameError) {
      const fields = CARD_FIELDS.filter((field) => error.fields[field]);
      this.#form.failIn((i18n, again) =>
        this.#form.show(
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
      this.#form.close(dialog);
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
    this.#form.failIn((i18n, again) => {
      const { errors, loose, unknownRule } = place(i18n);
      if (unknownRule) loose.unshift(i18n.t('wallet.error.rules_changed'));
      if (!Object.keys(errors).length && !loose.length) loose.push(problemMessage(i18n, code));
      this.#form.failFields(
        errors,
        loose.map((message) => ({ message })),
        again,
      );
    });
  }

  // ── writes ────────────────────────────────────────────────────────────

  /** Runs a write, its failure shown in `dialog`. */
  #write(dialog: Kind, run: (client: BillingClient) => Promise<void>): Promise<void> {
    return this.#form.write(run, (error) => this.#showError(error, dialog));
  }

  async #handleAdd(event: Event): Promise<void> {
    event.preventDefault();
    const type = this.#addTypeNow();
    if (!type || this.#form.busy) return;
    const ctx = this.#form.context();
    const errors = checkAdd(ctx, type);
    if (Object.keys(errors).length) {
      const fields = this.#form.fields;
      return this.#form.failIn((i18n, again) =>
        this.#form.failFields(checkAdd(this.#contextIn(i18n, fields), type), [], again),
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
      this.#form.close('add');
    });
  }

  async #handleEdit(event: Event, method: WalletMethod): Promise<void> {
    event.preventDefault();
    if (this.#form.busy) return;
    const ctx = this.#form.context();
    const errors = checkEdit(ctx, method);
    if (Object.keys(errors).length) {
      const fields = this.#form.fields;
      return this.#form.failIn((i18n, again) =>
        this.#form.failFields(checkEdit(this.#contextIn(i18n, fields), method), [], again),
      );
    }
    const patch = editPatch(ctx, method);
    if (!Object.keys(patch).length) return this.#form.close('edit');
    await this.#write('edit', async (client) => {
      const updated = await client.call(updatePaymentMethod, { params: { id: method.id }, body: patch });
      this.#access.changed('update', updated, 'wallet.updated');
      this.#form.close('edit');
    });
  }

  async #handleRemove(event: Event, method: WalletMethod, thenAdd: AddType | null): Promise<void> {
    event.preventDefault();
    if (this.#form.busy) return;
    const others = this.#others(method);
    const { decisions, errors } = readDecisions(this.#form.context(), method, others);
    if (Object.keys(errors).length) {
      const fields = this.#form.fields;
      return this.#form.failIn((i18n, again) =>
        this.#form.failFields(readDecisions(this.#contextIn(i18n, fields), method, others).errors, [], again),
      );
    }
    await this.#write('remove', async (client) => {
      await client.call(removePaymentMethod, {
        params: { id: method.id },
        body: decisions.length ? { rules: decisions } : {},
      });
      this.#access.changed('remove', method, 'wallet.removed');
      this.#form.close('remove');
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
      @close=${() => this.#form.closed(kind)}
    >
      ${this.#form.dialog?.kind === kind ? content() : nothing}
    </dialog>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    return renderErrorSummary(this.#access.i18n().t('wallet.summary.title'), this.#form.summary);
  }

  #renderAdd(): TemplateResult {
    const i18n = this.#access.i18n();
    const waiting = (error: unknown) =>
      renderAddWaiting(i18n, error === undefined ? null : codeOf(error), {
        onCancel: () => this.#form.close('add'),
        onRetry: () => void this.#types.run(),
      });
    return this.#types.render({
      initial: () => waiting(undefined),
      pending: () => waiting(undefined),
      error: (error) => waiting(error ?? 'unknown'),
      complete: (types) =>
        renderAdd({
          ctx: this.#form.context(),
          types,
          type: this.#addTypeNow(),
          busy: this.#form.busy,
          summary: this.#renderSummary(),
          frame: () => this.#frame.render(i18n.t('wallet.card.frameTitle')),
          onType: (type) => {
            this.#addType = type;
            this.#form.fail({}, []);
          },
          onSubmit: (event) => void this.#handleAdd(event),
          onCancel: () => this.#form.close('add'),
        }),
    });
  }

  #renderEdit(): TemplateResult | typeof nothing {
    const method = this.#form.dialog?.kind === 'edit' ? this.#method(this.#form.dialog.id) : undefined;
    if (!method) return nothing;
    const i18n = this.#access.i18n();
    return renderEdit({
      ctx: this.#form.context(),
      method,
      name: methodName(i18n, method),
      busy: this.#form.busy,
      summary: this.#renderSummary(),
      onSubmit: (event) => void this.#handleEdit(event, method),
      onCancel: () => this.#form.close('edit'),
      onRemove: () => {
        this.#form.close('edit');
        this.openRemove(method, null, method.method.type === 'sepa' ? 'sepa' : 'ach');
      },
    });
  }

  #renderRemove(): TemplateResult | typeof nothing {
    const dialog = this.#form.dialog;
    const method = dialog?.kind === 'remove' ? this.#method(dialog.id) : undefined;
    if (!method || dialog?.kind !== 'remove') return nothing;
    return renderRemove({
      ctx: this.#form.context(),
      method,
      name: methodName(this.#access.i18n(), method),
      others: this.#others(method),
      busy: this.#form.busy,
      summary: this.#renderSummary(),
      onSubmit: (event) => void this.#handleRemove(event, method, dialog.thenAdd),
      onKeep: () => this.#form.close('remove'),
    });
  }
}
