/**
 * The enrolment's second path, for someone who does not receive UPS
 * invoices yet: a user ID (light DOM, for password managers), then a
 * payment account — company, country, billing address, contact — and its
 * first payment method through the wallet's own method entry (the isolated
 * card frame, or a bank account as the country allows). The user becomes
 * the administrator of a new company with no shipping accounts yet.
 *
 * Loaded when the user takes this path (and prefetched when the browser is
 * idle): the card frame, the zod schemas and the wallet's form messages are
 * most of its bytes, and the 45-day path needs none of them.
 */
import { Task } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BillingClient } from '../../api/client.js';
import { createBankToken, getPaymentTypes } from '../../api/endpoints/payment-methods.js';
import { listServedCountries, openPaymentAccount, signUp } from '../../api/endpoints/signup.js';
import { PARSE_OPTIONS, toFieldErrors } from '../../api/field-errors.js';
import { PASSWORD_MIN_LENGTH, passwordWeakness } from '../../api/schemas/enrollment.js';
import type { PaymentTypes } from '../../api/schemas/payment.js';
import type { SignInResponse } from '../../api/schemas/session.js';
import type {} from '../../events/enrollment.js';
import { PaymentAccountRequest, type PaymentAccount } from '../../api/schemas/signup.js';
import { CARD_FIELDS, CardFrameController, CardFrameError } from '../../internal/card-frame.js';
import { emit } from '../../internal/emit.js';
import { placeFieldErrors } from '../../internal/field-errors.js';
import { renderField, renderFieldError, type FieldContext } from '../../internal/fields.js';
import { registerMessages, type I18n } from '../../internal/i18n.js';
import { renderLoadFailure, renderLoading } from '../../internal/load-views.js';
import { addTypes, bankTokenRequest, checkAdd, renderMethodEntry, type AddType } from '../../internal/method-entry.js';
import type { MessageKey } from '../../locales/types.js';
import { walletFormMessages } from '../../locales/wallet-forms.js';
import { fieldFor, fieldMessage, type EnrollmentAccess } from './enrollment-fields.js';

registerMessages(walletFormMessages);

/** Countries whose addresses carry a state or province: the field shows, and is asked for. */
const REGION_COUNTRIES = new Set(['US', 'CA']);

/**
 * The fields as they are now, for wording a failure again later: each value
 * is kept as first read (at the failure), whatever the user types since.
 */
function asTyped(ctx: FieldContext): FieldContext {
  const seen = new Map<string, string>();
  return {
    ...ctx,
    value: (id) => {
      if (!seen.has(id)) seen.set(id, ctx.value(id));
      return seen.get(id)!;
    },
  };
}

