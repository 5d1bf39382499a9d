/**
 * The dialogs of <ups-accounts> — nickname, XML enrolment, Add account,
 * cancel enrolment — as one controller: their state, their checks, their
 * calls to the API and how a refusal reaches the user (a message by each
 * field, an error summary that takes focus). Loaded on demand with their
 * messages: a page that only lists accounts never carries them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingClient } from '../../api/client.js';
import { isBillingApiError } from '../../api/errors.js';
import { addAccount, cancelEnrollment, setXmlEnrollment, updateAccount } from '../../api/endpoints/accounts.js';
import type { Account } from '../../api/schemas/account.js';
import { INVOICE_PROOF_MAX_AGE_DAYS } from '../../api/schemas/invoice-proof.js';
import { DialogForm, type DialogAccess, type FormHost } from '../../internal/dialog-form.js';
import { renderErrorSummary } from '../../internal/error-summary.js';
import { placeFieldErrors } from '../../internal/field-errors.js';
import { renderCheckbox, renderField } from '../../internal/fields.js';
import { registerMessages, type I18n } from '../../internal/i18n.js';
import { accountsFormMessages } from '../../locales/accounts-forms.js';
import type { MessageKey } from '../../locales/types.js';
import { ADD_FIELDS, checkAdd, fieldMessage, proofOf, renderAdd } from './accounts-add.js';
import { readCancel, renderCancel } from './accounts-cancel.js';
import { problemMessage, type AccountAction } from './accounts-views.js';

registerMessages(accountsFormMessages);

type Kind = AccountAction | 'add';
type Change = 'add' | 'update' | 'xml' | 'cancel';
/** The open dialog, and the account it is about (none for Add). */
type Dialog = { kind: Kind; account: Account | null };

/** What the dialogs need of the accounts element. */
export interface AccountsAccess extends DialogAccess {
  /** A change went through: announce it, tell the host page, reload the list. */
  changed(action: Change, account: Account, message: MessageKey): void;
  /** The account is not (or no longer) visible: say so by the list, and reload it. */
  gone(): void;
}

const KINDS: readonly Kind[] = ['nickname', 'xml', 'add', 'cancel'];

export class AccountDialogs {
  readonly #host: FormHost;
  readonly #access: AccountsAccess;
  /** The open dialog's values and failure; `button.add` takes the focus back where a cancelled account's buttons went. */
  readonly #form: DialogForm<Dialog>;

  constructor(host: FormHost, access: AccountsAccess) {
    this.#host = host;
    this.#access = access;
    this.#form = new DialogForm(host, access, { id: (kind) => `dialog-${kind}`, fallback: 'button.add' });
  }

  get busy(): boolean {
    return this.#form.busy;
  }

  // ── opening and closing ───────────────────────────────────────────────

  /** Opens an account's dialog, filled with the account as listed. */
  open(action: AccountAction, account: Account, opener: HTMLElement): void {
    const fields: Record<string, string> =
      action === 'nickname'
        ? { nickname: account.nickname ?? '' }
        : action === 'xml'
          ? { 'xml-enrolled': String(account.xmlEnrolled) }
          : {};
    void this.#form.open({ kind: action, account }, opener, fields);
  }

  openAdd(opener: HTMLElement): void {
    // The provider's country is the likeliest: most companies add accounts of their own country.
    void this.#form.open({ kind: 'add', account: null }, opener, { country: this.#access.billing()?.country ?? '' });
  }

