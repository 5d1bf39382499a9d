/**
 * The dialogs of <ups-accounts> — nickname, XML enrolment, Add account,
 * cancel enrolment — as one controller: their state, their checks, their
 * calls to the API and how a refusal reaches the user (a message by each
 * field, an error summary that takes focus). Loaded on demand with their
 * messages: a page that only lists accounts never carries them.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BillingClient } from '../../api/client.js';
import { isBillingApiError } from '../../api/errors.js';
import { addAccount, cancelEnrollment, setXmlEnrollment, updateAccount } from '../../api/endpoints/accounts.js';
import type { Account } from '../../api/schemas/account.js';
import { INVOICE_PROOF_MAX_AGE_DAYS } from '../../api/schemas/invoice-proof.js';
import type { BillingContext } from '../../context/billing-context.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { placeFieldErrors } from '../../internal/field-errors.js';
import { recordContext, renderCheckbox, renderField, summaryItems, type FieldContext } from '../../internal/fields.js';
import { registerMessages, type I18n } from '../../internal/i18n.js';
import { Rewording } from '../../internal/rewording.js';
import { accountsFormMessages } from '../../locales/accounts-forms.js';
import type { MessageKey } from '../../locales/types.js';
import { ADD_FIELDS, checkAdd, fieldMessage, proofOf, renderAdd } from './accounts-add.js';
import { readCancel, renderCancel } from './accounts-cancel.js';
import { problemMessage, type AccountAction } from './accounts-views.js';

registerMessages(accountsFormMessages);

type Kind = AccountAction | 'add';
type Change = 'add' | 'update' | 'xml' | 'cancel';

/** What the dialogs need of the accounts element. */
export interface AccountsHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface AccountsAccess {
  i18n(): I18n;
  billing(): BillingContext | undefined;
  /** Resolves once a reload of the list (after a change) has shown. */
  settled(): Promise<unknown>;
  /** A change went through: announce it, tell the host page, reload the list. */
  changed(action: Change, account: Account, message: MessageKey): void;
  /** The account is not (or no longer) visible: say so by the list, and reload it. */
  gone(): void;
}

const KINDS: readonly Kind[] = ['nickname', 'xml', 'add', 'cancel'];

export class AccountDialogs implements ReactiveController {
  readonly #host: AccountsHost;
  readonly #access: AccountsAccess;

  #kind: Kind | null = null;
  /** The account the open dialog is about (none for Add). */
  #account: Account | null = null;
  #fields: Record<string, string> = {};
  #errors: Record<string, string> = {};
  #summary: SummaryItem[] = [];
  #busy = false;
  #focusSummary = false;
  /** The button that opened a dialog, focused again when it closes. */
  #opener: HTMLElement | null = null;

  /** The failure on screen, worded again when the locale or the overrides change. */
  readonly #rewording: Rewording;

  constructor(host: AccountsHost, access: AccountsAccess) {
    this.#host = host;
    this.#access = access;
    this.#rewording = new Rewording(() => ({ i18n: access.i18n(), messages: access.billing()?.messages }));
    host.addController(this);
  }

  get busy(): boolean {
    return this.#busy;
  }

  hostUpdate(): void {
    this.#rewording.refresh();
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
    return this.#host.renderRoot.querySelector<HTMLDialogElement>(`dialog#dialog-${kind}`);
  }

