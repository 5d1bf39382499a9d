/**
 * The AutoPay form of <ups-autopay>, in a modal dialog: creating a rule or
 * changing one, with the agreement to accept and a live preview of the next
 * run. A controller, so the element keeps the list and this keeps the form.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BillingClient } from '../../api/client.js';
import {
  createAutopayRule,
  getAutopayAgreement,
  previewAutopayRule,
  updateAutopayRule,
} from '../../api/endpoints/autopay.js';
import { listPaymentMethods } from '../../api/endpoints/wallet.js';
import { isBillingApiError } from '../../api/errors.js';
import type { AutopayAgreement, AutopayPreview, AutopayRule, AutopayRuleRequest } from '../../api/schemas/autopay.js';
import type { MethodSummary } from '../../api/schemas/invoice.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { loadLocale, registerMessages, type I18n } from '../../internal/i18n.js';
import { Rewording } from '../../internal/rewording.js';
import { fieldStyles } from '../../internal/styles.js';
import { autopayFormMessages } from '../../locales/autopay-form.js';
import { ruleFormStyles as formStyles } from './autopay-form.styles.js';
import { scopeKey, scopeLabel, type ScopeInfo } from './autopay-format.js';
import {
  EMPTY_DRAFT,
  FIELDS,
  checkDraft,
  draftOf,
  problemErrors,
  scopeOf,
  usableMethods,
  type CheckContext,
  type Draft,
  type Field,
  type FieldErrors,
} from './autopay-rule-check.js';
import { renderRuleFields, type ShownAgreement } from './autopay-rule-fields.js';
import { renderPreview } from './autopay-rule-preview.js';

/** What the form adds to the element's styles when it loads. */
export const ruleFormStyles = [fieldStyles, formStyles];

/** How long typing may pause before the preview asks the server. */
const PREVIEW_DELAY_MS = 300;

export type Opened = { mode: 'create'; scopes: readonly ScopeInfo[] } | { mode: 'edit'; rule: AutopayRule };

export interface RuleFormOptions {
  i18n: () => I18n;
  client: () => BillingClient | undefined;
  /** The currency of a scope the form does not list (the company's). */
  fallbackCurrency: () => string;
  walletHref: () => string | null;
  onSaved: (action: 'create' | 'update', rule: AutopayRule) => void;
  /** The server knows rules the list does not show yet. */
  onStale: () => void;
  /** The dialog closed; `saved` when it closed on a save. Focus goes back to `opener` unless the element moves it. */
  onClosed: (saved: boolean, opener: HTMLElement | null) => void;
}

/** Which field a change of the draft touches, so a server message about it goes away when it changes. */
const TOUCHES: Record<keyof Draft, Field> = {
  scope: 'scope',
  methodId: 'method',
  amountType: 'maximum',
  maximum: 'maximum',
  scheduleType: 'days',
  days: 'days',
  weekday: 'weekday',
  untilType: 'until',
  until: 'until',
  accepted: 'accept',
};

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