  // ── errors ────────────────────────────────────────────────────────────

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
    const kind = this.#form.dialog?.kind;
    this.#form.failIn((i18n, again) => {
      const placed = placeFieldErrors(
        codes,
        (path) => {
          const id = kind === 'add' ? (ADD_FIELDS[path] ?? path) : path;
          return root.querySelector(`dialog#dialog-${kind} #${CSS.escape(id)}`) ? id : null;
        },
        (code, path) => fieldMessage(i18n, path, code, params),
      );
      const others = [...loose(i18n), ...placed.loose.map(({ message }) => message)].map((message) => ({ message }));
      this.#form.failFields(placed.errors, others, again);
    });
  }

  #showError(error: unknown, kind: Kind): void {
    if (!isBillingApiError(error)) return this.#failFields({}, (i18n) => [i18n.error('unknown')]);
    const { code, fieldErrors } = error;
    if (code === 'not_found' && kind !== 'add') {
      this.#form.close(kind);
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

  /** Runs a write, its failure shown in `kind`'s dialog. */
  #write(kind: Kind, run: (client: BillingClient) => Promise<void>): Promise<void> {
    return this.#form.write(run, (error) => this.#showError(error, kind));
  }

  #done(kind: Kind, change: Change, account: Account, message: MessageKey): void {
    this.#access.changed(change, account, message);
    this.#form.close(kind);
  }

  async #handleNickname(event: Event, account: Account): Promise<void> {
    event.preventDefault();
    const nickname = this.#form.fields['nickname']?.trim() ?? '';
    if (nickname.length > 40) return this.#failFields({ nickname: 'too_long' });
    if (nickname === (account.nickname ?? '')) return this.#form.close('nickname');
    await this.#write('nickname', async (client) => {
      const body = { nickname: nickname || null };
      const updated = await client.call(updateAccount, { params: { number: account.number }, body });
      this.#done('nickname', 'update', updated, 'accounts.nickname.saved');
    });
  }

  async #handleXml(event: Event, account: Account): Promise<void> {
    event.preventDefault();
    const enrolled = this.#form.fields['xml-enrolled'] === 'true';
    if (enrolled === account.xmlEnrolled) return this.#form.close('xml');
    await this.#write('xml', async (client) => {
      const updated = await client.call(setXmlEnrollment, { params: { number: account.number }, body: { enrolled } });
      this.#done('xml', 'xml', updated, enrolled ? 'accounts.xml.savedOn' : 'accounts.xml.savedOff');
    });
  }

  async #handleAdd(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#form.busy) return;
    const proof = proofOf(this.#form.context());
    const errors = checkAdd(proof);
    if (Object.keys(errors).length) return this.#failFields(errors);
    await this.#write('add', async (client) => {
      const account = await client.call(addAccount, { body: proof });
      this.#done('add', 'add', account, 'accounts.added');
    });
  }

  async #handleCancel(event: Event, account: Account): Promise<void> {
    event.preventDefault();
    if (this.#form.busy) return;
    const { body, errors } = readCancel(this.#form.context());
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
          @close=${() => void this.#form.closed(kind)}
        >
          ${this.#form.dialog?.kind === kind ? this.#renderContent(kind) : nothing}
        </dialog>`,
    )}`;
  }

  #renderContent(kind: Kind): TemplateResult | typeof nothing {
    const ctx = this.#form.context();
    const summary = renderErrorSummary(ctx.i18n.t('accounts.summary.title'), this.#form.summary);
    if (kind === 'add') {
      return renderAdd({
        ctx,
        busy: this.#form.busy,
        summary,
        onSubmit: (event) => void this.#handleAdd(event),
        onCancel: () => this.#form.close('add'),
      });
    }
    const account = this.#form.dialog?.account;
    if (!account) return nothing;
    if (kind === 'cancel') {
      return renderCancel({
        ctx,
        account,
        busy: this.#form.busy,
        summary,
        onSubmit: (event) => void this.#handleCancel(event, account),
        onKeep: () => this.#form.close('cancel'),
      });
    }
    const { i18n } = ctx;
    const params = { number: account.number };
    const submit = (label: MessageKey, busy: MessageKey) =>
      html`<div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.#form.close(kind)}>${i18n.t('accounts.close')}</button>
        <button type="submit" class="button primary" aria-disabled=${this.#form.busy ? 'true' : 'false'}>
          ${i18n.t(this.#form.busy ? busy : label)}
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
