import { ContextProvider } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BillingClient, type TokenSource } from '../api/client.js';
import { getSession } from '../api/endpoints/session.js';
import { isBillingApiError } from '../api/errors.js';
import { emit } from '../internal/emit.js';
import { renderMisuse, reportOnce, warnUnshippedLocale } from '../internal/misuse.js';
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

/** The nearest provider above `node`, crossing shadow roots (a provider inside an element's template counts). */
function outerProvider(node: Node): Element | null {
  for (let current: Node | null = node.parentNode; current;) {
    if (
      current instanceof UpsBillingProvider ||
      (current instanceof Element && current.localName === 'ups-billing-provider')
    )
      return current;
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return null;
}

/** The provider's `theme`: `auto` follows the system's `prefers-color-scheme`. */
export type BillingTheme = 'light' | 'dark' | 'auto';

/**
 * The dark theme: values for the global tokens, nothing else, so a host's own
 * `--ups-*` rule on the provider still wins. Exported for Storybook's canvas;
 * contrast ratios are in docs/THEMING.md, whose snippet a test keeps in step.
 */
export const darkTheme = css`
  color-scheme: dark;
  --ups-color-text: #ecebe7;
  --ups-color-text-muted: #b4b1aa;
  --ups-color-background: var(--ups-color-surface);
  --ups-color-surface: #1f1e1c;
  --ups-color-surface-alt: #2b2926;
  --ups-color-border: #4a4743;
  --ups-color-control-border: #85817a;
  --ups-color-accent: #e3b672;
  --ups-color-on-accent: #1f1e1c;
  --ups-color-selected: color-mix(in srgb, var(--ups-color-accent) 14%, var(--ups-color-surface));
  --ups-color-danger: #ff8f85;
  --ups-color-success: #7dd493;
  --ups-color-warning: #f2c061;
  --ups-color-focus: #79b8ff;
  --ups-color-backdrop: rgb(0 0 0 / 60%);
  --ups-shadow: 0 6px 24px rgb(0 0 0 / 55%);
`;

/**
 * Shares the API client, the session and the locale with every billing
 * element inside it. Put it once around the part of the page that shows
 * billing; it renders nothing of its own.
 *
 * It also carries the theme: with `theme="dark"` it sets the dark `--ups-*`
 * tokens on itself, and every element inside inherits them (docs/THEMING.md).
 *
 * @summary Shares the API client, session and locale with the billing elements inside it.
 * @slot - The billing elements.
 * @fires ups-session-change - The session was loaded, refused or cleared. `detail` is the session state.
 */
export class UpsBillingProvider extends LitElement {
  // The dark tokens apply on screen only: printed, a receipt goes back to dark text on white paper.
  static override styles = css`
    :host {
      display: contents;
      color-scheme: light;
    }
    @media screen {
      :host([theme='dark']) {
        ${darkTheme}
      }
    }
    @media screen and (prefers-color-scheme: dark) {
      :host([theme='auto']) {
        ${darkTheme}
      }
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
  /** Inside another provider: two sources of session and locale would disagree, so it shows a message instead. */
  @state() private nested = false;

  /**
   * The colour theme of the elements inside: `light`, `dark`, or `auto` (the
   * system's choice). Reflected: the theme's tokens hang on the attribute.
   */
  @property({ reflect: true }) theme: BillingTheme = 'light';

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
    warnUnshippedLocale(this.locale, `<${this.localName}>`);
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

  override connectedCallback(): void {
    super.connectedCallback();
    this.nested = outerProvider(this) !== null;
    if (this.nested) {
      reportOnce(
        `<${this.localName}> is inside another <${this.localName}>, so the elements in it would get a second session and locale. ` +
          'Fix: keep one provider around all billing elements of the page and remove the inner one.',
      );
    }
  }

  override render(): TemplateResult {
    if (this.nested) return renderMisuse(createI18n(this.catalogLocale, this.messages), { key: 'provider.nested' });
    return html`<slot></slot>`;
  }
}
