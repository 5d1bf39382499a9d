import { ContextProvider } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BillingClient, type TokenSource } from '../api/client.js';
import { getSession } from '../api/endpoints/session.js';
import { isBillingApiError } from '../api/errors.js';
import { emit } from '../internal/emit.js';
import {
  createI18n,
  hasLocale,
  loadLocale,
  matchLocale,
  registerMessages,
  type Locale,
  type MessageOverrides,
} from '../internal/i18n.js';
import { commonMessages } from '../locales/common.js';
import type {} from '../events/session-change.js';
import { billingContext, type BillingContext, type SessionState } from './billing-context.js';

/**
 * Shares the API client, the session and the locale with every billing
 * element inside it. Put it once around the part of the page that shows
 * billing; it renders nothing of its own.
 *
 * @summary Shares the API client, session and locale with the billing elements inside it.
 * @slot - The billing elements.
 * @fires ups-session-change - The session was loaded, refused or cleared. `detail` is the session state.
 */
export class UpsBillingProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  readonly #context = new ContextProvider(this, { context: billingContext });

  readonly #session = new Task(this, {
    task: async ([client, signedIn], { signal }) => {
      if (!signedIn || !client) return null;
      return client.call(getSession, {}, { signal });
    },
    args: () => [this.#client, this.#hasToken()] as const,
  });

  @state() private catalogLocale: Locale = 'en';

  /** Base URL of the billing API, absolute or relative to the page. */
  @property({ attribute: 'api-base' }) apiBase = '/api/v1';

  /**
   * Locale of the elements (`en`, `fr`, or a tag such as `fr-CA`). Defaults to
   * the page's `<html lang>`, then English.
   */
  @property() locale: string | undefined;

  /** Country of the payer (ISO 3166-1 alpha-2); defaults to the signed-in company's. */
  @property() country: string | undefined;

  /**
   * Where every element's "Help" link goes. Elements show it under a failure,
   * in a form's error summary and beside the sign-up; without `help-href`,
   * `contact-href` or `assistant-href` they show no help links at all.
   */
  @property({ attribute: 'help-href' }) helpHref: string | undefined;

  /** Where every element's "Contact us" link goes (a page with the billing support's phone numbers). */
  @property({ attribute: 'contact-href' }) contactHref: string | undefined;

  /** Where the "Virtual assistant" link goes, offered beside Help; none by default. */
  @property({ attribute: 'assistant-href' }) assistantHref: string | undefined;

  /**
   * The `target` of the help links. By default they open in the same tab (a
   * form in progress stays in the history); `_blank` opens a new one, and the
   * links say so to screen readers.
   */
  @property({ attribute: 'help-target' }) helpTarget: string | undefined;

  /** A bearer token from the host's sign-in. Kept in memory only. Use `getToken` to renew tokens. */
  @property({ attribute: false }) token: string | null | undefined;

  /**
   * Returns a bearer token; called before requests, and with `{ refresh: true }`
   * after a 401 so the host can renew it. Takes precedence over `token`.
   */
  @property({ attribute: false }) getToken: TokenSource | undefined;

  /** Replacement texts by message key, e.g. `{ 'invoiceTable.empty': 'Nothing due' }`. */
  @property({ attribute: false }) messages: MessageOverrides | undefined;

  /** Transport for API calls; defaults to `fetch`. */
  @property({ attribute: false }) fetch: typeof globalThis.fetch | undefined;

  #client: BillingClient | undefined;

  constructor() {
    super();
    registerMessages(commonMessages);
  }

  /** The locale in effect: the attribute, else `<html lang>`, else English. */
  get resolvedLocale(): Locale {
    return matchLocale(this.locale) ?? matchLocale(document.documentElement.lang) ?? 'en';
  }

  #hasToken(): boolean {
    return Boolean(this.getToken || this.token);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.#client || changed.has('apiBase') || changed.has('fetch')) {
      this.#client = new BillingClient({
        baseUrl: this.apiBase,
        fetch: this.fetch,
        // Read the properties at call time, so a new token needs no new client.
        getToken: (options) => (this.getToken ? this.getToken(options) : this.token),
      });
    }
    const locale = this.resolvedLocale;
    if (this.catalogLocale !== locale) {
      // Switch only once the messages are in, so the page never flashes English.
      if (hasLocale(locale)) this.catalogLocale = locale;
      else void loadLocale(locale).then(() => (this.catalogLocale = this.resolvedLocale));
    }
  }

  override updated(): void {
    const previous = this.#context.value?.session;
    const next = this.#contextValue();
    this.#context.setValue(next);
    if (previous && JSON.stringify(previous) !== JSON.stringify(next.session)) {
      emit(this, 'ups-session-change', next.session);
    }
  }

  #sessionState(): SessionState {
    if (!this.#hasToken()) return { status: 'signed-out' };
    const task = this.#session;
    if (task.status === TaskStatus.COMPLETE && task.value) return { status: 'ready', session: task.value };
    if (task.status === TaskStatus.ERROR) {
      const error = task.error;
      return { status: 'error', code: isBillingApiError(error) ? error.code : 'unknown' };
    }
    return { status: 'loading' };
  }

  #contextValue(): BillingContext {
    const session = this.#sessionState();
    const i18n = createI18n(this.catalogLocale, this.messages);
    return {
      client: this.#client!,
      session,
      i18n,
      messages: this.messages,
      country:
        this.country?.toUpperCase() ?? (session.status === 'ready' ? (session.session.company?.country ?? 'US') : 'US'),
      helpHref: this.helpHref ?? null,
      contactHref: this.contactHref ?? null,
      assistantHref: this.assistantHref ?? null,
      helpTarget: this.helpTarget ?? null,
    };
  }

  /** Reloads the session, e.g. after the host changed the user's role. */
  refreshSession(): void {
    void this.#session.run();
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
