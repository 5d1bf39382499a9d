import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BillingClient } from '../../api/client.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { inputValue, renderField, type FieldContext } from '../../internal/fields.js';
import { hasHelpLinks, helpAddresses, type HelpLinkAddresses } from '../../internal/help-links.js';
import { loadOnce, prefetchWhenIdle } from '../../internal/lazy.js';
import { renderLoading } from '../../internal/load-views.js';
import type { I18n } from '../../internal/i18n.js';
import { Rewording } from '../../internal/rewording.js';
import { fieldsetStyles, errorSummaryStyles, fieldStyles } from '../../internal/styles.js';
import { enrollmentMessages } from '../../locales/enrollment.js';
import type {} from '../../events/enrollment.js';
import {
  LABELS,
  LIGHT_STEPS,
  PATH_STEPS,
  problemPlacement,
  stepOfField,
  type EnrollmentAccess,
  type Failure,
  type EnrollmentPath,
  type Step,
} from './enrollment-fields.js';
import { InvoiceFlow, api } from './enrollment-invoice.js';
import { LightFields, renderInvoiceUser } from './enrollment-light.js';
import type { SignupFlow } from './enrollment-signup.js';
import {
  renderActions,
  renderCountry,
  renderHelp,
  renderInvoiceDone,
  renderInvoiceFields,
  renderNoAccount,
  renderStart,
  renderUserIntro,
} from './enrollment-views.js';
import { enrollmentStyles } from './enrollment.styles.js';

/** The sign-up path (card frame, schemas, the wallet's method entry), loaded when it is taken. */
const signup = loadOnce(() => import('./enrollment-signup.js'));

let instances = 0;

/**
 * Signs a company up to the billing center, by one of two paths the user
 * chooses first:
 *
 * - "I have a recent invoice": the account's country, its number, the
 *   values of one of its invoices dated within the last 45 days (typed
 *   exactly as printed; a control ID where the country's invoices print
 *   one), then the first user, who becomes the company's administrator.
 * - "I don't receive invoices yet": a user ID, then a payment account —
 *   company, country, billing address, contact, and a first payment method
 *   through the wallet's method entry (the isolated card frame, or a bank
 *   account as the country allows). The user becomes the administrator of a
 *   new company with no shipping accounts yet; they add one later, with a
 *   recent invoice, from `<ups-accounts>`.
 *
 * A signed-in user who has a user ID but no company (the provider's session
 * says so) goes straight to the payment account. Works on a public page
 * without a provider (`api-base`), or inside one. Help beside every step
 * links to the provider's `help-href`, `assistant-href` and `contact-href`,
 * or to the element's own attributes of the same names.
 *
 * The user ID, e-mail, name and password fields are rendered in the
 * element's light DOM (in a `<div slot="credentials">` it creates), not in
 * its shadow root: password managers and browser autofill look for
 * `autocomplete="username"` / `"new-password"` fields in the document's
 * forms, and do not see (nor save from) fields inside shadow roots. Every
 * other part stays in the shadow root.
 *
 * @summary Sign a company up: with a recent invoice, or with a new user ID and payment account.
 * @fires ups-enrollment-complete - The company exists. `detail: { path, token, expiresAt, company, user, method }`: `token` is the new administrator's session (null for a user who was already signed in), for the host to sign them in.
 * @slot credentials - Filled by the element itself with the sign-in fields; leave it alone.
 * @csspart error-summary - The list of problems at the top of a step.
 * @csspart card-frame - The isolated card frame, on the payment method step.
 * @csspart help-links - The help and contact links.
 * @cssprop --ups-enrollment-max-width - Largest width of the form (default 40rem).
 */
