import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BillingClient } from '../../api/client.js';
import { isBillingApiError, type BillingApiError } from '../../api/errors.js';
import type { Invoice, MethodSummary } from '../../api/schemas/invoice.js';
import type { GuestInvoice, PaymentReceipt, PaymentTypes } from '../../api/schemas/payment.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { CARD_FIELDS, CardFrameController, CardFrameError } from '../../internal/card-frame.js';
import { emit } from '../../internal/emit.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { receiptStyles } from '../../internal/receipt.js';
import { payFormMessages } from '../../locales/pay-form.js';
import { receiptMessages } from '../../locales/receipt.js';
import type { MessageKey } from '../../locales/types.js';
import type {} from '../../events/payment.js';
import { payFormStyles } from './pay-form.styles.js';
import { attemptFor, forgetAttempt, pendingAttempt, type Attempt } from './pay-form-attempt.js';
import { bankTokenRequest, checkBank, isBankType, renderBankFields } from './pay-form-bank.js';
import { cartLines, dayOf, processingWindow, renderCart, totalOf, type Line } from './pay-form-cart.js';
import { renderField, renderFieldError, type FieldContext } from '../../internal/fields.js';
import { readIdentify, renderIdentify } from './pay-form-identify.js';
import { CARD_TYPES, methodOptions, renderMethods, type Choice } from './pay-form-methods.js';
import { renderReceipt } from './pay-form-receipt.js';
import { renderReview } from './pay-form-review.js';
import { fieldStyles } from '../../internal/styles.js';
import type { I18n } from '../../internal/i18n.js';
import { Rewording } from '../../internal/rewording.js';

