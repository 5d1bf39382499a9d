import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BillingClient } from '../../api/client.js';
import { isBillingApiError, type BillingApiError } from '../../api/errors.js';
import type { EnrollmentCheck } from '../../api/schemas/enrollment.js';
import type { InvoiceProof } from '../../api/schemas/invoice-proof.js';
import type { SignInResponse } from '../../api/schemas/session.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { renderField, renderFieldError, type FieldContext } from '../../internal/fields.js';
import { loadOnce, prefetchWhenIdle } from '../../internal/lazy.js';
import { placeFieldErrors } from '../../internal/field-errors.js';
import { errorSummaryStyles, fieldStyles } from '../../internal/styles.js';
import { enrollmentMessages } from '../../locales/enrollment.js';
import type { MessageKey } from '../../locales/types.js';
import type {} from '../../events/enrollment.js';
import { FIELD_STEP, STEPS, fieldFor, fieldMessage, type Step } from './enrollment-fields.js';
import { credentialStyles, enrollmentStyles } from './enrollment.styles.js';

/** The API module, loaded once for every enrolment form of the page. */
const api = loadOnce(() => import('./enrollment-api.js'));

/** Countries offered; a country whose invoices print a control ID gets that field (CONTROL_ID_COUNTRIES). */
const COUNTRIES = [
  'US',
  'CA',
  'MX',
  'PR',
  'AT',
  'BE',
  'CH',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'GB',
  'IE',
  'IT',
  'LU',
  'NL',
  'NO',
  'PL',
  'PT',
  'SE',
];

/** The label of each field, for the error summary's "Label: message" entries. */
const LABELS: Readonly<Record<string, MessageKey>> = {
  country: 'enrollment.country.label',
  account: 'enrollment.account.label',
  'invoice-number': 'enrollment.invoice.number',
  'invoice-date': 'enrollment.invoice.date',
  amount: 'enrollment.invoice.amount',
  'control-id': 'enrollment.invoice.controlId',
  company: 'enrollment.user.company',
  'user-id': 'enrollment.user.userId',
  email: 'enrollment.user.email',
  name: 'enrollment.user.name',
  password: 'enrollment.user.password',
  confirm: 'enrollment.user.confirm',
};

let credentialSheet: CSSStyleSheet | null | undefined;

/**
 * Gives the light-DOM sign-in fields their look: a constructed sheet
 * adopted by the root the element lives in. No `<style>` element and no
 * `style` attribute, so a strict CSP (no `unsafe-inline`) holds.
 */
function adoptCredentialStyles(element: Element): void {
  if (credentialSheet === undefined) {
    try {
      credentialSheet = new CSSStyleSheet();
      credentialSheet.replaceSync(credentialStyles.cssText);
    } catch {
      credentialSheet = null;
    }
  }
  const root = element.getRootNode() as Document | ShadowRoot;
  if (credentialSheet && 'adoptedStyleSheets' in root && !root.adoptedStyleSheets.includes(credentialSheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, credentialSheet];
  }
}

let instances = 0;

/**
 * Signs a company up to the billing center, in five steps: the account's
 * country, its number, the values of one of its invoices dated within the
 * last 45 days (typed exactly as printed; a control ID where the country's
 * invoices print one), then the first user, who becomes the company's
 * administrator, and a confirmation. Works on a public page without a
 * provider (`api-base`), or inside one.
 *
 * The user ID, e-mail, company name and password fields are rendered in the
 * element's light DOM (in a `<div slot="credentials">` it creates), not in
 * its shadow root: password managers and browser autofill look for
 * `autocomplete="username"` / `"new-password"` fields in the document's
 * forms, and do not see (nor save from) fields inside shadow roots. Every
 * other part stays in the shadow root.
 *
 * @summary Sign a company up with a recent invoice; its first user becomes administrator.
 * @fires ups-enrollment-complete - The company is signed up. `detail: { token, expiresAt, company, user }`: the new administrator's session, for the host to sign them in.
 * @slot credentials - Filled by the element itself with the first user's sign-in fields; leave it alone.
 * @csspart error-summary - The list of problems at the top of a step.
 * @cssprop --ups-enrollment-max-width - Largest width of the form (default 40rem).
 */
