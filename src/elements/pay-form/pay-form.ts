import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BillingClient } from '../../api/client.js';
import { isBillingApiError } from '../../api/errors.js';
import type { Invoice, MethodSummary } from '../../api/schemas/invoice.js';
import type { GuestInvoice, PaymentReceipt, PaymentType, PaymentTypes } from '../../api/schemas/payment.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { CARD_FIELDS, CardFrameController, CardFrameError } from '../../internal/card-frame.js';
import { emit } from '../../internal/emit.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { abaRouting, iban } from '../../internal/validators.js';
import { payFormMessages } from '../../locales/pay-form.js';
import type { MessageKey } from '../../locales/types.js';
import type {} from '../../events/payment.js';
import { payFormStyles } from './pay-form.styles.js';
import { attemptFor, forgetAttempt, pendingAttempt, type Attempt } from './pay-form-attempt.js';
import { renderReceipt } from './pay-form-receipt.js';

type Step = 'identify' | 'details' | 'review' | 'resume' | 'receipt';
type Choice = { kind: 'saved'; id: string } | { kind: 'new'; type: PaymentType };

/** What is paid: the signed-in cart, or the one invoice a guest identified. */
interface Line {
  number: string;
  accountNumber: string;
  dueDate: string;
  type: Invoice['type'];
  amount: number;
  currency: string;
}

const CARD_TYPES = new Set<PaymentType>(['credit_card', 'debit_card', 'card']);
const PAYABLE = new Set(['open', 'past_due', 'payment_returned']);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

let apiModule: Promise<typeof import('./pay-form-api.js')> | undefined;
/** The API module, loaded once for every pay form of the page. */
const api = () => (apiModule ??= import('./pay-form-api.js'));

/**
 * Pays invoices: the signed-in cart (`invoices`), or — with `guest` — one
 * invoice identified by account number, invoice number and amount due or
 * invoice date, with no sign-in. Card details are typed in an isolated frame
 * served by the billing server; this element only ever holds a token.
 *
 * @summary Pay a cart of invoices, or one invoice as a guest, with a receipt.
 * @fires ups-payment-submit - Cancelable, before the payment is sent. `detail: { invoices, total, processingDate, method }`.
 * @fires ups-payment-success - The payment went through or was scheduled. `detail.receipt`.
 * @fires ups-payment-error - The payment was refused or failed. `detail.code`.
 * @csspart card-frame - The isolated card frame.
 * @csspart error-summary - The list of problems at the top.
 * @csspart receipt - The receipt.
 * @cssprop --ups-pay-form-max-width - Largest width of the form (default 44rem).
 */
export class UpsPayForm extends UpsBillingElement {
  static override styles = [...UpsBillingElement.styles, payFormStyles];
  static override messages = [...UpsBillingElement.messages, payFormMessages];