type Step = 'identify' | 'details' | 'review' | 'resume' | 'receipt';

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
  static override styles = [...UpsBillingElement.styles, fieldStyles, receiptStyles, payFormStyles];
  static override messages = [...UpsBillingElement.messages, receiptMessages, payFormMessages];

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

  /** The signed-in payer's wallet has been shown once (see the details step). */
  #walletShown = false;

  @state() private step: Step = 'details';
  @state() private guestInvoice: GuestInvoice | null = null;
  @state() private choice: Choice | null = null;
  @state() private processingDate = dayOf(new Date());
  @state() private fields: Record<string, string> = {};
  @state() private saveMethod = false;
  @state() private method: { token: string; summary: MethodSummary } | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private summary: SummaryItem[] = [];
  @state() private busy = false;
  @state() private receipt: PaymentReceipt | null = null;
  @state() private retryUntil = 0;
  /** Invoices of the cart the server said are paid already (or being paid): left out of the payment. */
  @state() private settled: ReadonlySet<string> = new Set();

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
  /** The failure on screen, worded again when the locale or the overrides change. */
  readonly #rewording = new Rewording(() => ({ i18n: this.i18n, messages: this.billing?.messages }));

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
    return this.guest
      ? cartLines(this.guestInvoice ? [this.guestInvoice] : [])
      : cartLines(this.invoices.filter((invoice) => !this.settled.has(invoice.number)));
  }

  #window(): { from: string; to: string } {
    return processingWindow(this.#lines(), dayOf(new Date()));
  }

  /** What the form's own fields read and write; `fields` gives values as they were at a failure. */
  #fieldContext(i18n: I18n = this.i18n, fields: Record<string, string> = this.fields): FieldContext {
    return {
      i18n,
      value: (id) => fields[id] ?? '',
      error: (id) => this.errors[id],
      onInput: (id, event) => this.#setField(id, event),
    };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The same failure in new words is no new failure: the payer's focus stays where it is.
    const focus = this.#focusSummary;
    if (this.#rewording.refresh()) this.#focusSummary = focus;
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
    this.settled = new Set();
    this.processingDate = dayOf(new Date());
  }

  // ── errors ────────────────────────────────────────────────────────────

  #fail(errors: Record<string, string>, summary: SummaryItem[]): void {
    this.#rewording.clear();
    this.errors = errors;
    this.summary = summary;
    this.#focusSummary = summary.length > 0;
  }

  /** Shows the failure `make` words, and words it again in a new locale. */
  #failIn(make: (i18n: I18n) => void): void {
    this.#rewording.show(make);
  }

  #fieldItem(field: string, message: string): SummaryItem {
    return { message, focus: () => this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus() };
  }

  /** Shows field messages beside their fields and, linked to them, in the summary. */
  #failFields(errors: Record<string, string>): void {
    this.#fail(
      errors,
      Object.entries(errors).map(([field, message]) => this.#fieldItem(field, message)),
    );
  }

  /** Shows an API failure: field codes next to their fields, the rest in the summary. */
  #showProblem(error: unknown): void {
    if (!isBillingApiError(error)) {
      this.#failIn((i18n) => this.#fail({}, [{ message: i18n.error('unknown') }]));
      return;
    }
    if (error.code === 'rate_limited') {
      this.#startCountdown(error.retryAfter ?? 30);
      return;
    }
    const own = `payForm.error.${error.code}` as MessageKey;
    this.#failIn((i18n) => this.#fail({}, [{ message: i18n.t(own) === own ? i18n.error(error.code) : i18n.t(own) }]));
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

  #setField(name: string, event: Event): void {
    const target = event.target as HTMLInputElement;
    this.fields = { ...this.fields, [name]: target.type === 'checkbox' ? String(target.checked) : target.value };
  }

  async #handleIdentify(event: Event): Promise<void> {
    event.preventDefault();
    const read = readIdentify(this.#fieldContext());
    if (read.errors) {
      const fields = this.fields;
      return this.#failIn((i18n) => this.#failFields(readIdentify(this.#fieldContext(i18n, fields)).errors ?? {}));
    }
    if (this.busy) return;
    this.busy = true;
    this.#fail({}, []);
    try {
      const client = await this.#client();
      if (!client) return;
      this.guestInvoice = await (await api()).lookup(client, read.request);
      this.step = 'details';
    } catch (error) {
      this.#showProblem(error);
    } finally {
      this.busy = false;
    }
  }

  // ── details: method and date ──────────────────────────────────────────

  async #handleContinue(event: Event): Promise<void> {
    event.preventDefault();
    const window = this.#window();
    const outOfWindow = !this.guest && (this.processingDate < window.from || this.processingDate > window.to);
    const choice = this.choice;
    const fields = this.fields;
    // A function of the words, so that a new locale can word the same failure again.
    const check = (i18n: I18n) => {
      const errors: Record<string, string> = {};
      if (outOfWindow)
        errors['processing-date'] = i18n.t('payForm.field.out_of_window', { last: i18n.date(window.to) });
      if (!choice) errors['method-0'] = i18n.t('payForm.field.method_required');
      if (choice?.kind === 'new' && isBankType(choice.type))
        Object.assign(errors, checkBank(this.#fieldContext(i18n, fields), choice.type));
      return errors;
    };
    if (Object.keys(check(this.i18n)).length) return this.#failIn((i18n) => this.#failFields(check(i18n)));
    this.busy = true;
    this.#fail({}, []);
    try {
      this.method = await this.#methodToken(choice!);
      this.step = 'review';
    } catch (error) {
      if (error instanceof CardFrameError && Object.keys(error.fields).length) {
        const fields = error.fields;
        this.#failIn((i18n) =>
          this.#fail(
            {},
            CARD_FIELDS.filter((field) => fields[field]).map((field) => ({
              message: `${i18n.t(`payForm.card.${field}`)}: ${i18n.t(`payForm.card.${fields[field]}` as MessageKey)}`,
              focus: () => this.#frame.focus(field),
            })),
          ),
        );
      } else if (error instanceof CardFrameError) {
        const code = error.code ?? 'unknown';
        if (code === 'rate_limited') this.#startCountdown(error.retryAfter ?? 30);
        else this.#failIn((i18n) => this.#fail({}, [{ message: i18n.error(code) }]));
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
    const body = isBankType(choice.type)
      ? bankTokenRequest(this.#fieldContext(), choice.type, mandate?.version ?? '')
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
    const total = totalOf(lines);
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
          ...((this.fields['email'] ?? '').trim() ? { email: (this.fields['email'] ?? '').trim() } : {}),
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

  /** "Already paid": a guest starts over; a payer's cart loses the invoices the server named, and says which. */
  #takeOutSettled(error: BillingApiError, attempt: Attempt): void {
    const alreadyPaid = () =>
      this.#failIn((i18n) => this.#fail({}, [{ message: i18n.t('payForm.error.already_paid') }]));
    if (this.guest) {
      this.guestInvoice = null;
      this.step = 'identify';
      alreadyPaid();
      return;
    }
    const sent = (attempt.body as { invoices: { number: string }[] }).invoices;
    const numbers = Object.keys(error.fieldErrors)
      .map((key) => /^invoices\.(\d+)\.number$/.exec(key)?.[1])
      .flatMap((index) => (index !== undefined && sent[Number(index)] ? [sent[Number(index)]!.number] : []));
    if (!numbers.length) return alreadyPaid();
    this.settled = new Set([...this.settled, ...numbers]);
    this.#failIn((i18n) =>
      this.#fail({}, [{ message: i18n.t('payForm.error.already_paid_some', { invoices: numbers.join(', ') }) }]),
    );
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
      if (isBillingApiError(error) && error.code === 'already_paid') this.#takeOutSettled(error, attempt);
      else this.#showProblem(error);
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
      ${
        this.step === 'identify'
          ? renderIdentify(this.#fieldContext(), {
              disabled: this.busy || retrySeconds > 0,
              onSubmit: (event) => void this.#handleIdentify(event),
              onBy: (by) => (this.fields = { ...this.fields, by }),
            })
          : nothing
      }
      ${this.step === 'details' ? this.#renderDetails() : nothing}
      ${
        this.step === 'review'
          ? renderReview({
              i18n,
              lines: this.#lines(),
              method: this.method?.summary ?? null,
              processingDate: this.guest ? dayOf(new Date()) : this.processingDate,
              busy: this.busy,
              onBack: () => (this.step = 'details'),
              onPay: () => void this.#handlePay(),
            })
          : nothing
      }
      ${this.step === 'resume' ? html`<p class="notice" role="status">${i18n.t('payForm.resuming')}</p>` : nothing}
      ${
        this.step === 'receipt' && this.receipt
          ? renderReceipt({
              i18n,
              receipt: this.receipt,
              guest: this.guest,
              enrolHref: this.enrolHref ?? null,
              onPrint: () => window.print(),
              onAnother: () => this.#reset(),
            })
          : nothing
      }
    </section>`;
  }

  #renderDetails(): TemplateResult {
    const { i18n } = this;
    const lines = this.#lines();
    if (!lines.length) return html`<p class="notice">${i18n.t('payForm.empty')}</p>`;
    const total = totalOf(lines);
    if (total <= 0 && this.guestInvoice) {
      return html`<p class="notice" role="status">
          ${i18n.t('payForm.guestNothingDue', { number: this.guestInvoice.number })}
        </p>
        <div class="actions">
          <button type="button" class="button" @click=${() => this.#reset()}>${i18n.t('payForm.back')}</button>
        </div>`;
    }
    if (total <= 0) {
      // The server refuses it too (total_not_positive); say so before the payer types a card.
      return html`${renderCart(this.i18n, this.#lines())}
        <p class="notice" role="status">
          ${i18n.t('payForm.nothingToPay', { total: i18n.money({ amount: total, currency: lines[0]!.currency }) })}
        </p>`;
    }
    const types = this.#types.value;
    // Saved methods come first in the list: wait for them (and for the session they belong to), so nothing
    // moves under the payer's pointer. Only the first time: a reload later must not tear down what was typed.
    if (!this.guest && !this.#walletShown) {
      const loaded = this.billing?.session.status === 'ready' && this.#payer.status === TaskStatus.COMPLETE;
      if (loaded || this.#payer.status === TaskStatus.ERROR) this.#walletShown = true;
    }
    if (!types || (!this.guest && !this.#walletShown)) {
      return html`<p class="notice" role="status">${i18n.t('payForm.loading')}</p>`;
    }
    const window = this.#window();
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
          : renderCart(this.i18n, this.#lines())
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
                ${renderFieldError(this.#fieldContext(), 'processing-date')}
              </div>`
      }
      ${renderMethods(this.#fieldContext(), {
        methods: methodOptions(i18n, lines, types, this.#payer.value?.wallet ?? []),
        selected: this.choice,
        mixed: lines.some((line) => line.type === 'import') && lines.some((line) => line.type !== 'import'),
        onChoose: (choice) => {
          this.choice = choice;
          this.method = null;
        },
      })}
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
      ${this.guest ? renderField(this.#fieldContext(), 'email', 'payForm.email', { type: 'email', autocomplete: 'email' }) : nothing}
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
    if (isBankType(choice.type)) {
      return renderBankFields(this.#fieldContext(), choice.type, types.types.find((t) => t.type === 'sepa')?.mandate);
    }
    return nothing;
  }
}