export class SignupFlow implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #access: EnrollmentAccess;
  readonly #frame: CardFrameController;
  readonly #countries: Task<readonly [BillingClient | undefined], string[] | null>;
  readonly #types: Task<readonly [BillingClient | undefined, string], PaymentTypes>;
  #client: BillingClient | undefined;
  #addType: AddType | null = null;
  #showPassword = false;
  /** The new user's session, once the ID exists: the payment account is opened with it. */
  signedUp: SignInResponse | null = null;
  account: PaymentAccount | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode }, access: EnrollmentAccess) {
    this.#host = host;
    this.#access = access;
    host.addController(this);
    // Enter in the card frame is the user's "go on", as in the wallet.
    this.#frame = new CardFrameController(host, () =>
      host.renderRoot.querySelector<HTMLFormElement>('form.signup-method')?.requestSubmit(),
    );
    this.#countries = new Task(host, {
      task: async ([client], { signal }) => {
        if (!client) return null;
        const served = await client.call(listServedCountries, {}, { signal });
        return served.items.map((item) => item.country);
      },
      args: () => [this.#client] as const,
    });
    this.#types = new Task(host, {
      task: async ([client, country], { signal }) => client!.call(getPaymentTypes, { query: { country } }, { signal }),
      autoRun: false,
      args: () => [this.#client, this.#access.value('country')] as const,
    });
    void access.client().then((client) => {
      this.#client = client;
      host.requestUpdate();
    });
  }

  hostUpdate(): void {
    const types = this.#types.value;
    if (types && this.#client) {
      this.#frame.configure(types.cardFrameUrl, this.#client.baseUrl, { locale: this.#access.i18n().locale });
    }
  }

  get cardReady(): boolean {
    return this.#frame.ready;
  }

  #addTypeNow(): AddType | null {
    const offered = this.#types.value ? addTypes(this.#types.value) : [];
    return this.#addType && offered.includes(this.#addType) ? this.#addType : (offered[0] ?? null);
  }

  /** Runs one write at a time, marking the element busy; failures go to `onError`. */
  async #write(run: (client: BillingClient) => Promise<void>, onError = (e: unknown) => this.#access.problem(e)) {
    const client = this.#client ?? (await this.#access.client());
    if (!client || this.#access.busy()) return;
    this.#access.setBusy(true);
    this.#access.clear();
    try {
      await run(client);
    } catch (error) {
      onError(error);
    } finally {
      this.#access.setBusy(false);
    }
  }

  // ── step 1: the user ID ───────────────────────────────────────────────

  async handleUser(event: Event): Promise<void> {
    event.preventDefault();
    const value = (id: string) => this.#access.value(id);
    await this.#write(async (client) => {
      // The client checks the request against the shared schema before sending (the same codes as the server's).
      this.signedUp = await client.call(signUp, {
        body: {
          userId: value('user-id').trim(),
          email: value('email').trim(),
          name: value('name').trim(),
          password: value('password'),
        },
      });
      // The password is not kept a moment longer than needed.
      this.#access.set({ password: '', 'contact-name': value('name').trim(), 'contact-email': value('email').trim() });
      this.#access.next();
    });
  }

  // ── step 2: company, address, contact ─────────────────────────────────

  #accountDetails(): Omit<PaymentAccountRequest, 'method'> {
    const value = (id: string) => this.#access.value(id).trim();
    const optional = (key: string, id: string) => (value(id) ? { [key]: value(id) } : {});
    return {
      companyName: value('company'),
      country: value('country'),
      billingAddress: {
        line1: value('line1'),
        ...optional('line2', 'line2'),
        city: value('city'),
        postalCode: value('postal-code'),
        ...(REGION_COUNTRIES.has(value('country')) ? { region: value('region') } : {}),
      },
      contact: {
        name: value('contact-name'),
        email: value('contact-email'),
        ...optional('phone', 'contact-phone'),
      },
    };
  }

  handleCompany(event: Event): void {
    event.preventDefault();
    const details = this.#accountDetails();
    const parsed = PaymentAccountRequest.safeParse({ ...details, method: { token: 'checked-later' } }, PARSE_OPTIONS);
    const codes = parsed.success ? {} : toFieldErrors(parsed.error.issues);
    // The schema leaves the region optional; where the country has one, an address without it does not arrive.
    if (REGION_COUNTRIES.has(details.country) && !details.billingAddress.region)
      codes['billingAddress.region'] = 'required';
    if (Object.keys(codes).length)
      return this.#access.fail((i18n) => {
        const { errors, loose } = placeFieldErrors(codes, fieldFor, (code, path, id) =>
          fieldMessage(i18n, id ?? path, code),
        );
        return { errors, loose: loose.map((l) => l.message) };
      });
    if (this.#types.value?.country !== details.country) void this.#types.run();
    this.#access.next();
  }

  // ── step 3: the first payment method, then the account ────────────────

  async handleMethod(event: Event): Promise<void> {
    event.preventDefault();
    const type = this.#addTypeNow();
    if (!type) return;
    const ctx = this.#access.ctx();
    const errors = checkAdd(ctx, type);
    if (Object.keys(errors).length) {
      const values = asTyped(ctx);
      return this.#access.fail((i18n) => ({ errors: checkAdd({ ...values, i18n }, type) }));
    }
    await this.#write(
      async (client) => {
        const mandate = this.#types.value?.types.find((option) => option.type === 'sepa')?.mandate?.version ?? '';
        const token =
          type === 'card'
            ? (await this.#frame.tokenize()).token
            : (await client.call(createBankToken, { body: bankTokenRequest(ctx, type, mandate) })).token;
        // A new user's session is the one they just got; a signed-in user's is the provider's.
        const headers = this.signedUp ? { authorization: `Bearer ${this.signedUp.token}` } : undefined;
        this.account = await client.call(
          openPaymentAccount,
          { body: { ...this.#accountDetails(), method: { token } } },
          { headers },
        );
        this.#done(this.account);
      },
      (error) => this.#showMethodError(error),
    );
  }

  #done(account: PaymentAccount): void {
    this.#access.go('signup-done');
    this.#access.announce(this.#access.i18n().t('enrollment.signup.announce'));
    emit(this.#host, 'ups-enrollment-complete', {
      path: 'signup',
      token: this.signedUp?.token ?? null,
      expiresAt: this.signedUp?.expiresAt ?? null,
      company: account.company,
      user: account.user,
      method: account.method,
    });
  }

  /** The card frame's own field codes, linked to its fields; the rest as any refusal. */
  #showMethodError(error: unknown): void {
    if (!(error instanceof CardFrameError)) return this.#access.problem(error);
    const fields = CARD_FIELDS.filter((field) => error.fields[field]);
    if (!fields.length)
      return this.#access.fail((i18n) => ({
        errors: {},
        loose: [i18n.error(error.code ?? 'unknown', { seconds: error.retryAfter ?? 30 })],
      }));
    this.#access.summary((i18n) =>
      fields.map((field) => ({
        message: `${i18n.t(`wallet.card.${field}`)}: ${i18n.t(`wallet.card.${error.fields[field]}` as MessageKey)}`,
        focus: () => this.#frame.focus(field),
      })),
    );
  }

  // ── render ────────────────────────────────────────────────────────────

  /** The ID step, in light DOM: user ID, e-mail, name, password with its rules as they are met. */
  renderUser(): TemplateResult {
    const ctx = this.#access.lightCtx();
    const id = (name: string) => this.#access.lightId(name);
    const { i18n } = ctx;
    const busy = this.#access.busy();
    return html`<form novalidate @submit=${(e: Event) => void this.handleUser(e)}>
      ${renderField(ctx, id('user-id'), 'enrollment.user.userId', {
        autocomplete: 'username',
        hint: 'enrollment.user.userIdHint',
        maxlength: 40,
        spellcheck: false,
      })}
      ${renderField(ctx, id('email'), 'enrollment.user.email', {
        type: 'email',
        autocomplete: 'email',
        spellcheck: false,
      })}
      ${renderField(ctx, id('name'), 'enrollment.user.name', { autocomplete: 'name', maxlength: 80 })}
      ${this.#renderPassword(ctx, id)}
      <div class="actions">
        <button type="button" @click=${() => this.#access.back()}>${i18n.t('enrollment.back')}</button>
        <button type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${i18n.t(busy ? 'enrollment.signup.creating' : 'enrollment.signup.createId')}
        </button>
      </div>
    </form>`;
  }

  /**
   * The password, a Show button, and the rules, each marked as met while the
   * user types (from the shared schema's own checks). The server checks a
   * longer list of common passwords too; its answer lands here as well.
   */
  #renderPassword(ctx: FieldContext, id: (name: string) => string): TemplateResult {
    const { i18n } = ctx;
    const field = id('password');
    const password = ctx.value(field);
    const userId = ctx.value(id('user-id')).trim().toLowerCase();
    const rules: [MessageKey, boolean][] = [
      ['enrollment.password.rule.length', password.length >= PASSWORD_MIN_LENGTH],
      ['enrollment.password.rule.common', Boolean(password) && passwordWeakness(password) === null],
      ['enrollment.password.rule.userId', Boolean(password) && !(userId && password.toLowerCase().includes(userId))],
    ];
    const invalid = Boolean(ctx.error(field));
    return html`<div class="field">
      <label for=${field}>${i18n.t('enrollment.user.password')}</label>
      <ul class="rules" id="${field}-rules">
        ${rules.map(
          ([key, met]) =>
            html`<li class=${met ? 'met' : ''}>
              ${i18n.t(key, { min: PASSWORD_MIN_LENGTH })}<span class="visually-hidden">
                ${i18n.t(met ? 'enrollment.password.met' : 'enrollment.password.notMet')}</span
              >
            </li>`,
        )}
      </ul>
      <div class="password">
        <input
          id=${field}
          type=${this.#showPassword ? 'text' : 'password'}
          autocomplete="new-password"
          spellcheck="false"
          maxlength="128"
          .value=${live(password)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="${field}-rules${invalid ? ` ${field}-error` : ''}"
          @input=${(event: Event) => ctx.onInput(field, event)}
        />
        <button
          type="button"
          class="show-password"
          aria-controls=${field}
          aria-pressed=${this.#showPassword ? 'true' : 'false'}
          @click=${() => {
            this.#showPassword = !this.#showPassword;
            this.#host.requestUpdate();
          }}
        >
          ${i18n.t('enrollment.password.show')}
        </button>
      </div>
      ${renderFieldError(ctx, field)}
    </div>`;
  }

  renderCompany(): TemplateResult {
    const i18n = this.#access.i18n();
    const ctx = this.#access.ctx();
    const country = this.#access.value('country');
    return html`<form class="step signup-company" novalidate @submit=${(e: Event) => this.handleCompany(e)}>
      ${renderField(ctx, 'company', 'enrollment.user.company', {
        autocomplete: 'organization',
        hint: 'enrollment.user.companyHint',
        maxlength: 120,
      })}
      ${this.#countries.render({
        initial: () => renderLoading(i18n.t('enrollment.signup.countriesLoading')),
        pending: () => renderLoading(i18n.t('enrollment.signup.countriesLoading')),
        error: (error) =>
          renderLoadFailure(
            i18n,
            i18n.t('enrollment.signup.countriesError'),
            codeOf(error),
            () => void this.#countries.run(),
          ),
        complete: (countries) =>
          countries ? this.#renderCountry(ctx, countries) : renderLoading(i18n.t('enrollment.signup.countriesLoading')),
      })}
      <fieldset>
        <legend>${i18n.t('enrollment.address.legend')}</legend>
        ${renderField(ctx, 'line1', 'enrollment.address.line1', { autocomplete: 'address-line1', maxlength: 100 })}
        ${renderField(ctx, 'line2', 'enrollment.address.line2', { autocomplete: 'address-line2', maxlength: 100 })}
        ${renderField(ctx, 'city', 'enrollment.address.city', { autocomplete: 'address-level2', maxlength: 60 })}
        ${renderField(ctx, 'postal-code', 'enrollment.address.postalCode', {
          autocomplete: 'postal-code',
          maxlength: 12,
        })}
        ${
          REGION_COUNTRIES.has(country)
            ? renderField(ctx, 'region', 'enrollment.address.region', { autocomplete: 'address-level1', maxlength: 60 })
            : nothing
        }
      </fieldset>
      <fieldset>
        <legend>${i18n.t('enrollment.contact.legend')}</legend>
        ${renderField(ctx, 'contact-name', 'enrollment.contact.name', { autocomplete: 'name', maxlength: 80 })}
        ${renderField(ctx, 'contact-email', 'enrollment.contact.email', {
          type: 'email',
          autocomplete: 'email',
          spellcheck: false,
        })}
        ${renderField(ctx, 'contact-phone', 'enrollment.contact.phone', {
          type: 'tel',
          autocomplete: 'tel',
          hint: 'enrollment.contact.phoneHint',
          maxlength: 25,
        })}
      </fieldset>
      ${this.#renderActions(this.#access.signedIn() ? null : 'enrollment.back', 'enrollment.continue')}
    </form>`;
  }

  #renderCountry(ctx: FieldContext, countries: readonly string[]): TemplateResult {
    const { i18n } = ctx;
    const names = new Intl.DisplayNames([i18n.locale], { type: 'region' });
    const chosen = this.#access.value('country');
    // A country the host chose (`country`) stays shown even where it is not served: the server
    // says so beside the field, rather than the choice silently becoming "none".
    const options = [...new Set(chosen ? [...countries, chosen] : countries)]
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
    const invalid = Boolean(ctx.error('country'));
    return html`<div class="field">
      <label for="country">${i18n.t('enrollment.signup.country')}</label>
      <span class="hint" id="country-hint">${i18n.t('enrollment.signup.countryHint')}</span>
      <select
        id="country"
        autocomplete="country"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="country-hint${invalid ? ' country-error' : ''}"
        @change=${(e: Event) => this.#access.set({ country: (e.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${!chosen}>${i18n.t('enrollment.country.choose')}</option>
        ${options.map((o) => html`<option value=${o.code} ?selected=${o.code === chosen}>${o.name}</option>`)}
      </select>
      ${renderFieldError(ctx, 'country')}
    </div>`;
  }

  renderMethod(): TemplateResult {
    const i18n = this.#access.i18n();
    const ctx = this.#access.ctx();
    return html`<form class="step signup-method" novalidate @submit=${(e: Event) => void this.handleMethod(e)}>
      <p>${i18n.t('enrollment.method.intro')}</p>
      ${this.#types.render({
        initial: () => renderLoading(i18n.t('wallet.add.loading')),
        pending: () => renderLoading(i18n.t('wallet.add.loading')),
        error: (error) =>
          renderLoadFailure(i18n, i18n.t('wallet.add.typesError'), codeOf(error), () => void this.#types.run()),
        complete: (types) =>
          html`${renderMethodEntry({
            ctx,
            types,
            type: this.#addTypeNow(),
            frame: () => this.#frame.render(i18n.t('wallet.card.frameTitle')),
            onType: (type) => {
              this.#addType = type;
              this.#access.clear();
            },
          })}
          ${renderFieldError(ctx, 'add-type')}`,
      })}
      ${this.#renderActions('enrollment.back', 'enrollment.signup.open')}
    </form>`;
  }

  #renderActions(back: MessageKey | null, submit: MessageKey): TemplateResult {
    const i18n = this.#access.i18n();
    const busy = this.#access.busy();
    return html`<div class="actions">
      ${
        back
          ? html`<button type="button" class="button" @click=${() => this.#access.back()}>${i18n.t(back)}</button>`
          : nothing
      }
      <button type="submit" class="button primary" aria-disabled=${busy ? 'true' : 'false'}>
        ${i18n.t(busy ? 'enrollment.submitting' : submit)}
      </button>
    </div>`;
  }

  renderDone(): TemplateResult {
    const i18n = this.#access.i18n();
    const account = this.account!;
    return html`<div class="done">
      <p>${i18n.t('enrollment.signup.doneText', { company: account.company.name, userId: account.user.userId })}</p>
      <p>${i18n.t('enrollment.signup.doneMethod', { method: methodText(i18n, account) })}</p>
      <p>${i18n.t('enrollment.signup.doneNext')}</p>
    </div>`;
  }
}

/** "Visa •••• 4242", "Bank account (ACH) •••• 6789": enough to recognise the method. */
function methodText(i18n: I18n, account: PaymentAccount): string {
  const { type, brand, last4 } = account.method.method;
  const brandKey = `brand.${brand}` as MessageKey;
  const typeKey = `wallet.add.${type}` as MessageKey;
  const name =
    brand && i18n.t(brandKey) !== brandKey ? i18n.t(brandKey) : i18n.t(typeKey) !== typeKey ? i18n.t(typeKey) : type;
  return last4 ? `${name} •••• ${last4}` : name;
}

const codeOf = (error: unknown) =>
  error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : 'unknown';
