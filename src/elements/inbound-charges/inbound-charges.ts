import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isBillingApiError } from '../../api/errors.js';
import {
  addInboundException,
  getInboundCharges,
  importInboundExceptions,
  listInboundCharges,
  removeInboundException,
  updateInboundCharges,
} from '../../api/endpoints/inbound-charges.js';
import type {
  ImportReport,
  InboundChargeSettings,
  InboundChargeSummary,
  InboundException,
  InboundRule,
} from '../../api/schemas/inbound-charges.js';
import type { UpsInboundChargesChangeEvent } from '../../events/inbound-charges-change.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { renderField, summaryItems, type FieldContext } from '../../internal/fields.js';
import type { I18n } from '../../internal/i18n.js';
import { renderLoadFailure, renderLoading } from '../../internal/load-views.js';
import { Rewording } from '../../internal/rewording.js';
import { dialogStyles, errorSummaryStyles, fieldStyles } from '../../internal/styles.js';
import { inboundChargesMessages } from '../../locales/inbound-charges.js';
import { renderImport } from './inbound-charges-import.js';
import { checkAdd, checkImport, fieldMessage, renderExceptions, renderRule } from './inbound-charges-settings.js';
import { inboundChargesStyles } from './inbound-charges.styles.js';

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');
/** The server's field paths → the element's fields. */
const FIELD_OF: Record<string, string> = { shipperAccount: 'shipper', note: 'note', csv: 'csv' };
/** A failure in words: messages by field, and those tied to none. */
type Failure = (i18n: I18n) => { errors: Record<string, string>; general?: string[] };

type Busy = 'save' | 'add' | 'remove' | 'check' | 'import' | null;
type Form = 'settings' | 'add' | 'import';
type Change = UpsInboundChargesChangeEvent['detail'];

/**
 * Manage Inbound Charges ("frais internes"): for one of the accounts the
 * user sees, whether charges that other shippers bill to it are accepted or
 * refused by default, whether UPS contacts the company before billing one,
 * and the shipper accounts that are exceptions to the default — added one by
 * one, removed after a confirmation, or imported from a CSV file whose bad
 * rows are shown by line before anything is written. Administrators, and
 * managers for their accounts, change them; other roles see them read-only.
 *
 * @summary Per account: default rule for inbound charges, "contact me before billing", exceptions, CSV import.
 * @fires ups-inbound-charges-change - Settings, an exception or an import were saved. `detail: { action: 'update' | 'add' | 'remove' | 'import', accountNumber, defaultRule, contactBeforeBilling, shipperAccounts }`.
 * @csspart account - The account chooser.
 * @csspart settings - The default rule and the "contact me" toggle.
 * @csspart exceptions - The list of exceptions.
 * @csspart add - The form that adds one exception.
 * @csspart import - The CSV import.
 * @csspart import-preview - What the server read in the file, before the user confirms.
 * @csspart dialog - The confirmation to remove an exception.
 * @csspart error-summary - The list of problems at the top of a form.
 * @cssprop --ups-inbound-charges-max-width - Widest the element grows (default 56rem).
 */