export class RuleFormController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: RuleFormOptions;

  opened: Opened | null = null;
  draft: Draft = EMPTY_DRAFT;
  busy = false;
  #errors: FieldErrors = {};
  #general: string[] = [];
  /** The server's refusal of the last save, in any messages; null when there is none. */
  #server: ((i18n: I18n) => { fields: FieldErrors; general: string[] }) | null = null;
  /** Fields whose server message went when they changed (the others stay until the next save). */
  #dropped = new Set<Field>();
  /** What the form's own check is about: the draft as last checked (from the first save on), else null. */
  #checked: { draft: Draft; context: Omit<CheckContext, 'i18n'> } | null = null;
  /** The failure on screen, worded again when the locale or the overrides change. */
  readonly #rewording: Rewording;
  #submitted = false;
  #methodTouched = false;
  #saved = false;
  #opener: HTMLElement | null = null;
  #focusSummary = false;
  #pendingFocus: Field | null = null;
  #agreementLoads = 0;

  readonly #wallet: Task<readonly [BillingClient | undefined, boolean], WalletMethod[] | undefined>;
  readonly #agreement: Task<readonly [BillingClient | undefined, boolean, number], AutopayAgreement | undefined>;
  readonly #preview: Task<readonly [BillingClient | undefined, string | null], AutopayPreview | null>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RuleFormOptions) {
    this.#host = host;
    this.#options = options;
    // The element's provider gives the overrides: new ones word the failure again too.
    const billing = () => (host as { billing?: { messages?: unknown } }).billing;
    this.#rewording = new Rewording(() => ({ i18n: options.i18n(), messages: billing()?.messages }));
    registerMessages(autopayFormMessages);
    host.addController(this);
    // Loaded each time the form opens: the wallet may have changed since.
    this.#wallet = new Task(host, {
      task: async ([client, open], { signal }) =>
        client && open ? (await client.call(listPaymentMethods, {}, { signal })).items : undefined,
      args: () => [options.client(), this.opened !== null] as const,
      onComplete: (wallet) => this.#pickDefaultMethod(wallet),
    });
    this.#agreement = new Task(host, {
      task: async ([client, open], { signal }) =>
        client && open ? client.call(getAutopayAgreement, {}, { signal }) : undefined,
      args: () => [options.client(), this.opened !== null, this.#agreementLoads] as const,
    });
    // A new run aborts the one before: only the latest draft's preview is asked for, and shown.
    this.#preview = new Task(host, {
      task: async ([client, key], { signal }) => {
        if (!client || !key) return null;
        await delay(PREVIEW_DELAY_MS, signal);
        return client.call(previewAutopayRule, { body: JSON.parse(key) as AutopayRuleRequest }, { signal });
      },
      args: () => [options.client(), this.#previewKey()] as const,
    });
  }

  hostUpdate(): void {
    // The same failure in new words: no new failure, so the focus stays where the user is.
    this.#rewording.refresh();
  }

  hostUpdated(): void {
    if (this.#focusSummary) {
      this.#focusSummary = false;
      focusErrorSummary(this.#host.shadowRoot);
    }
    if (this.#pendingFocus && this.#focus(this.#pendingFocus)) this.#pendingFocus = null;
  }

  #context(): CheckContext {
    const opened = this.opened;
    return {
      i18n: this.#options.i18n(),
      scopes: !opened ? [] : opened.mode === 'create' ? opened.scopes : [opened.rule.scope],
      fallbackCurrency: this.#options.fallbackCurrency(),
      wallet: this.#wallet.value,
      keptMethodId: this.#kept()?.id ?? null,
      agreementVersion: this.#agreement.value?.version,
    };
  }

  /** The method an active rule pays with: it may stay, even if it is another user's. */
  #kept(): { id: string; method: MethodSummary } | null {
    const opened = this.opened;
    if (opened?.mode !== 'edit') return null;
    const { rule } = opened;
    return rule.status === 'active' && rule.methodId && rule.method ? { id: rule.methodId, method: rule.method } : null;
  }

  #previewKey(): string | null {
    if (!this.opened) return null;
    const { request } = checkDraft(this.draft, this.#context(), { preview: true });
    return request ? JSON.stringify(request) : null;
  }

  #pickDefaultMethod(wallet: WalletMethod[] | undefined): void {
    if (!wallet || this.#methodTouched || this.draft.methodId) return;
    const usable = usableMethods(wallet);
    const pick = usable.find((method) => method.isDefault) ?? usable[0];
    if (pick) this.#change({ methodId: pick.id }, false);
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLDialogElement>('dialog#rule-form') ?? null;
  }

  /** Moves focus to a field; false while it is not on screen yet (the wallet still loading). */
  #focus(field: Field): boolean {
    const root = this.#host.shadowRoot!;
    let target: HTMLElement | null;
    if (field === 'method') {
      target =
        root.querySelector<HTMLInputElement>('input[name=method]:checked:not(:disabled)') ??
        root.querySelector<HTMLInputElement>('input[name=method]:not(:disabled)') ??
        (this.#wallet.value ? root.querySelector<HTMLElement>('#method a, #method') : null);
    } else if (field === 'accept') target = root.querySelector<HTMLElement>('#accept, .agreement-block button');
    else target = root.querySelector<HTMLElement>(`#${field}`);
    target?.focus();
    return Boolean(target);
  }

  /** Opens the dialog on a new rule or on `rule`, focus on `focus` or on the first field. */
  async show(opened: Opened, opener: HTMLElement | null, focus?: Field): Promise<void> {
    const i18n = this.#options.i18n();
    // The form's messages came with it: the user's language first, then the form.
    await loadLocale(i18n.locale);
    this.opened = opened;
    this.draft =
      opened.mode === 'edit'
        ? draftOf(opened.rule, i18n.locale)
        : { ...EMPTY_DRAFT, scope: opened.scopes.length === 1 ? scopeKey(opened.scopes[0]!) : '' };
    // Editing keeps the rule's method; a suspended rule's user chooses one deliberately, nothing is preselected.
    this.#methodTouched = opened.mode === 'edit';
    this.#errors = {};
    this.#general = [];
    this.#server = null;
    this.#dropped.clear();
    this.#checked = null;
    this.#rewording.clear();
    this.#submitted = false;
    this.#saved = false;
    this.#opener = opener;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#dialog()?.showModal();
    this.#pendingFocus = focus ?? (opened.mode === 'create' ? 'scope' : 'method');
    this.#host.requestUpdate();
  }

  close(): void {
    this.#dialog()?.close();
  }

  async #handleClosed(): Promise<void> {
    const saved = this.#saved;
    const opener = this.#opener;
    this.opened = null;
    this.#opener = null;
    this.#pendingFocus = null;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#options.onClosed(saved, opener);
  }

  #change(patch: Partial<Draft>, byUser = true): void {
    this.draft = { ...this.draft, ...patch };
    if (byUser && 'methodId' in patch) this.#methodTouched = true;
    for (const key of Object.keys(patch)) this.#dropped.add(TOUCHES[key as keyof Draft]);
    // After a first attempt, messages follow the values as they change (never before: no error while typing).
    if (this.#submitted) {
      this.#check(this.#context());
      this.#word(false);
    }
    this.#host.requestUpdate();
  }

  /** The draft as it is now is what the form's own messages are about. */
  #check(context: CheckContext): void {
    const { i18n: _, ...rest } = context;
    this.#checked = { draft: this.draft, context: rest };
  }

  /**
   * Shows what is wrong as the form knows it — the server's messages left and
   * its own check of the draft — and words it again when the messages change.
   * `focus`: a new failure, whose summary takes the focus.
   */
  #word(focus: boolean): void {
    const server = this.#server;
    const dropped = [...this.#dropped];
    const checked = this.#checked;
    this.#rewording.show((i18n, again) => {
      const refused = server?.(i18n) ?? { fields: {}, general: [] };
      const fields: FieldErrors = { ...refused.fields };
      for (const field of dropped) delete fields[field];
      const local = checked ? checkDraft(checked.draft, { ...checked.context, i18n }).errors : {};
      this.#errors = { ...fields, ...local };
      this.#general = refused.general;
      if (focus && !again) this.#focusSummary = Object.keys(this.#errors).length + this.#general.length > 0;
    });
    this.#host.requestUpdate();
  }

  async #handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const opened = this.opened;
    const client = this.#options.client();
    if (!opened || !client || this.busy) return;
    this.#submitted = true;
    this.#server = null;
    this.#dropped.clear();
    const context = this.#context();
    this.#check(context);
    const { request } = checkDraft(this.draft, context);
    if (!request) return this.#word(true);
    this.busy = true;
    this.#word(true);
    try {
      const rule =
        opened.mode === 'create'
          ? await client.call(createAutopayRule, { body: request })
          : await client.call(updateAutopayRule, { params: { id: opened.rule.id }, body: request });
      this.#saved = true;
      this.#options.onSaved(opened.mode === 'create' ? 'create' : 'update', rule);
      this.close();
    } catch (error) {
      if (!isBillingApiError(error)) {
        this.#server = (i18n) => ({ fields: {}, general: [i18n.error('unknown')] });
        return this.#word(true);
      }
      const currency = scopeOf(this.draft, context)?.currency ?? context.fallbackCurrency;
      const { fields } = problemErrors(context.i18n, error, currency);
      if (error.code === 'agreement_outdated' || fields.accept) {
        // A new version to read: the old acceptance does not carry over.
        this.draft = { ...this.draft, accepted: false };
        this.#agreementLoads++;
      }
      if (error.code === 'autopay_rule_exists' || error.code === 'not_found') this.#options.onStale();
      this.#server = (i18n) => problemErrors(i18n, error, currency);
      this.#word(true);
    } finally {
      this.busy = false;
      this.#host.requestUpdate();
    }
  }

  #shownAgreement(): ShownAgreement | 'loading' | 'error' {
    if (this.#agreement.status === TaskStatus.ERROR) return 'error';
    const agreement = this.#agreement.value;
    if (!agreement || this.#agreement.status === TaskStatus.PENDING) return 'loading';
    const locale = this.#options.i18n().locale;
    const own = agreement.text[locale];
    if (own) return { version: agreement.version, text: own, lang: null };
    const [lang, text] =
      agreement.text['en'] !== undefined
        ? ['en', agreement.text['en']]
        : (Object.entries(agreement.text)[0] ?? ['en', '']);
    return { version: agreement.version, text, lang };
  }

  render(): TemplateResult {
    return html`<dialog
      id="rule-form"
      class="dialog wide"
      part="dialog"
      aria-labelledby="rule-form-title"
      @close=${() => this.#handleClosed()}
    >
      ${this.opened ? this.#renderForm(this.opened) : nothing}
    </dialog>`;
  }

  #renderForm(opened: Opened): TemplateResult {
    const i18n = this.#options.i18n();
    const context = this.#context();
    const scope = scopeOf(this.draft, context);
    const errors = this.#errors;
    const summary: SummaryItem[] = [
      ...FIELDS.filter((field) => errors[field]).map((field) => ({
        message: errors[field]!,
        focus: () => this.#focus(field),
      })),
      ...this.#general.map((message) => ({ message })),
    ];
    return html`<form novalidate part="form" @submit=${(e: Event) => this.#handleSubmit(e)}>
      <h3 id="rule-form-title">
        ${
          opened.mode === 'create'
            ? i18n.t('autopay.form.createTitle')
            : i18n.t('autopay.form.editTitle', { scope: scopeLabel(i18n, opened.rule.scope) })
        }
      </h3>
      ${renderErrorSummary(i18n.t('autopay.form.summary'), summary)}
      <div class="form-body">
        <div class="fields">
          ${renderRuleFields({
            i18n,
            draft: this.draft,
            errors,
            scopes: opened.mode === 'create' ? opened.scopes : null,
            scope,
            wallet: this.#wallet.value,
            kept: this.#kept(),
            walletHref: this.#options.walletHref(),
            agreement: this.#shownAgreement(),
            onChange: (patch) => this.#change(patch),
            onRetryAgreement: () => {
              this.#agreementLoads++;
              this.#host.requestUpdate();
            },
          })}
        </div>
        ${renderPreview(i18n, {
          incomplete: !this.#previewKey(),
          pending: this.#preview.status === TaskStatus.PENDING,
          failed: this.#preview.status === TaskStatus.ERROR,
          preview: this.#preview.value,
        })}
      </div>
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.close()}>${i18n.t('autopay.form.close')}</button>
        <button type="submit" class="button primary" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${
            this.busy
              ? i18n.t('autopay.form.busy')
              : i18n.t(opened.mode === 'create' ? 'autopay.form.save' : 'autopay.form.saveChanges')
          }
        </button>
      </div>
    </form>`;
  }
}