  readonly #frame = new CardFrameController(this, () =>
    this.renderRoot.querySelector<HTMLFormElement>('form.step')?.requestSubmit(),
  );

  readonly #types = new Task(this, {
    task: async ([country, apiBase], { signal }): Promise<PaymentTypes | null> => {
      const client = await this.#client();
      return client && country && apiBase !== undefined ? (await api()).paymentTypes(client, country, signal) : null;
    },
    args: () => [this.#country(), this.billing?.client.baseUrl ?? this.apiBase] as const,
  });

  /** A signed-in payer's wallet and account countries (loaded on demand: guests never need them). */
  readonly #payer = new Task(this, {
    task: async ([client, signedIn], { signal }) => {
      if (!client || !signedIn) return { wallet: [] as WalletMethod[], countries: new Map<string, string>() };
      const { loadPayerData } = await import('./pay-form-account.js');
      return loadPayerData(client, signal);
    },
    args: () => [this.billing?.client, !this.guest && this.billing?.session.status === 'ready'] as const,
  });

  @state() private step: Step = 'details';
  @state() private guestInvoice: GuestInvoice | null = null;
  @state() private choice: Choice | null = null;
  @state() private processingDate = dayOf(new Date());
  @state() private fields: Record<string, string> = {};
  @state() private saveMethod = false;
  @state() private mandate = false;
  @state() private method: { token: string; summary: MethodSummary } | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private summary: SummaryItem[] = [];
  @state() private busy = false;
  @state() private receipt: PaymentReceipt | null = null;
  @state() private retryUntil = 0;

  /** Pay without signing in: the payer identifies one invoice first. */
  @property({ type: Boolean, reflect: true }) guest = false;

  /** The invoices to pay (signed in). Give it the `detail.invoices` of an `ups-pay-request`. */
  @property({ attribute: false }) invoices: readonly Invoice[] = [];

  /** API base when the form is used without a provider (a guest page), e.g. `https://billing.example.com/api/v1`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** Where the guest receipt's sign-up link goes. */
  @property({ attribute: 'enrol-href' }) enrolHref: string | undefined;

  #ownClient: BillingClient | undefined;
  #focusSummary = false;
  /** The step on screen after the last update: focus moves to a new one's heading. */
  #shownStep: Step | null = null;
  /** Whether this cart was checked for an attempt left unanswered (see pay-form-attempt.ts). */
  #resumeChecked = false;
  #ticker = 0;

  protected override needsProvider(): boolean {
    return !(this.guest && this.apiBase);
  }

  /** The provider's client, or — on a page without one — the form's own, for its `api-base`. */
  async #client(): Promise<BillingClient | undefined> {
    if (this.billing) return this.billing.client;
    if (!this.apiBase) return undefined;
    if (this.#ownClient?.baseUrl !== this.apiBase) this.#ownClient = (await api()).createClient(this.apiBase);
    return this.#ownClient;
  }

  #country(): string | null {
    if (this.guest) return this.guestInvoice?.country ?? null;
    const first = this.invoices[0];
    return (first && this.#payer.value?.countries.get(first.accountNumber)) ?? this.billing?.country ?? null;
  }

  #lines(): Line[] {
    if (this.guest) {
      const invoice = this.guestInvoice;
      return invoice
        ? [
            {
              number: invoice.number,
              accountNumber: invoice.accountNumber,
              dueDate: invoice.dueDate,
              type: invoice.type,
              amount: invoice.amountDue.amount,
              currency: invoice.amountDue.currency,
            },
          ]
        : [];
    }
    return this.invoices
      .filter((invoice) => PAYABLE.has(invoice.status))
      .map((invoice) => ({
        number: invoice.number,
        accountNumber: invoice.accountNumber,
        dueDate: invoice.dueDate,
        type: invoice.type,
        amount: invoice.amountDue.amount,
        currency: invoice.amountDue.currency,
      }));
  }

  /** Processing dates allowed: today, through the earliest due date of the debits (today when one is due already). */
  #window(): { from: string; to: string } {
    const today = dayOf(new Date());
    const dues = this.#lines()
      .filter((line) => line.amount > 0)
      .map((line) => line.dueDate);
    const earliest = dues.length ? dues.reduce((a, b) => (a < b ? a : b)) : today;
    return { from: today, to: earliest > today ? earliest : today };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('guest') || (changed.has('invoices') && !this.guest)) {
      this.#reset();
      this.#resumeChecked = false;
    }
    const types = this.#types.value;
    if (types) {
      this.#frame.configure(types.cardFrameUrl, this.billing?.client.baseUrl ?? this.apiBase ?? '/api/v1', {
        locale: this.i18n.locale,
      });
    }
  }

  override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Fetch the API module while the payer reads the first screen.
    const idle = (globalThis as { requestIdleCallback?: (run: () => void) => void }).requestIdleCallback ?? setTimeout;
    idle(() => void api());
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('busy', this.busy);
    this.toggleState('card-ready', this.#frame.ready);
    const canSend = this.guest ? Boolean(this.billing || this.apiBase) : this.billing?.session.status === 'ready';
    if (!this.#resumeChecked && canSend) {
      this.#resumeChecked = true;
      void this.#resume();
    }
    if (this.#focusSummary) {
      this.#focusSummary = false;
      focusErrorSummary(this.shadowRoot);
    } else if (this.step !== this.#shownStep) {
      // A new step replaced what had focus: start the payer (and their screen reader) at its heading.
      if (this.#shownStep) this.renderRoot.querySelector<HTMLElement>('.step-of')?.focus();
    }
    this.#shownStep = this.step;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
  }

  #reset(): void {
    this.step = this.guest ? 'identify' : 'details';
    this.guestInvoice = null;
    this.choice = null;
    this.method = null;
    this.receipt = null;
    this.errors = {};
    this.summary = [];
    this.mandate = false;
    this.processingDate = dayOf(new Date());
  }

  // ── errors ────────────────────────────────────────────────────────────

  #fail(errors: Record<string, string>, summary: SummaryItem[]): void {
    this.errors = errors;
    this.summary = summary;
    this.#focusSummary = summary.length > 0;
  }

  #fieldItem(field: string, message: string): SummaryItem {
    return { message, focus: () => this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus() };
  }

  /** Shows an API failure: field codes next to their fields, the rest in the summary. */
  #showProblem(error: unknown): void {
    const { i18n } = this;
    if (!isBillingApiError(error)) {
      this.#fail({}, [{ message: i18n.error('unknown') }]);
      return;
    }
    if (error.code === 'rate_limited') {
      this.#startCountdown(error.retryAfter ?? 30);
      return;
    }
    const own = `payForm.error.${error.code}` as MessageKey;
    const message = i18n.t(own) === own ? i18n.error(error.code) : i18n.t(own);
    this.#fail({}, [{ message }]);
  }

  #startCountdown(seconds: number): void {
    this.retryUntil = Date.now() + seconds * 1000;
    clearInterval(this.#ticker);
    this.#ticker = window.setInterval(() => {
      if (Date.now() >= this.retryUntil) {
        clearInterval(this.#ticker);
        this.retryUntil = 0;
      }
      this.requestUpdate();
    }, 1000);
    this.#focusSummary = true;
  }

  // ── guest: identify ───────────────────────────────────────────────────

  #field(name: string): string {
    return this.fields[name] ?? '';
  }

  #setField(name: string, event: Event): void {
    const target = event.target as HTMLInputElement;
    this.fields = { ...this.fields, [name]: target.type === 'checkbox' ? String(target.checked) : target.value };
  }

  async #handleIdentify(event: Event): Promise<void> {
    event.preventDefault();
    const { i18n } = this;
    const account = this.#field('account').trim().toUpperCase();
    const number = this.#field('invoice').trim();
    const byDate = this.#field('by') === 'date';
    const errors: Record<string, string> = {};
    const items: SummaryItem[] = [];
    const add = (field: string, message: string) => {
      errors[field] = message;
      items.push(this.#fieldItem(field, message));
    };
    if (!/^[A-Z0-9]{6}$/.test(account)) add('account', i18n.t('payForm.field.account_number'));
    if (!number) add('invoice', i18n.t('field.required'));
    let amountDue: number | undefined;
    if (byDate) {
      if (!this.#field('date')) add('date', i18n.t('field.required'));
    } else {
      // As printed: digits and one decimal separator, nothing else (no currency sign, no grouping).
      const match = /^(\d{1,9})(?:[.,](\d{2}))?$/.exec(this.#field('amount').trim());
      if (!match) add('amount', i18n.t('payForm.field.amount_format'));
      else amountDue = Number(match[1]) * 100 + Number(match[2] ?? '0');
    }
    if (items.length) return this.#fail(errors, items);
    if (this.busy) return;
    this.busy = true;
    this.#fail({}, []);
    try {
      const client = await this.#client();
      if (!client) return;
      this.guestInvoice = await (
        await api()
      ).lookup(client, {
        accountNumber: account,
        invoiceNumber: number,
        ...(byDate ? { invoiceDate: this.#field('date') } : { amountDue: amountDue! }),
      });
      this.step = 'details';
    } catch (error) {
      this.#showProblem(error);
    } finally {
      this.busy = false;
    }
  }

  // ── details: method and date ──────────────────────────────────────────

  /** Invoices of the cart a way of paying cannot pay. */
  #refused(type: string): Line[] {
    const option = this.#types.value?.types.find((t) => t.type === type);
    return option
      ? this.#lines().filter((line) => line.amount > 0 && option.excludedInvoiceTypes.includes(line.type))
      : [];
  }

  async #handleContinue(event: Event): Promise<void> {
    event.preventDefault();
    const { i18n } = this;
    const errors: Record<string, string> = {};
    const items: SummaryItem[] = [];
    const add = (field: string, message: string) => {
      errors[field] = message;
      items.push(this.#fieldItem(field, message));
    };
    const window = this.#window();
    if (!this.guest && (this.processingDate < window.from || this.processingDate > window.to)) {
      add('processing-date', i18n.t('payForm.field.out_of_window', { last: i18n.date(window.to) }));
    }
    const choice = this.choice;
    if (!choice) add('method-0', i18n.t('payForm.field.method_required'));
    if (choice?.kind === 'new' && choice.type === 'ach') {
      if (!this.#field('holder').trim()) add('holder', i18n.t('field.required'));
      if (!abaRouting(this.#field('routing').trim())) add('routing', i18n.t('payForm.field.routing_number_invalid'));
      if (!/^\d{4,17}$/.test(this.#field('account-number').trim()))
        add('account-number', i18n.t('field.invalid_format'));
    }
    if (choice?.kind === 'new' && choice.type === 'sepa') {
      if (!this.#field('holder').trim()) add('holder', i18n.t('field.required'));
      if (!iban(this.#field('iban'))) add('iban', i18n.t('payForm.field.iban_invalid'));
      if (!this.mandate) add('mandate', i18n.t('payForm.field.mandate_required'));
    }
    if (items.length) return this.#fail(errors, items);
    this.busy = true;
    this.#fail({}, []);
    try {
      this.method = await this.#methodToken(choice!);
      this.step = 'review';
    } catch (error) {
      if (error instanceof CardFrameError && Object.keys(error.fields).length) {
        const frameItems = CARD_FIELDS.filter((field) => error.fields[field]).map((field) => ({
          message: `${i18n.t(`payForm.card.${field}`)}: ${i18n.t(`payForm.card.${error.fields[field]}` as MessageKey)}`,
          focus: () => this.#frame.focus(field),
        }));
        this.#fail({}, frameItems);
      } else if (error instanceof CardFrameError) {
        if (error.code === 'rate_limited') this.#startCountdown(error.retryAfter ?? 30);
        else this.#fail({}, [{ message: i18n.error(error.code ?? 'unknown') }]);
      } else this.#showProblem(error);
    } finally {
      this.busy = false;
    }
  }

  /** A payment source for the chosen method: a saved method, or a token for a new one. */
  async #methodToken(choice: Choice): Promise<{ token: string; summary: MethodSummary }> {
    if (choice.kind === 'saved') {
      const saved = this.#payer.value?.wallet.find((m) => m.id === choice.id);
      return { token: `saved:${choice.id}`, summary: saved!.method };
    }
    if (CARD_TYPES.has(choice.type)) {
      const card = await this.#frame.tokenize(
        choice.type === 'debit_card' ? 'debit' : choice.type === 'credit_card' ? 'credit' : undefined,
      );
      return { token: card.token, summary: card.method };
    }
    const client = (await this.#client())!;
    const mandate = this.#types.value?.types.find((t) => t.type === 'sepa')?.mandate;
    const body =
      choice.type === 'ach'
        ? {
            type: 'ach' as const,
            holder: this.#field('holder').trim(),
            routingNumber: this.#field('routing').trim(),
            accountNumber: this.#field('account-number').trim(),
          }
        : choice.type === 'sepa'
          ? {
              type: 'sepa' as const,
              holder: this.#field('holder').trim(),
              iban: this.#field('iban').replace(/\s+/g, '').toUpperCase(),
              mandateVersion: mandate?.version ?? '',
            }
          : { type: 'paypal' as const };
    const token = await (await api()).bankToken(client, body);
    return { token: token.token, summary: token.method };
  }

  // ── review: pay ───────────────────────────────────────────────────────

  /** The invoice numbers of the cart as the host gave it: what a pending attempt is matched on. */
  #cartNumbers(): string[] {
    return this.guest ? [] : this.invoices.map((invoice) => invoice.number);
  }

  async #handlePay(): Promise<void> {
    const method = this.method;
    if (!method || this.busy) return;
    const lines = this.#lines();
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    const processingDate = this.guest ? dayOf(new Date()) : this.processingDate;
    const proceed = emit(
      this,
      'ups-payment-submit',
      {
        invoices: lines.map((l) => l.number),
        total: { amount: total, currency: lines[0]!.currency },
        processingDate,
        method: method.summary,
      },
      { cancelable: true },
    );
    if (!proceed) return;
    const saved = method.token.startsWith('saved:') ? method.token.slice('saved:'.length) : null;
    const body = this.guest
      ? {
          lookupToken: this.guestInvoice!.lookupToken,
          token: method.token,
          ...(this.#field('email').trim() ? { email: this.#field('email').trim() } : {}),
        }
      : {
          invoices: lines.map((line) => ({ number: line.number, amount: line.amount })),
          processingDate,
          source: saved ? { methodId: saved } : { token: method.token },
          ...(!saved && this.saveMethod ? { saveMethod: true } : {}),
        };
    await this.#send(attemptFor(this.guest, this.#cartNumbers(), body));
  }

  /** Resumes an attempt a reload (or a closed dialog) interrupted before its answer came. */
  async #resume(): Promise<void> {
    const attempt = pendingAttempt(this.guest, this.#cartNumbers());
    if (!attempt || this.busy || this.step === 'receipt') return;
    this.step = 'resume';
    await this.#send(attempt);
  }

  async #send(attempt: Attempt): Promise<void> {
    this.busy = true;
    this.#fail({}, []);
    const guest = this.guest;
    try {
      const client = (await this.#client())!;
      const receipt = guest
        ? await (await api()).payAsGuest(client, attempt.body as never, attempt.key)
        : await (await import('./pay-form-account.js')).payAsUser(client, attempt.body as never, attempt.key);
      forgetAttempt(guest, attempt);
      this.receipt = receipt;
      this.step = 'receipt';
      emit(this, 'ups-payment-success', { receipt });
    } catch (error) {
      const code = isBillingApiError(error) ? error.code : 'unknown';
      // The server answered (a decline used the token up): the next press is a new attempt.
      // No answer at all, or still in flight: the next press sends this one again.
      if (isBillingApiError(error) && error.status !== 0 && error.code !== 'idempotency_in_flight') {
        forgetAttempt(guest, attempt);
        if (!this.method?.token.startsWith('saved:')) this.method = null;
        this.step = guest && !this.guestInvoice ? 'identify' : 'details';
      } else if (this.step === 'resume') {
        this.step = guest && !this.guestInvoice ? 'identify' : 'details';
      }
      this.#showProblem(error);
      emit(this, 'ups-payment-error', { code });
    } finally {
      this.busy = false;
    }
  }

  // ── render ────────────────────────────────────────────────────────────

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing?.session;
    if (!this.guest && session?.status === 'signed-out')
      return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    const steps: Step[] = this.guest ? ['identify', 'details', 'review', 'receipt'] : ['details', 'review', 'receipt'];
    const index = steps.indexOf(this.step === 'resume' ? 'review' : this.step) + 1;
    const retrySeconds = this.retryUntil ? Math.max(0, Math.ceil((this.retryUntil - Date.now()) / 1000)) : 0;
    const summary = retrySeconds ? [{ message: i18n.plural('payForm.retryIn', retrySeconds) }] : this.summary;
    return html`<section class="pay-form" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'}>
      <header>
        <h2 id="title">${i18n.t(this.guest ? 'payForm.guestTitle' : 'payForm.title')}</h2>
        <p class="step-of" tabindex="-1">
          ${i18n.t('payForm.stepOf', { step: index, count: steps.length })} — ${i18n.t(`payForm.step.${this.step}`)}
        </p>
      </header>
      ${renderErrorSummary(i18n.t('payForm.summary.title'), summary)}
      ${this.step === 'identify' ? this.#renderIdentify(retrySeconds > 0) : nothing}
      ${this.step === 'details' ? this.#renderDetails() : nothing}
      ${this.step === 'review' ? this.#renderReview() : nothing}
      ${this.step === 'resume' ? html`<p class="notice" role="status">${i18n.t('payForm.resuming')}</p>` : nothing}
      ${
        this.step === 'receipt' && this.receipt
          ? renderReceipt({
              i18n,
              receipt: this.receipt,
              guest: this.guest,
              enrolHref: this.enrolHref ?? null,
              method: (m) => this.#methodLabel(m),
              onPrint: () => window.print(),
              onAnother: () => this.#reset(),
            })
          : nothing
      }
    </section>`;
  }

  #error(field: string): TemplateResult | typeof nothing {
    return this.errors[field]
      ? html`<span class="field-error" id="${field}-error">${this.errors[field]}</span>`
      : nothing;
  }

  #input(
    id: string,
    label: MessageKey,
    options: {
      autocomplete?: string;
      inputmode?: string;
      type?: string;
      hint?: MessageKey;
      min?: string;
      max?: string;
    } = {},
  ): TemplateResult {
    const described = [options.hint ? `${id}-hint` : '', this.errors[id] ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field">
      <label for=${id}>${this.i18n.t(label)}</label>
      ${options.hint ? html`<span class="hint" id="${id}-hint">${this.i18n.t(options.hint)}</span>` : nothing}
      <input
        id=${id}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        inputmode=${options.inputmode ?? nothing}
        min=${options.min ?? nothing}
        max=${options.max ?? nothing}
        .value=${this.#field(id)}
        aria-invalid=${this.errors[id] ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${(e: Event) => this.#setField(id, e)}
      />
      ${this.#error(id)}
    </div>`;
  }

  #renderIdentify(locked: boolean): TemplateResult {
    const { i18n } = this;
    const byDate = this.#field('by') === 'date';
    return html`<form class="step" novalidate @submit=${this.#handleIdentify}>
      ${this.#input('account', 'payForm.identify.account', { hint: 'payForm.identify.accountHint', autocomplete: 'off' })}
      ${this.#input('invoice', 'payForm.identify.invoice')}
      <fieldset class="by">
        <legend>${i18n.t('payForm.identify.by')}</legend>
        ${(['amount', 'date'] as const).map(
          (value) =>
            html`<label class="choice"
              ><input
                type="radio"
                name="by"
                value=${value}
                .checked=${value === 'date' ? byDate : !byDate}
                @change=${() => (this.fields = { ...this.fields, by: value })}
              />
              ${i18n.t(value === 'date' ? 'payForm.identify.byDate' : 'payForm.identify.byAmount')}</label
            >`,
        )}
      </fieldset>
      ${
        byDate
          ? this.#input('date', 'payForm.identify.date', { type: 'date' })
          : this.#input('amount', 'payForm.identify.amount', {
              hint: 'payForm.identify.amountHint',
              inputmode: 'decimal',
            })
      }
      <div class="actions">
        <button type="submit" class="button primary" ?disabled=${this.busy || locked}>
          ${i18n.t('payForm.identify.find')}
        </button>
      </div>
    </form>`;
  }

  #methodLabel(method: MethodSummary, nickname?: string | null): string {
    const { i18n } = this;
    const brand = method.brand ? i18n.t(`brand.${method.brand}` as MessageKey) : '';
    const name =
      method.type === 'card'
        ? `${brand.startsWith('brand.') ? method.brand : brand} •••• ${method.last4 ?? ''}`
        : method.type === 'paypal'
          ? 'PayPal'
          : `${method.type.toUpperCase()} •••• ${method.last4 ?? ''}`;
    return nickname ? `${nickname} (${name})` : name;
  }

  #renderCart(): TemplateResult {
    const { i18n } = this;
    const lines = this.#lines();
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    const currency = lines[0]?.currency ?? 'USD';
    return html`<table class="cart">
      <caption>
        ${i18n.t('payForm.cart.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('payForm.cart.invoice')}</th>
          <th scope="col">${i18n.t('payForm.cart.dueDate')}</th>
          <th scope="col" class="num">${i18n.t('payForm.cart.amount')}</th>
        </tr>
      </thead>
      <tbody>
        ${lines.map(
          (line) =>
            html`<tr>
              <th scope="row">
                ${line.number}${line.amount < 0 ? html` <span class="tag">${i18n.t('payForm.cart.credit')}</span>` : nothing}
              </th>
              <td>${i18n.date(line.dueDate)}</td>
              <td class="num">${i18n.money({ amount: line.amount, currency: line.currency })}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="2">${i18n.t('payForm.cart.total')}</th>
          <td class="num total">${i18n.money({ amount: total, currency })}</td>
        </tr>
      </tfoot>
    </table>`;
  }

  #renderDetails(): TemplateResult {
    const { i18n } = this;
    const lines = this.#lines();
    if (!lines.length) return html`<p class="notice">${i18n.t('payForm.empty')}</p>`;
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    if (total <= 0) {
      // The server refuses it too (total_not_positive); say so before the payer types a card.
      return html`${this.#renderCart()}
        <p class="notice" role="status">
          ${i18n.t('payForm.nothingToPay', { total: i18n.money({ amount: total, currency: lines[0]!.currency }) })}
        </p>`;
    }
    const types = this.#types.value;
    if (!types) return html`<p class="notice" role="status">${i18n.t('payForm.loading')}</p>`;
    const window = this.#window();
    const wallet = (this.#payer.value?.wallet ?? []).filter((m) => !m.expired);
    const mixed = lines.some((line) => line.type === 'import') && lines.some((line) => line.type !== 'import');
    return html`<form class="step" novalidate @submit=${this.#handleContinue}>
      ${
        this.guestInvoice
          ? html`<p class="found">
              ${i18n.t('payForm.identify.found', {
                number: this.guestInvoice.number,
                account: this.guestInvoice.accountNumber,
                amount: i18n.money(this.guestInvoice.amountDue),
                date: i18n.date(this.guestInvoice.dueDate),
              })}
            </p>`
          : this.#renderCart()
      }
      <p class="hint">${i18n.t('payForm.fullAmount')}</p>
      ${
        this.guest
          ? nothing
          : window.from === window.to
            ? html`<p class="hint">${i18n.t('payForm.date.todayOnly')}</p>`
            : html`<div class="field">
                <label for="processing-date">${i18n.t('payForm.date.label')}</label>
                <span class="hint" id="processing-date-hint"
                  >${i18n.t('payForm.date.hint', { last: i18n.date(window.to) })}</span
                >
                <input
                  id="processing-date"
                  type="date"
                  min=${window.from}
                  max=${window.to}
                  .value=${this.processingDate}
                  aria-describedby="processing-date-hint ${this.errors['processing-date'] ? 'processing-date-error' : ''}"
                  aria-invalid=${this.errors['processing-date'] ? 'true' : 'false'}
                  @change=${(e: Event) => (this.processingDate = (e.target as HTMLInputElement).value)}
                />
                ${this.#error('processing-date')}
              </div>`
      }
      <fieldset class="methods" aria-describedby=${this.errors['method-0'] ? 'method-0-error' : nothing}>
        <legend>${i18n.t('payForm.method.legend')}</legend>
        ${mixed ? html`<p class="hint">${i18n.t('payForm.method.mixed')}</p>` : nothing}
        ${[
          ...wallet.map((saved) => ({
            choice: { kind: 'saved', id: saved.id } as Choice,
            label: this.#methodLabel(saved.method, saved.nickname),
            refused: this.#refused(
              saved.method.type === 'card'
                ? (types.types.find((t) => CARD_TYPES.has(t.type))?.type ?? 'card')
                : saved.method.type,
            ),
          })),
          ...types.types.map((option) => ({
            choice: { kind: 'new', type: option.type } as Choice,
            label: i18n.t(`payForm.method.${option.type}`),
            refused: this.#refused(option.type),
          })),
        ].map(({ choice, label, refused }, index) => {
          const id = `method-${index}`;
          const selected = JSON.stringify(choice) === JSON.stringify(this.choice);
          return html`<div class="method">
            <label class="choice" for=${id}>
              <input
                id=${id}
                type="radio"
                name="method"
                .checked=${selected}
                ?disabled=${refused.length > 0}
                aria-describedby=${refused.length ? `${id}-refused` : nothing}
                @change=${() => {
                  this.choice = choice;
                  this.method = null;
                }}
              />
              ${label}
            </label>
            ${
              refused.length
                ? html`<span class="hint" id="${id}-refused"
                    >${i18n.t('payForm.method.cannotPay', { invoices: refused.map((l) => l.number).join(', ') })}</span
                  >`
                : nothing
            }
          </div>`;
        })}
        ${this.#error('method-0')}
      </fieldset>
      ${this.#renderNewMethod(types)}
      ${
        !this.guest && this.choice?.kind === 'new'
          ? html`<label class="choice"
              ><input
                type="checkbox"
                .checked=${this.saveMethod}
                @change=${(e: Event) => (this.saveMethod = (e.target as HTMLInputElement).checked)}
              />
              ${i18n.t('payForm.method.save')}</label
            >`
          : nothing
      }
      ${this.guest ? this.#input('email', 'payForm.email', { type: 'email', autocomplete: 'email' }) : nothing}
      <div class="actions">
        ${this.guest ? html`<button type="button" class="button" @click=${() => (this.step = 'identify')}>${i18n.t('payForm.back')}</button>` : nothing}
        <button type="submit" class="button primary" ?disabled=${this.busy || this.retryUntil > 0}>
          ${i18n.t('payForm.continue')}
        </button>
      </div>
    </form>`;
  }

  #renderNewMethod(types: PaymentTypes): TemplateResult | typeof nothing {
    const { i18n } = this;
    const choice = this.choice;
    if (choice?.kind !== 'new') return nothing;
    if (CARD_TYPES.has(choice.type)) {
      return html`<div class="card-entry">
        <p class="hint">${i18n.t('payForm.card.isolated')}</p>
        ${this.#frame.render(i18n.t('payForm.card.frameTitle'))}
      </div>`;
    }
    if (choice.type === 'ach') {
      return html`<div class="bank">
        ${this.#input('holder', 'payForm.bank.holder', { autocomplete: 'name' })}
        ${this.#input('routing', 'payForm.bank.routing', { inputmode: 'numeric' })}
        ${this.#input('account-number', 'payForm.bank.account', { inputmode: 'numeric' })}
      </div>`;
    }
    if (choice.type === 'sepa') {
      const mandate = types.types.find((t) => t.type === 'sepa')?.mandate;
      return html`<div class="bank">
        ${this.#input('holder', 'payForm.bank.holder', { autocomplete: 'name' })}
        ${this.#input('iban', 'payForm.bank.iban', { autocomplete: 'off' })}
        ${
          mandate
            ? html`<div class="mandate">
                <h3>${i18n.t('payForm.bank.mandateTitle', { version: mandate.version })}</h3>
                <p>${mandate.text[i18n.locale] ?? mandate.text['en']}</p>
                <label class="choice"
                  ><input
                    id="mandate"
                    type="checkbox"
                    .checked=${this.mandate}
                    aria-invalid=${this.errors['mandate'] ? 'true' : 'false'}
                    aria-describedby=${this.errors['mandate'] ? 'mandate-error' : nothing}
                    @change=${(e: Event) => (this.mandate = (e.target as HTMLInputElement).checked)}
                  />
                  ${i18n.t('payForm.bank.mandate')}</label
                >
                ${this.#error('mandate')}
              </div>`
            : nothing
        }
      </div>`;
    }
    return nothing;
  }

  #renderReview(): TemplateResult {
    const { i18n } = this;
    const lines = this.#lines();
    const total = { amount: lines.reduce((sum, line) => sum + line.amount, 0), currency: lines[0]!.currency };
    const date = this.guest ? dayOf(new Date()) : this.processingDate;
    const later = date > dayOf(new Date());
    return html`<div class="step review">
      ${this.#renderCart()}
      <dl>
        <div>
          <dt>${i18n.t('payForm.review.method')}</dt>
          <dd>${this.method ? this.#methodLabel(this.method.summary) : ''}</dd>
        </div>
        <div>
          <dt>${i18n.t('payForm.review.date')}</dt>
          <dd>${i18n.date(date)}</dd>
        </div>
      </dl>
      <div class="actions">
        <button type="button" class="button" ?disabled=${this.busy} @click=${() => (this.step = 'details')}>
          ${i18n.t('payForm.back')}
        </button>
        <button
          type="button"
          class="button primary"
          ?disabled=${this.busy}
          aria-busy=${this.busy ? 'true' : 'false'}
          @click=${this.#handlePay}
        >
          ${
            this.busy
              ? i18n.t('payForm.paying')
              : later
                ? i18n.t('payForm.schedule', { amount: i18n.money(total), date: i18n.date(date) })
                : i18n.t('payForm.pay', { amount: i18n.money(total) })
          }
        </button>
      </div>
    </div>`;
  }
}