export class UpsEnrollment extends UpsBillingElement {
  static override styles = [...UpsBillingElement.styles, fieldStyles, errorSummaryStyles, enrollmentStyles];
  static override messages = [...UpsBillingElement.messages, enrollmentMessages];

  @state() private step: Step = 'country';
  @state() private fields: Record<string, string> = {};
  @state() private errors: Record<string, string> = {};
  @state() private summary: SummaryItem[] = [];
  @state() private busy = false;
  @state() private needsControlId = false;
  /** The account the invoice proved, once the check passed. */
  @state() private proved: EnrollmentCheck | null = null;
  @state() private result: SignInResponse | null = null;
  @state() private announcement = '';

  /** API base when used without a provider (a public sign-up page), e.g. `https://billing.example.com/api/v1`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** Where someone with no UPS account yet learns how to open one (a ups.com page). */
  @property({ attribute: 'open-account-href' }) openAccountHref: string | undefined;

  /** The country chosen at first (`US`, `FR`…); by default the provider's. The user may change it. */
  @property() country: string | undefined;

  #ownClient: BillingClient | undefined;
  #focusSummary = false;
  #shownStep: Step | null = null;
  /** The light-DOM container of the sign-in fields (see the class comment). */
  #credentials: HTMLElement | null = null;
  /** Light-DOM ids must be unique in the document: each instance prefixes its own. */
  readonly #prefix = `ups-enrollment-${++instances}`;

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
    if (id === 'country') return this.fields['country'] ?? this.country ?? this.billing?.country ?? '';
    return this.fields[id] ?? '';
  }

  #context(): FieldContext {
    return {
      i18n: this.i18n,
      value: (id) => this.#value(id),
      error: (id) => this.errors[id],
      onInput: (id, event) => this.#setField(id, (event.target as HTMLInputElement).value),
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

  #setField(id: string, value: string): void {
    this.fields = { ...this.fields, [id]: value };
  }

  override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Fetch the API module while the user reads the first step.
    prefetchWhenIdle(api);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('busy', this.busy);
    this.#renderCredentials();
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
    this.#credentials?.remove();
    this.#credentials = null;
  }

  // ── errors ────────────────────────────────────────────────────────────

  #fail(errors: Record<string, string>, loose: string[] = []): void {
    this.errors = errors;
    this.summary = [
      ...loose.map((message) => ({ message })),
      ...Object.entries(errors).map(([id, message]) => ({
        message: `${this.i18n.t(LABELS[id]!)}: ${message}`,
        focus: () => this.#field(id)?.focus(),
      })),
    ];
    this.#focusSummary = this.summary.length > 0;
  }

  #clear(): void {
    this.errors = {};
    this.summary = [];
  }

  /** A field's input, in the shadow root or — for the sign-in fields — in light DOM. */
  #field(id: string): HTMLElement | null {
    return FIELD_STEP[id] === 'user'
      ? this.querySelector<HTMLElement>(`#${CSS.escape(`${this.#prefix}-${id}`)}`)
      : this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  }

  /** An API refusal: field codes beside their fields (back on the step that shows them), the rest in the summary. */
  #showProblem(error: unknown): void {
    const { i18n } = this;
    if (!isBillingApiError(error)) return this.#fail({}, [i18n.error('unknown')]);
    if (error.code === 'rate_limited') return this.#fail({}, [this.#lockMessage(error)]);
    if (error.code === 'account_in_other_company') {
      // `detail` (the error's message) names the company: its administrator can add this person as a user.
      return this.#fail({}, [
        i18n.t('enrollment.error.account_in_other_company', {
          account: this.#value('account'),
          company: error.message,
        }),
      ]);
    }
    if (error.code === 'invoice_mismatch') {
      // One answer whatever value was wrong: no field is singled out.
      if (this.step === 'user') this.step = 'invoice';
      return this.#fail({}, [i18n.t('enrollment.error.invoice_mismatch')]);
    }
    const placed = placeFieldErrors(error.fieldErrors, fieldFor, (code, path, id) =>
      fieldMessage(i18n, id ?? path, code),
    );
    const errors = placed.errors;
    const loose = placed.loose.map(({ message }) => message);
    const fieldSteps = Object.keys(errors).map((id) => STEPS.indexOf(FIELD_STEP[id]!));
    if (fieldSteps.length) {
      const earliest = STEPS[Math.min(...fieldSteps)]!;
      if (STEPS.indexOf(earliest) < STEPS.indexOf(this.step)) this.step = earliest;
    } else {
      const own = `enrollment.error.${error.code}` as MessageKey;
      loose.push(i18n.t(own) === own ? i18n.error(error.code) : i18n.t(own));
    }
    this.#fail(errors, loose);
  }

  /** "Try again after …": the lock's end as the server gave it (`detail`), else now plus `retryAfter`. */
  #lockMessage(error: BillingApiError): string {
    let until = Date.parse(error.message);
    if (Number.isNaN(until)) until = Date.now() + (error.retryAfter ?? 86_400) * 1000;
    const time = new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'long', timeStyle: 'short' }).format(until);
    return this.i18n.t('enrollment.error.rate_limited', { time });
  }

  // ── steps ─────────────────────────────────────────────────────────────

  #go(step: Step): void {
    this.#clear();
    this.step = step;
  }

  async #handleCountry(event: Event): Promise<void> {
    event.preventDefault();
    const country = this.#value('country');
    if (!country) return this.#fail({ country: fieldMessage(this.i18n, 'country', 'required') });
    // The control ID rule travels with the schemas, in the API module.
    this.needsControlId = (await api()).controlIdRequired(country);
    this.fields = { ...this.fields, country };
    this.#go('account');
  }

  #handleAccount(event: Event): void {
    event.preventDefault();
    const account = this.#value('account').trim().toUpperCase();
    // The same rule as the API's AccountNumber, said before anything is sent.
    if (!/^[A-Z0-9]{6}$/.test(account)) {
      return this.#fail({ account: fieldMessage(this.i18n, 'account', account ? 'invalid_format' : 'required') });
    }
    this.fields = { ...this.fields, account };
    this.#go('invoice');
  }

  #proof(): InvoiceProof {
    const controlId = this.#value('control-id').trim();
    return {
      country: this.#value('country'),
      accountNumber: this.#value('account'),
      invoiceNumber: this.#value('invoice-number').trim(),
      invoiceDate: this.#value('invoice-date'),
      amount: this.#value('amount').trim(),
      ...(this.needsControlId ? { controlId } : {}),
    };
  }

  async #handleInvoice(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.#clear();
    try {
      const client = await this.#client();
      if (!client) return;
      const proved = await (await api()).checkInvoice(client, this.#proof());
      this.proved = proved;
      if (!this.fields['company']) this.fields = { ...this.fields, company: proved.accountName };
      this.#go('user');
    } catch (error) {
      this.#showProblem(error);
    } finally {
      this.busy = false;
    }
  }

  async #handleEnrol(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const password = this.#value('password');
    if (password && password !== this.#value('confirm')) {
      return this.#fail({ confirm: fieldMessage(this.i18n, 'confirm', 'confirm_mismatch') });
    }
    this.busy = true;
    this.#clear();
    try {
      const client = await this.#client();
      if (!client) return;
      const company = this.#value('company').trim();
      const result = await (
        await api()
      ).enrol(client, {
        invoice: this.#proof(),
        ...(company ? { companyName: company } : {}),
        user: {
          userId: this.#value('user-id').trim(),
          email: this.#value('email').trim(),
          name: this.#value('name').trim(),
          password,
        },
      });
      this.result = result;
      // The password is not kept a moment longer than needed.
      this.fields = { ...this.fields, password: '', confirm: '' };
      this.#go('done');
      this.announcement = this.i18n.t('enrollment.done.announce');
      emit(this, 'ups-enrollment-complete', {
        token: result.token,
        expiresAt: result.expiresAt,
        company: result.company,
        user: result.user,
      });
    } catch (error) {
      this.#showProblem(error);
    } finally {
      this.busy = false;
    }
  }

  // ── render ────────────────────────────────────────────────────────────

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const index = STEPS.indexOf(this.step);
    return html`<section class="enrollment" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2 id="title">${i18n.t('enrollment.title')}</h2>
      ${this.step === 'country' ? html`<p>${i18n.t('enrollment.intro')}</p>` : nothing}
      <h3 class="step-title" tabindex="-1">
        <span class="step-of">${i18n.t('enrollment.stepOf', { step: index + 1, count: STEPS.length })}</span>
        ${i18n.t(`enrollment.step.${this.step}`)}
      </h3>
      ${renderErrorSummary(i18n.t('enrollment.summary.title'), this.summary)} ${this.#renderStep()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  #renderStep(): TemplateResult {
    switch (this.step) {
      case 'country':
        return this.#renderCountry();
      case 'account':
        return this.#renderAccount();
      case 'invoice':
        return this.#renderInvoice();
      case 'user':
        return this.#renderUser();
      case 'done':
        return this.#renderDone();
    }
  }

  #renderActions(back: Step | null, label: MessageKey = 'enrollment.continue'): TemplateResult {
    const { i18n } = this;
    return html`<div class="actions">
      ${
        back
          ? html`<button type="button" class="button" @click=${() => this.#go(back)}>
              ${i18n.t('enrollment.back')}
            </button>`
          : nothing
      }
      <button type="submit" class="button primary" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${i18n.t(this.busy ? 'enrollment.checking' : label)}
      </button>
    </div>`;
  }

  #renderNoAccount(): TemplateResult {
    const { i18n } = this;
    return html`<aside class="no-account" aria-labelledby="no-account-title">
      <h4 id="no-account-title">${i18n.t('enrollment.noAccount.title')}</h4>
      <p>${i18n.t('enrollment.noAccount.text')}</p>
      ${
        this.openAccountHref
          ? html`<p><a href=${this.openAccountHref}>${i18n.t('enrollment.noAccount.link')}</a></p>`
          : nothing
      }
    </aside>`;
  }

  #renderCountry(): TemplateResult {
    const { i18n } = this;
    const names = new Intl.DisplayNames([i18n.locale], { type: 'region' });
    const options = COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
      a.name.localeCompare(b.name, i18n.locale),
    );
    const chosen = this.#value('country');
    const invalid = Boolean(this.errors['country']);
    return html`<form class="step" novalidate @submit=${this.#handleCountry}>
        <div class="field">
          <label for="country">${i18n.t('enrollment.country.label')}</label>
          <span class="hint" id="country-hint">${i18n.t('enrollment.country.hint')}</span>
          <select
            id="country"
            autocomplete="country"
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby="country-hint${invalid ? ' country-error' : ''}"
            @change=${(e: Event) => this.#setField('country', (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!chosen}>${i18n.t('enrollment.country.choose')}</option>
            ${options.map((o) => html`<option value=${o.code} ?selected=${o.code === chosen}>${o.name}</option>`)}
          </select>
          ${renderFieldError(this.#context(), 'country')}
        </div>
        ${this.#renderActions(null)}
      </form>
      ${this.#renderNoAccount()}`;
  }

  #renderAccount(): TemplateResult {
    return html`<form class="step" novalidate @submit=${this.#handleAccount}>
        ${renderField(this.#context(), 'account', 'enrollment.account.label', { hint: 'enrollment.account.hint' })}
        ${this.#renderActions('country')}
      </form>
      ${this.#renderNoAccount()}`;
  }

  #renderInvoice(): TemplateResult {
    const ctx = this.#context();
    return html`<form class="step" novalidate @submit=${this.#handleInvoice}>
      <p>${this.i18n.t('enrollment.invoice.intro', { account: this.#value('account') })}</p>
      ${renderField(ctx, 'invoice-number', 'enrollment.invoice.number', { hint: 'enrollment.invoice.numberHint' })}
      ${
        this.needsControlId
          ? renderField(ctx, 'control-id', 'enrollment.invoice.controlId', { hint: 'enrollment.invoice.controlIdHint' })
          : nothing
      }
      ${renderField(ctx, 'invoice-date', 'enrollment.invoice.date', { type: 'date', hint: 'enrollment.invoice.dateHint' })}
      ${renderField(ctx, 'amount', 'enrollment.invoice.amount', {
        hint: 'enrollment.invoice.amountHint',
        inputmode: 'decimal',
      })}
      ${this.#renderActions('account')}
    </form>`;
  }

  #renderUser(): TemplateResult {
    const { i18n } = this;
    const proved = this.proved;
    return html`<div class="step">
      ${
        proved
          ? html`<p class="found">
              ${i18n.t('enrollment.invoice.found', { account: proved.accountNumber, name: proved.accountName })}
            </p>`
          : nothing
      }
      <p>${i18n.t('enrollment.user.intro')}</p>
      <slot name="credentials"></slot>
    </div>`;
  }

  /**
   * The sign-in fields, rendered by Lit into the light-DOM container and
   * projected through the `credentials` slot. Labels, hints and messages
   * sit beside their inputs in that same tree, so `for` and
   * `aria-describedby` resolve.
   */
  #renderCredentials(): void {
    if (this.step !== 'user') {
      if (this.#credentials) render(nothing, this.#credentials);
      return;
    }
    if (!this.#credentials) {
      this.#credentials = document.createElement('div');
      this.#credentials.slot = 'credentials';
      this.#credentials.className = 'ups-enrollment-credentials';
      this.append(this.#credentials);
      adoptCredentialStyles(this);
    }
    const { i18n } = this;
    const ctx = this.#lightContext();
    const id = (name: string) => `${this.#prefix}-${name}`;
    render(
      html`<form novalidate @submit=${(e: Event) => void this.#handleEnrol(e)}>
        ${renderField(ctx, id('company'), 'enrollment.user.company', {
          autocomplete: 'organization',
          hint: 'enrollment.user.companyHint',
          maxlength: 120,
        })}
        ${renderField(ctx, id('name'), 'enrollment.user.name', { autocomplete: 'name', maxlength: 80 })}
        ${renderField(ctx, id('email'), 'enrollment.user.email', { type: 'email', autocomplete: 'email' })}
        ${renderField(ctx, id('user-id'), 'enrollment.user.userId', {
          autocomplete: 'username',
          hint: 'enrollment.user.userIdHint',
          maxlength: 40,
        })}
        ${renderField(ctx, id('password'), 'enrollment.user.password', {
          type: 'password',
          autocomplete: 'new-password',
          hint: 'enrollment.user.passwordHint',
          maxlength: 128,
        })}
        ${renderField(ctx, id('confirm'), 'enrollment.user.confirm', {
          type: 'password',
          autocomplete: 'new-password',
          maxlength: 128,
        })}
        <div class="actions">
          <button type="button" @click=${() => this.#go('invoice')}>${i18n.t('enrollment.back')}</button>
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${i18n.t(this.busy ? 'enrollment.submitting' : 'enrollment.submit')}
          </button>
        </div>
      </form>`,
      this.#credentials,
      { host: this },
    );
  }

  #renderDone(): TemplateResult {
    const { i18n } = this;
    const result = this.result!;
    return html`<div class="done">
      <p>
        ${i18n.t('enrollment.done.text', {
          company: result.company.name,
          account: this.#value('account'),
          userId: result.user.userId,
        })}
      </p>
      <p>${i18n.t('enrollment.done.next')}</p>
    </div>`;
  }
}