  async #open(kind: Kind, account: Account | null, opener: HTMLElement | null, fields: Record<string, string>) {
    if (opener) this.#opener = opener;
    this.#kind = kind;
    this.#account = account;
    this.#fields = fields;
    this.#fail({}, []);
    await this.#host.updateComplete;
    const element = this.#element(kind);
    if (element && !element.open) element.showModal();
  }

  /** Opens an account's dialog, filled with the account as listed. */
  open(action: AccountAction, account: Account, opener: HTMLElement): void {
    const fields: Record<string, string> =
      action === 'nickname'
        ? { nickname: account.nickname ?? '' }
        : action === 'xml'
          ? { 'xml-enrolled': String(account.xmlEnrolled) }
          : {};
    void this.#open(action, account, opener, fields);
  }

  openAdd(opener: HTMLElement): void {
    // The provider's country is the likeliest: most companies add accounts of their own country.
    void this.#open('add', null, opener, { country: this.#access.billing()?.country ?? '' });
  }

  #close(kind: Kind): void {
    this.#element(kind)?.close();
  }

  async #handleClosed(kind: Kind): Promise<void> {
    if (this.#kind !== kind || this.#element(kind)?.open) return;
    this.#kind = null;
    this.#account = null;
    this.#fields = {};
    this.#fail({}, []);
    const opener = this.#opener;
    this.#opener = null;
    // After a change the list reloads: wait for it, so that focus goes to buttons that stay.
    await this.#access.settled();
    await this.#host.updateComplete;
    if (this.#kind) return;
    // A cancelled account's buttons are gone: the list's heading takes the focus.
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

  /**
   * Field codes by server path → each message beside its field and, after
   * its label and linked to it, in the summary; then the loose messages.
   */
  #failFields(
    codes: Record<string, string>,
    loose: (i18n: I18n) => string[] = () => [],
    params: Record<string, string> = {},
  ): void {
    const root = this.#host.renderRoot;
    const kind = this.#kind;
    this.#rewording.show((i18n, again) => {
      const placed = placeFieldErrors(
        codes,
        (path) => {
          const id = kind === 'add' ? (ADD_FIELDS[path] ?? path) : path;
          return root.querySelector(`dialog#dialog-${kind} #${CSS.escape(id)}`) ? id : null;
        },
        (code, path) => fieldMessage(i18n, path, code, params),
      );
      const others = [...loose(i18n), ...placed.loose.map(({ message }) => message)].map((message) => ({ message }));
      if (!again) return this.#show(placed.errors, [...summaryItems(root, placed.errors), ...others]);
      // Worded again before the labels are: the summary repeats them, so it reads them once they are rendered.
      this.#show(placed.errors, others, true);
      void this.#host.updateComplete.then(() => {
        if (this.#errors === placed.errors)
          this.#show(placed.errors, [...summaryItems(root, placed.errors), ...others], true);
      });
    });
  }

  #showError(error: unknown, kind: Kind): void {
    if (!isBillingApiError(error)) return this.#failFields({}, (i18n) => [i18n.error('unknown')]);
    const { code, fieldErrors } = error;
    if (code === 'not_found' && kind !== 'add') {
      this.#close(kind);
      this.#access.gone();
      return;
    }
    const detail = error.detail ?? '';
    const loose = (i18n: I18n): string[] => {
      if (code === 'invoice_mismatch') return [i18n.t('accounts.problem.invoice_mismatch')];
      if (code === 'rate_limited') return [i18n.t('accounts.problem.rate_limited', { time: lockEnd(i18n, error) })];
      if (code === 'account_in_plan') return [i18n.t('accounts.problem.account_in_plan', { plan: detail })];
      if (code === 'payments_in_progress')
        return [i18n.t('accounts.problem.payments_in_progress', { payments: detail })];
      if (code === 'invoice_date_out_of_window' && !Object.keys(fieldErrors).length)
        return [i18n.t('accounts.problem.invoice_date_out_of_window', { days: INVOICE_PROOF_MAX_AGE_DAYS })];
      return Object.keys(fieldErrors).length ? [] : [problemMessage(i18n, code)];
    };
    this.#failFields({ ...fieldErrors }, loose, code === 'account_in_other_company' ? { company: detail } : {});
  }

  // ── writes ────────────────────────────────────────────────────────────

  /** Runs a write: one at a time, the summary cleared first, failures shown in `kind`'s dialog. */
  async #write(kind: Kind, run: (client: BillingClient) => Promise<void>): Promise<void> {
    const client = this.#access.billing()?.client;
    if (!client || this.#busy) return;
    this.#busy = true;
    this.#fail({}, []);
    try {
      await run(client);
    } catch (error) {
      this.#showError(error, kind);
    } finally {
      this.#busy = false;
      this.#update();
    }
  }

  #done(kind: Kind, change: Change, account: Account, message: MessageKey): void {
    this.#access.changed(change, account, message);
    this.#close(kind);
  }

  async #handleNickname(event: Event, account: Account): Promise<void> {
    event.preventDefault();
    const nickname = this.#fields['nickname']?.trim() ?? '';
    if (nickname.length > 40) return this.#failFields({ nickname: 'too_long' });
    if (nickname === (account.nickname ?? '')) return this.#close('nickname');
    await this.#write('nickname', async (client) => {
      const body = { nickname: nickname || null };
      const updated = await client.call(updateAccount, { params: { number: account.number }, body });
      this.#done('nickname', 'update', updated, 'accounts.nickname.saved');
    });
  }

  async #handleXml(event: Event, account: Account): Promise<void> {
    event.preventDefault();
    const enrolled = this.#fields['xml-enrolled'] === 'true';
    if (enrolled === account.xmlEnrolled) return this.#close('xml');
    await this.#write('xml', async (client) => {
      const updated = await client.call(setXmlEnrollment, { params: { number: account.number }, body: { enrolled } });
      this.#done('xml', 'xml', updated, enrolled ? 'accounts.xml.savedOn' : 'accounts.xml.savedOff');
    });
  }

  async #handleAdd(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    const proof = proofOf(this.#context());
    const errors = checkAdd(proof);
    if (Object.keys(errors).length) return this.#failFields(errors);
    await this.#write('add', async (client) => {
      const account = await client.call(addAccount, { body: proof });
      this.#done('add', 'add', account, 'accounts.added');
    });
  }

  async #handleCancel(event: Event, account: Account): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    const { body, errors } = readCancel(this.#context());
    if (!body) return this.#failFields(errors);
    await this.#write('cancel', async (client) => {
      await client.call(cancelEnrollment, { params: { number: account.number }, body });
      this.#done('cancel', 'cancel', account, 'accounts.cancelled');
    });
  }

  // ── render ────────────────────────────────────────────────────────────

  /** The four dialogs; only the open one has content. */
  render(): TemplateResult {
    return html`${KINDS.map(
      (kind) =>
        html`<dialog
          id="dialog-${kind}"
          class="dialog"
          part="dialog"
          aria-labelledby="${kind}-title"
          aria-describedby=${kind === 'nickname' ? nothing : `${kind}-text`}
          @close=${() => void this.#handleClosed(kind)}
        >
          ${this.#kind === kind ? this.#renderContent(kind) : nothing}
        </dialog>`,
    )}`;
  }

  #renderContent(kind: Kind): TemplateResult | typeof nothing {
    const ctx = this.#context();
    const summary = renderErrorSummary(ctx.i18n.t('accounts.summary.title'), this.#summary);
    if (kind === 'add') {
      return renderAdd({
        ctx,
        busy: this.#busy,
        summary,
        onSubmit: (event) => void this.#handleAdd(event),
        onCancel: () => this.#close('add'),
      });
    }
    const account = this.#account;
    if (!account) return nothing;
    if (kind === 'cancel') {
      return renderCancel({
        ctx,
        account,
        busy: this.#busy,
        summary,
        onSubmit: (event) => void this.#handleCancel(event, account),
        onKeep: () => this.#close('cancel'),
      });
    }
    const { i18n } = ctx;
    const params = { number: account.number };
    const submit = (label: MessageKey, busy: MessageKey) =>
      html`<div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.#close(kind)}>${i18n.t('accounts.close')}</button>
        <button type="submit" class="button primary" aria-disabled=${this.#busy ? 'true' : 'false'}>
          ${i18n.t(this.#busy ? busy : label)}
        </button>
      </div>`;
    if (kind === 'nickname') {
      return html`<form class="dialog-form" novalidate @submit=${(e: Event) => void this.#handleNickname(e, account)}>
        <h3 id="nickname-title">${i18n.t('accounts.nickname.title', params)}</h3>
        <p class="hint">${account.name}</p>
        ${summary}
        ${renderField(ctx, 'nickname', 'accounts.nickname.label', {
          hint: 'accounts.nickname.hint',
          maxlength: 40,
          autofocus: true,
        })}
        ${submit('accounts.nickname.save', 'accounts.nickname.busy')}
      </form>`;
    }
    return html`<form class="dialog-form" novalidate @submit=${(e: Event) => void this.#handleXml(e, account)}>
      <h3 id="xml-title">${i18n.t('accounts.xml.title', params)}</h3>
      <p id="xml-text">${i18n.t('accounts.xml.text')}</p>
      ${summary} ${renderCheckbox(ctx, 'xml-enrolled', i18n.t('accounts.xml.label', params))}
      ${submit('accounts.xml.save', 'accounts.xml.busy')}
    </form>`;
  }
}

/** When the attempt lock ends, in the user's locale: the server's instant, else now plus `Retry-After`. */
function lockEnd(i18n: I18n, error: { detail: string | undefined; retryAfter: number | undefined }): string {
  let end = Date.parse(error.detail ?? '');
  if (Number.isNaN(end)) end = Date.now() + (error.retryAfter ?? 0) * 1000;
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(end);
}