export class UpsInboundCharges extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    fieldStyles,
    errorSummaryStyles,
    dialogStyles,
    inboundChargesStyles,
  ];
  static override messages = [...UpsBillingElement.messages, inboundChargesMessages];

  readonly #accounts = new Task(this, {
    task: async ([client, signedIn], { signal }): Promise<InboundChargeSummary[] | null> =>
      client && signedIn ? (await client.call(listInboundCharges, {}, { signal })).items : null,
    args: () => [this.billing?.client, this.billing?.session.status === 'ready'] as const,
  });

  readonly #settings = new Task(this, {
    task: async ([client, number], { signal }): Promise<InboundChargeSettings | null> =>
      client && number ? client.call(getInboundCharges, { params: { number } }, { signal }) : null,
    args: () => [this.billing?.client, this.#accountNumber()] as const,
  });

  /** The account the user picked here; the `account` property resets it. */
  @state() private chosen: string | null = null;
  /** The rule and toggle as the user set them, before Save; null while they are as saved. */
  @state() private draftRule: InboundRule | null = null;
  @state() private draftContact: boolean | null = null;
  @state() private fields: Record<string, string> = {};
  @state() private errors: Record<string, string> = {};
  /** Which form's problems the summary lists: one form at a time is being submitted. */
  @state() private summaryFor: Form | null = null;
  @state() private summary: SummaryItem[] = [];
  @state() private busy: Busy = null;
  @state() private report: ImportReport | null = null;
  /** The exception whose removal waits for confirmation. */
  @state() private removing: InboundException | null = null;
  @state() private announcement = '';
  @state() private alert = '';

  /**
   * The account number to show. By default the first account the user sees;
   * setting it replaces the account the user last chose.
   */
  @property() account: string | undefined;

  #submitted = new Set<Form>();
  #focus: 'summary' | 'preview' | null = null;
  /** The failure of the last submit, which the summary lists. */
  #failure: Failure | null = null;
  /** After it, the field messages as the user corrects the form (the values then taken), or null. */
  #recheck: ((i18n: I18n) => Record<string, string>) | null = null;
  /** The failure on screen, worded again when the locale or the overrides change. */
  readonly #rewording = new Rewording(() => ({ i18n: this.i18n, messages: this.billing?.messages }));
  /** The same for the alert. */
  readonly #alertWording = new Rewording(() => ({ i18n: this.i18n, messages: this.billing?.messages }));
  #remover: HTMLElement | null = null;

  #ctx: FieldContext = {
    i18n: this.i18n,
    value: (id) => this.fields[id] ?? '',
    error: (id) => this.errors[id],
    onInput: (id, event) => this.#handleInput(id, event),
  };

  #accountNumber(): string | null {
    const items = this.#accounts.value;
    if (!items?.length) return null;
    const wanted = this.chosen ?? this.account?.toUpperCase();
    return items.find((a) => a.accountNumber === wanted)?.accountNumber ?? items[0]!.accountNumber;
  }

  #canWrite(): boolean {
    const session = this.billing?.session;
    // Mirrors the server's `inbound:write`; the server still decides, and the
    // list holds only accounts in the caller's scope.
    return session?.status === 'ready' && ['administrator', 'manager'].includes(session.session.user.role ?? '');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#ctx.i18n = this.i18n;
    // The same failure in new words: no new failure, so the focus stays where the user is.
    this.#rewording.refresh();
    this.#alertWording.refresh();
    if (changed.has('account') && this.hasUpdated) this.#chooseAccount(null);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState(
      'loading',
      this.#accounts.status === TaskStatus.PENDING || this.#settings.status === TaskStatus.PENDING,
    );
    this.toggleState('busy', this.busy !== null);
    this.toggleState('read-only', this.billing?.session.status === 'ready' && !this.#canWrite());
    const focus = this.#focus;
    this.#focus = null;
    if (focus === 'summary') focusErrorSummary(this.shadowRoot);
    if (focus === 'preview') this.renderRoot.querySelector<HTMLElement>('.preview')?.focus();
  }

  // ── handlers ──────────────────────────────────────────────────────────

  #chooseAccount(number: string | null): void {
    this.chosen = number;
    this.draftRule = null;
    this.draftContact = null;
    this.fields = {};
    this.#clearErrors();
    this.#submitted.clear();
    this.report = null;
    this.#setAlert(null);
  }

  #clearErrors(): void {
    this.#rewording.clear();
    this.#failure = null;
    this.#recheck = null;
    this.errors = {};
    this.summary = [];
    this.summaryFor = null;
  }

  /** Shows the alert `word` words (and words it again in a new locale), or none. */
  #setAlert(word: ((i18n: I18n) => string) | null): void {
    if (!word) {
      this.#alertWording.clear();
      this.alert = '';
    } else this.#alertWording.show((i18n) => (this.alert = word(i18n)));
  }

  #handleInput(id: string, event: Event): void {
    this.fields = { ...this.fields, [id]: (event.target as HTMLInputElement).value };
    // A preview describes the text it was made from: new text, no preview.
    if (id === 'csv') this.report = null;
    // Validate on change only once the form was submitted (GOV.UK).
    const form: Form = id === 'csv' ? 'import' : 'add';
    if (this.#submitted.has(form) && this.summaryFor === form) {
      const fields = this.fields;
      this.#recheck = (i18n) => (form === 'add' ? checkAdd(i18n, fields) : checkImport(i18n, fields));
      this.#word(form, false);
    }
  }

  async #handleFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      // The file's rows go into the text area: the user sees what is checked, and may correct it.
      this.#handleInput('csv', { target: { value: await file.text() } } as unknown as Event);
    } catch {
      this.#fail('import', (i18n) => ({ errors: { csv: i18n.t('inbound.import.unreadable') } }));
    }
  }

  /** Shows what `failure` words: messages by their fields and, with those tied to none, in `form`'s summary. */
  #fail(form: Form, failure: Failure): void {
    this.#failure = failure;
    this.#recheck = null;
    this.#word(form, true);
  }

  /**
   * Words the failure on screen — and again when the messages change:
   * `focus` for a new one, whose summary takes the focus.
   */
  #word(form: Form, focus: boolean): void {
    const failure = this.#failure;
    const recheck = this.#recheck;
    if (!failure) return;
    this.#rewording.show((i18n, again) => {
      const { errors, general = [] } = failure(i18n);
      const shown = recheck ? recheck(i18n) : errors;
      this.errors = shown;
      this.summaryFor = form;
      // The summary reads the labels once the fields are in the DOM (in the new words), and takes the focus once it shows.
      void this.updateComplete.then(() => {
        if (this.errors !== shown) return;
        this.summary = [...general.map((message) => ({ message })), ...summaryItems(this.renderRoot, errors)];
        if (focus && !again) this.#focus = 'summary';
      });
    });
  }

  /** Maps a refusal to field messages when it names fields, else to one message in the summary. */
  #refused(form: Form, error: unknown): void {
    const code = codeOf(error);
    const fieldErrors = isBillingApiError(error) ? error.fieldErrors : {};
    this.#fail(form, (i18n) => {
      const errors: Record<string, string> = {};
      for (const [path, fieldCode] of Object.entries(fieldErrors)) {
        const id = FIELD_OF[path];
        if (id) errors[id] = fieldMessage(i18n, fieldCode);
      }
      if (Object.keys(errors).length) return { errors };
      let message: string;
      if (code === 'too_many_exceptions') {
        const room = isBillingApiError(error) ? Number(error.detail) : NaN;
        message = i18n.t('inbound.error.too_many_exceptions', {
          room: i18n.number(Number.isFinite(room) ? room : 0),
        });
      } else if (code === 'exception_exists') message = i18n.t('inbound.error.exception_exists');
      else message = i18n.error(code);
      return { errors: {}, general: [message] };
    });
  }

  #changed(action: Change['action'], settings: InboundChargeSettings, shippers: string[], message: string): void {
    this.announcement = message;
    emit<Change>(this, 'ups-inbound-charges-change', {
      action,
      accountNumber: settings.accountNumber,
      defaultRule: settings.defaultRule,
      contactBeforeBilling: settings.contactBeforeBilling,
      shipperAccounts: shippers,
    });
  }

  async #handleSave(event: Event): Promise<void> {
    event.preventDefault();
    const current = this.#settings.value;
    if (this.busy || !current) return;
    this.busy = 'save';
    this.#setAlert(null);
    this.#clearErrors();
    try {
      const saved = await this.billing!.client.call(updateInboundCharges, {
        params: { number: current.accountNumber },
        body: {
          defaultRule: this.draftRule ?? current.defaultRule,
          contactBeforeBilling: this.draftContact ?? current.contactBeforeBilling,
        },
      });
      this.draftRule = null;
      this.draftContact = null;
      await this.#reload();
      this.#changed('update', saved, [], this.i18n.t('inbound.saved', { number: saved.accountNumber }));
    } catch (error) {
      this.#refused('settings', error);
    } finally {
      this.busy = null;
    }
  }

  async #handleAdd(event: Event): Promise<void> {
    event.preventDefault();
    const number = this.#settings.value?.accountNumber;
    if (this.busy || !number) return;
    this.#submitted.add('add');
    this.#setAlert(null);
    const fields = this.fields;
    if (Object.keys(checkAdd(this.i18n, fields)).length)
      return this.#fail('add', (i18n) => ({ errors: checkAdd(i18n, fields) }));
    this.#clearErrors();
    this.busy = 'add';
    const shipperAccount = this.fields['shipper']!.trim().toUpperCase();
    const note = (this.fields['note'] ?? '').trim();
    try {
      await this.billing!.client.call(addInboundException, {
        params: { number },
        body: { shipperAccount, note: note || null },
      });
      this.fields = {};
      this.#submitted.delete('add');
      const settings = await this.#reload();
      if (settings)
        this.#changed('add', settings, [shipperAccount], this.i18n.t('inbound.added', { shipper: shipperAccount }));
    } catch (error) {
      this.#refused('add', error);
    } finally {
      this.busy = null;
    }
  }

  async #handleRemoveOpen(exception: InboundException, opener: HTMLElement): Promise<void> {
    this.#setAlert(null);
    this.#remover = opener;
    this.removing = exception;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog#remove');
    if (dialog && !dialog.open) dialog.showModal();
  }

  #handleRemoveClosed(): void {
    this.removing = null;
    // The row's button is gone after a removal: the add field is the nearest place to go on.
    const next = this.#remover?.isConnected
      ? this.#remover
      : (this.renderRoot.querySelector<HTMLElement>('#shipper') ??
        this.renderRoot.querySelector<HTMLElement>('#exceptions-title'));
    this.#remover = null;
    void this.updateComplete.then(() => next?.focus());
  }

  async #handleRemove(event: Event): Promise<void> {
    event.preventDefault();
    const exception = this.removing;
    const number = this.#settings.value?.accountNumber;
    if (this.busy || !exception || !number) return;
    this.busy = 'remove';
    const shipper = exception.shipperAccount;
    try {
      await this.billing!.client.call(removeInboundException, { params: { number, shipper } });
      const settings = await this.#reload();
      if (settings) this.#changed('remove', settings, [shipper], this.i18n.t('inbound.removed', { shipper }));
    } catch (error) {
      if (codeOf(error) === 'not_found') {
        this.#setAlert((i18n) => i18n.t('inbound.error.not_found'));
        await this.#reload();
      } else {
        const code = codeOf(error);
        this.#setAlert((i18n) => i18n.error(code));
      }
    } finally {
      this.busy = null;
      this.renderRoot.querySelector<HTMLDialogElement>('dialog#remove')?.close();
    }
  }

  async #handleCheck(event: Event | null, notice: ((i18n: I18n) => string) | null = null): Promise<void> {
    event?.preventDefault();
    const number = this.#settings.value?.accountNumber;
    if ((this.busy && this.busy !== 'import') || !number) return;
    this.#submitted.add('import');
    this.#setAlert(null);
    const fields = this.fields;
    if (Object.keys(checkImport(this.i18n, fields)).length)
      return this.#fail('import', (i18n) => ({ errors: checkImport(i18n, fields) }));
    this.#clearErrors();
    this.busy = 'check';
    this.report = null;
    try {
      this.report = await this.billing!.client.call(importInboundExceptions, {
        params: { number },
        body: { csv: this.fields['csv']!, commit: false },
      });
      this.#focus = 'preview';
      if (notice) this.#setAlert(notice);
    } catch (error) {
      this.#refused('import', error);
    } finally {
      this.busy = null;
    }
  }

  async #handleConfirm(): Promise<void> {
    const number = this.#settings.value?.accountNumber;
    const report = this.report;
    if (this.busy || !number || !report) return;
    this.busy = 'import';
    try {
      const done = await this.billing!.client.call(importInboundExceptions, {
        params: { number },
        body: { csv: this.fields['csv']!, commit: true, goodRows: report.good.length },
      });
      this.report = null;
      this.fields = {};
      this.#submitted.delete('import');
      const settings = await this.#reload();
      if (settings) {
        this.#changed(
          'import',
          settings,
          done.good.map((row) => row.shipperAccount),
          this.i18n.plural('inbound.imported', done.added),
        );
      }
      this.renderRoot.querySelector<HTMLElement>('#exceptions-title')?.focus();
    } catch (error) {
      this.busy = null;
      // Someone changed the list since the check: what the user confirmed is no longer true. Check again.
      if (codeOf(error) === 'import_changed') await this.#handleCheck(null, (i18n) => i18n.t('inbound.import.changed'));
      else this.#refused('import', error);
    } finally {
      this.busy = null;
    }
  }

  #handleCancelImport(): void {
    this.report = null;
    this.announcement = this.i18n.t('inbound.import.cancelled');
    this.renderRoot.querySelector<HTMLElement>('#csv')?.focus();
  }

  /** Loads the account's settings again after a write, and returns them. */
  async #reload(): Promise<InboundChargeSettings | null> {
    await this.#settings.run();
    return this.#settings.value ?? null;
  }

  /** Loads the accounts and the shown account's settings again. */
  refresh(): void {
    void this.#accounts.run();
    void this.#settings.run();
  }

  // ── render ────────────────────────────────────────────────────────────

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (session.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return this.#renderError(session.code);
    return html`<section class="inbound" aria-labelledby="title">
      <h2 id="title">${i18n.t('inbound.title')}</h2>
      <p class="intro">${i18n.t('inbound.intro')}</p>
      ${session.status === 'ready' && !this.#canWrite() ? html`<p class="hint">${i18n.t('inbound.readOnly')}</p>` : nothing}
      <p class="alert" role="alert">${this.alert}</p>
      ${this.#accounts.render({
        initial: () => this.#renderLoading(),
        pending: () => (this.#accounts.value ? this.#renderAccounts(this.#accounts.value) : this.#renderLoading()),
        complete: (items) => (items ? this.#renderAccounts(items) : this.#renderLoading()),
        error: (error) => this.#renderError(codeOf(error)),
      })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.#renderRemoveDialog()}
    </section>`;
  }

  #renderLoading(): TemplateResult {
    return renderLoading(this.i18n.t('inbound.loading'));
  }

  #renderError(code: string): TemplateResult {
    return renderLoadFailure(this.i18n, this.i18n.t('inbound.error'), code, () => this.refresh());
  }

  #renderAccounts(items: readonly InboundChargeSummary[]): TemplateResult {
    const { i18n } = this;
    if (!items.length) return html`<p class="notice empty">${i18n.t('inbound.noAccounts')}</p>`;
    const current = this.#accountNumber();
    return html`<div class="field account" part="account">
        <label for="account">${i18n.t('inbound.account')}</label>
        <select
          id="account"
          @change=${(event: Event) => this.#chooseAccount((event.target as HTMLSelectElement).value)}
        >
          ${items.map(
            (a) =>
              html`<option value=${a.accountNumber} ?selected=${a.accountNumber === current}>
                ${i18n.t('inbound.accountOption', { number: a.accountNumber, name: a.nickname ?? a.accountName })}
              </option>`,
          )}
        </select>
      </div>
      ${this.#settings.render({
        initial: () => this.#renderLoading(),
        pending: () => {
          const value = this.#settings.value;
          return value && value.accountNumber === current ? this.#renderSettings(value, true) : this.#renderLoading();
        },
        complete: (settings) => (settings ? this.#renderSettings(settings, false) : this.#renderLoading()),
        error: (error) => this.#renderError(codeOf(error)),
      })}`;
  }

  #renderSettings(settings: InboundChargeSettings, pending: boolean): TemplateResult {
    const canWrite = this.#canWrite();
    return html`<div class="account-settings" aria-busy=${pending ? 'true' : 'false'}>
      ${renderRule({
        i18n: this.i18n,
        settings,
        canWrite,
        rule: this.draftRule ?? settings.defaultRule,
        contact: this.draftContact ?? settings.contactBeforeBilling,
        saving: this.busy === 'save',
        summary: this.#renderSummary('settings'),
        onRule: (rule) => (this.draftRule = rule),
        onContact: (contact) => (this.draftContact = contact),
        onSave: (event) => void this.#handleSave(event),
      })}
      ${renderExceptions({
        i18n: this.i18n,
        settings,
        canWrite,
        onRemove: (exception, opener) => void this.#handleRemoveOpen(exception, opener),
      })}
      ${canWrite ? this.#renderAdd(settings) : nothing}
      ${
        canWrite
          ? renderImport({
              ctx: this.#ctx,
              report: this.report,
              busy: this.busy === 'check' || this.busy === 'import' ? this.busy : null,
              summary: this.#renderSummary('import'),
              onFile: (event) => void this.#handleFile(event),
              onCheck: (event) => void this.#handleCheck(event),
              onConfirm: () => void this.#handleConfirm(),
              onCancel: () => this.#handleCancelImport(),
            })
          : nothing
      }
    </div>`;
  }

  #renderSummary(form: Form): TemplateResult | typeof nothing {
    return this.summaryFor === form ? renderErrorSummary(this.i18n.t('inbound.summary.title'), this.summary) : nothing;
  }

  #renderAdd(settings: InboundChargeSettings): TemplateResult {
    const { i18n } = this;
    return html`<section class="add" part="add" aria-labelledby="add-title">
      <h3 id="add-title">${i18n.t('inbound.add.title')}</h3>
      <form class="add-form" novalidate @submit=${(event: Event) => void this.#handleAdd(event)}>
        ${this.#renderSummary('add')}
        <p class="hint">${i18n.t(`inbound.exceptions.${settings.defaultRule}`)}</p>
        ${renderField(this.#ctx, 'shipper', 'inbound.add.shipper', { hint: 'inbound.add.shipperHint' })}
        ${renderField(this.#ctx, 'note', 'inbound.add.note', { hint: 'inbound.add.noteHint' })}
        <div class="actions">
          <button type="submit" class="button primary" aria-disabled=${this.busy === 'add' ? 'true' : 'false'}>
            ${i18n.t(this.busy === 'add' ? 'inbound.add.busy' : 'inbound.add.submit')}
          </button>
        </div>
      </form>
    </section>`;
  }

  #renderRemoveDialog(): TemplateResult {
    const { i18n } = this;
    const exception = this.removing;
    const rule = this.#settings.value?.defaultRule ?? 'accept';
    const shipper = exception?.shipperAccount ?? '';
    return html`<dialog
      id="remove"
      class="dialog"
      part="dialog"
      aria-labelledby="remove-title"
      aria-describedby="remove-text"
      @close=${() => this.#handleRemoveClosed()}
    >
      ${
        exception
          ? html`<form class="dialog-form" novalidate @submit=${(event: Event) => void this.#handleRemove(event)}>
              <h3 id="remove-title">${i18n.t('inbound.remove.title', { shipper })}</h3>
              <p id="remove-text">${i18n.t(`inbound.remove.${rule}`, { shipper })}</p>
              <div class="dialog-actions">
                <button
                  type="button"
                  class="button"
                  autofocus
                  @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('dialog#remove')?.close()}
                >
                  ${i18n.t('inbound.remove.keep')}
                </button>
                <button
                  type="submit"
                  class="button primary danger"
                  aria-disabled=${this.busy === 'remove' ? 'true' : 'false'}
                >
                  ${i18n.t(this.busy === 'remove' ? 'inbound.remove.busy' : 'inbound.remove.confirm')}
                </button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }
}