export class UpsEnrollment extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    fieldStyles,
    fieldsetStyles,
    errorSummaryStyles,
    enrollmentStyles,
  ];
  static override messages = [...UpsBillingElement.messages, enrollmentMessages];

  @state() private path: EnrollmentPath = 'invoice';
  @state() private step: Step = 'start';
  @state() private fields: Record<string, string> = {};
  @state() private errors: Record<string, string> = {};
  @state() private summary: SummaryItem[] = [];
  @state() private busy = false;
  @state() private announcement = '';
  @state() private signupFlow: SignupFlow | null = null;

  /** API base when used without a provider (a public sign-up page), e.g. `https://billing.example.com/api/v1`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** Where someone with no UPS account yet learns how to open one (a ups.com page). */
  @property({ attribute: 'open-account-href' }) openAccountHref: string | undefined;

  /** The country chosen at first (`US`, `FR`…); by default the provider's. The user may change it. */
  @property() country: string | undefined;

  /** The help page, for a page without a provider; by default the provider's `help-href`. */
  @property({ attribute: 'help-href' }) helpHref: string | undefined;

  /** The contact page, for a page without a provider; by default the provider's `contact-href`. */
  @property({ attribute: 'contact-href' }) contactHref: string | undefined;

  /** The virtual assistant, for a page without a provider; by default the provider's `assistant-href`. */
  @property({ attribute: 'assistant-href' }) assistantHref: string | undefined;

  #ownClient: BillingClient | undefined;
  #focusSummary = false;
  #shownStep: Step | null = null;
  readonly #light = new LightFields(this);
  /** Light-DOM ids must be unique in the document: each instance prefixes its own. */
  readonly #prefix = `ups-enrollment-${++instances}`;
  /** The failure on screen, worded again when the locale or the overrides change. */
  readonly #rewording = new Rewording(() => ({ i18n: this.i18n, messages: this.billing?.messages }));

  protected override needsProvider(): boolean {
    return !this.apiBase;
  }

  async #client(): Promise<BillingClient | undefined> {
    if (this.billing) return this.billing.client;
    if (!this.apiBase) return undefined;
    if (this.#ownClient?.baseUrl !== this.apiBase) this.#ownClient = (await api()).createClient(this.apiBase);
    return this.#ownClient;
  }

  #value(id: string): string {
    if (id === 'country') return this.fields['country'] ?? this.country?.toUpperCase() ?? this.billing?.country ?? '';
    return this.fields[id] ?? '';
  }

  #context(): FieldContext {
    return {
      i18n: this.i18n,
      value: (id) => this.#value(id),
      error: (id) => this.errors[id],
      onInput: (id, event) => this.#setField(id, inputValue(event)),
    };
  }

  /** The same, for the light-DOM fields, whose ids carry the instance prefix. */
  #lightContext(): FieldContext {
    const own = (id: string) => id.slice(this.#prefix.length + 1);
    const base = this.#context();
    return {
      i18n: base.i18n,
      value: (id) => base.value(own(id)),
      error: (id) => base.error(own(id)),
      onInput: (id, event) => base.onInput(own(id), event),
    };
  }

  #lightId(name: string): string {
    return `${this.#prefix}-${name}`;
  }

  #setField(id: string, value: string): void {
    this.fields = { ...this.fields, [id]: value };
  }

  #addresses(): HelpLinkAddresses {
    return { helpHref: this.helpHref, contactHref: this.contactHref, assistantHref: this.assistantHref };
  }

  /** A signed-in user with an ID but no company: the payment account is all they need. */
  #signedInWithoutCompany(): boolean {
    const session = this.billing?.session;
    return session?.status === 'ready' && session.session.company === null;
  }

  #signedInWithCompany(): boolean {
    const session = this.billing?.session;
    return session?.status === 'ready' && session.session.company !== null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The same failure in new words: no new failure, so the focus stays where the user is.
    this.#rewording.refresh();
    if (this.step === 'start' && this.#signedInWithoutCompany()) {
      this.path = 'account';
      this.step = 'signup-company';
      void this.#loadSignup();
    }
  }

  override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Fetch the API module while the user reads the first step.
    prefetchWhenIdle(api);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('busy', this.busy);
    this.toggleState('card-ready', Boolean(this.signupFlow?.cardReady));
    this.#renderLight();
    if (this.#focusSummary) {
      this.#focusSummary = false;
      focusErrorSummary(this.shadowRoot);
    } else if (this.#shownStep && this.step !== this.#shownStep) {
      // The step replaced what had focus: start the user (and their screen reader) at its heading.
      this.renderRoot.querySelector<HTMLElement>('.step-title')?.focus();
    }
    this.#shownStep = this.step;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the sign-in fields, taken out on disconnect, come back with the next render.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#light.remove();
  }

  // ── errors ────────────────────────────────────────────────────────────

  /**
   * Shows what `failure` words — field messages, and loose ones in the
   * summary — and words it again when the messages change.
   */
  #fail(failure: Failure): void {
    this.#rewording.show((i18n, again) => {
      const { errors, loose = [] } = failure(i18n);
      if (!again) {
        // A message for a field of an earlier step takes the user back there.
        const steps = PATH_STEPS[this.path];
        const fieldSteps = Object.keys(errors)
          .map((id) => steps.indexOf(stepOfField(this.path, id)!))
          .filter((index) => index >= 0);
        if (fieldSteps.length && Math.min(...fieldSteps) < steps.indexOf(this.step)) {
          this.step = steps[Math.min(...fieldSteps)]!;
        }
      }
      this.errors = errors;
      this.summary = this.#summaryOf(i18n, errors, loose);
      if (!again) this.#focusSummary = this.summary.length > 0;
      // Worded again before the labels on screen are: the summary reads them again once they are rendered.
      else
        void this.updateComplete.then(() => {
          if (this.errors === errors) this.summary = this.#summaryOf(i18n, errors, loose);
        });
    });
  }

  #summaryOf(i18n: I18n, errors: Record<string, string>, loose: readonly string[]): SummaryItem[] {
    return [
      ...loose.map((message) => ({ message })),
      ...Object.entries(errors).map(([id, message]) => {
        // The payment method's fields are the wallet's: their labels are the ones on screen.
        const label = LABELS[id] ? i18n.t(LABELS[id]) : this.#labelOnScreen(id);
        return { message: label ? `${label}: ${message}` : message, focus: () => this.#field(id)?.focus() };
      }),
    ];
  }

  #labelOnScreen(id: string): string | undefined {
    const input = this.renderRoot.querySelector(`#${CSS.escape(id)}`);
    if (!input || (input as HTMLInputElement).type === 'checkbox') return undefined;
    return this.renderRoot.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent?.trim();
  }

  #clear(): void {
    this.#rewording.clear();
    this.errors = {};
    this.summary = [];
  }

  /** A field's control: the light-DOM one where the step has them, else in the shadow root. */
  #field(id: string): HTMLElement | null {
    const light = this.querySelector<HTMLElement>(`#${CSS.escape(this.#lightId(id))}`);
    const own = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    // A group (the payment method's types) takes focus on its chosen or first radio.
    return light ?? (own?.localName === 'fieldset' ? own.querySelector('input:checked, input') : own);
  }

  /** An API refusal: field codes beside their fields (back on the step that shows them), the rest in the summary. */
  #showProblem(error: unknown): void {
    const where = { path: this.path, step: this.step, account: this.#value('account'), now: Date.now() };
    const placed = problemPlacement(this.i18n, error, where);
    if (placed.step) this.step = placed.step;
    this.#fail((i18n) => problemPlacement(i18n, error, where));
  }

  // ── steps ─────────────────────────────────────────────────────────────

  #go(step: Step): void {
    this.#clear();
    this.step = step;
  }

  /** The next or previous step of the path. */
  #move(by: 1 | -1): void {
    const steps = PATH_STEPS[this.path];
    const next = steps[steps.indexOf(this.step) + by];
    if (next) this.#go(next);
  }

  /** What the flows of both paths may read and do (see EnrollmentAccess). */
  readonly #access: EnrollmentAccess = {
    i18n: () => this.i18n,
    client: () => this.#client(),
    signedIn: () => this.path === 'account',
    ctx: () => this.#context(),
    lightCtx: () => this.#lightContext(),
    lightId: (name) => this.#lightId(name),
    value: (id) => this.#value(id),
    set: (values) => (this.fields = { ...this.fields, ...values }),
    busy: () => this.busy,
    setBusy: (busy) => (this.busy = busy),
    clear: () => this.#clear(),
    fail: (failure) => this.#fail(failure),
    summary: (items) =>
      this.#rewording.show((i18n, again) => {
        this.errors = {};
        this.summary = items(i18n);
        if (!again) this.#focusSummary = this.summary.length > 0;
      }),
    problem: (error) => this.#showProblem(error),
    go: (step) => this.#go(step),
    next: () => this.#move(1),
    back: () => this.#move(-1),
    announce: (message) => (this.announcement = message),
  };

  readonly #invoice = new InvoiceFlow(this, this.#access);

  async #loadSignup(): Promise<void> {
    if (this.signupFlow) return;
    const { SignupFlow } = await signup();
    this.signupFlow ??= new SignupFlow(this, this.#access);
  }

  #handlePath(path: EnrollmentPath): void {
    this.path = path;
    // The sign-up path's code, fetched while the user reads its description.
    if (path === 'signup') prefetchWhenIdle(signup);
  }

  async #handleStart(event: Event): Promise<void> {
    event.preventDefault();
    if (this.path === 'signup') await this.#loadSignup();
    this.#move(1);
  }

  // ── render ────────────────────────────────────────────────────────────

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const steps = PATH_STEPS[this.path];
    const index = steps.indexOf(this.step);
    const final = this.step === 'done' || this.step === 'signup-done';
    const ctx = this.#context();
    return html`<section class="enrollment" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2 id="title">${i18n.t('enrollment.title')}</h2>
      ${this.step === 'start' ? html`<p>${i18n.t('enrollment.intro')}</p>` : nothing}
      <h3 class="step-title" tabindex="-1">
        <span class="step-of">${i18n.t('enrollment.stepOf', { step: index + 1, count: steps.length })}</span>
        ${i18n.t(`enrollment.step.${this.step}`)}
      </h3>
      ${renderErrorSummary(i18n.t('enrollment.summary.title'), this.summary, i18n, this.#addresses())}
      ${this.#renderStep()}
      ${renderHelp(ctx, this.#addresses(), !final && hasHelpLinks(helpAddresses(this.billing, this.#addresses())))}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  #renderStep(): TemplateResult {
    const ctx = this.#context();
    const back = () => this.#move(-1);
    const flow = this.signupFlow;
    switch (this.step) {
      case 'start':
        return renderStart({
          ctx,
          path: this.path,
          onPath: (path) => this.#handlePath(path),
          onSubmit: (e) => void this.#handleStart(e),
          signupOpen: !this.#signedInWithCompany(),
        });
      case 'country':
        return html`<form class="step" novalidate @submit=${(e: Event) => void this.#invoice.handleCountry(e)}>
            ${renderCountry(ctx, (country) => this.#setField('country', country))}
            ${renderActions(ctx, this.busy, back)}
          </form>
          ${renderNoAccount(ctx, this.openAccountHref)}`;
      case 'account':
        return html`<form class="step" novalidate @submit=${(e: Event) => this.#invoice.handleAccount(e)}>
            ${renderField(ctx, 'account', 'enrollment.account.label', { hint: 'enrollment.account.hint' })}
            ${renderActions(ctx, this.busy, back)}
          </form>
          ${renderNoAccount(ctx, this.openAccountHref)}`;
      case 'invoice':
        return html`<form class="step" novalidate @submit=${(e: Event) => void this.#invoice.handleInvoice(e)}>
          ${renderInvoiceFields(ctx, this.#invoice.needsControlId)} ${renderActions(ctx, this.busy, back)}
        </form>`;
      case 'user':
        return renderUserIntro(ctx, this.#invoice.proved);
      case 'done':
        return renderInvoiceDone(ctx, this.#invoice.result!);
      case 'signup-user':
        return html`<div class="step">
          <p>${this.i18n.t('enrollment.signup.userIntro')}</p>
          <slot name="credentials"></slot>
        </div>`;
      case 'signup-company':
        return flow
          ? html`${this.path === 'account' ? this.#renderSignedIn() : nothing}${flow.renderCompany()}`
          : renderLoading(this.i18n.t('common.loading'));
      case 'signup-method':
        return flow ? flow.renderMethod() : renderLoading(this.i18n.t('common.loading'));
      case 'signup-done':
        return flow ? flow.renderDone() : renderLoading(this.i18n.t('common.loading'));
    }
  }

  #renderSignedIn(): TemplateResult {
    const session = this.billing?.session;
    const userId = session?.status === 'ready' ? session.session.user.userId : '';
    return html`<p class="signed-in">${this.i18n.t('enrollment.signup.signedIn', { userId })}</p>`;
  }

  /** The light-DOM fields of the step on screen, if it has any (see enrollment-light.ts). */
  #renderLight(): void {
    if (!LIGHT_STEPS.has(this.step)) return this.#light.render(nothing);
    if (this.step === 'signup-user') {
      if (this.signupFlow) this.#light.render(this.signupFlow.renderUser());
      return;
    }
    this.#light.render(
      renderInvoiceUser({
        ctx: this.#lightContext(),
        id: (name) => this.#lightId(name),
        busy: this.busy,
        onSubmit: (e) => void this.#invoice.handleEnrol(e),
        onBack: () => this.#go('invoice'),
      }),
    );
  }
}
