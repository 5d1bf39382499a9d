/**
 * The base of every billing element: takes the provider's context, exposes
 * the locale's messages and formats, reports custom states for CSS
 * (`:state(loading)`), and replaces itself with a clear message when it is
 * used outside a provider — never a blank box.
 */
import { ContextRoot, consume } from '@lit/context';
import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { billingContext, type BillingContext } from '../context/billing-context.js';
import { commonMessages } from '../locales/common.js';
import {
  createI18n,
  hasLocale,
  loadLocale,
  matchLocale,
  registerMessages,
  type I18n,
  type MessageBundle,
  type MessageOverrides,
} from './i18n.js';
import { renderMisuse, reportOnce, warnUnshippedLocale, type Misuse } from './misuse.js';
import { baseStyles } from './styles.js';

const PROVIDER = 'ups-billing-provider';
const ROOT_KEY = Symbol.for('ups-billing-elements.context-root');

/**
 * Lets a provider that upgrades after its children (its module loaded later)
 * still answer their requests. One per document, even with two library copies.
 */
function ensureContextRoot(): void {
  const host = globalThis as unknown as Record<symbol, boolean>;
  if (host[ROOT_KEY]) return;
  host[ROOT_KEY] = true;
  new ContextRoot().attach(document.documentElement);
}

/** The nearest `<ups-billing-provider>` above `node`, crossing shadow roots. */
function providerAbove(node: Node): Element | null {
  for (let current: Node | null = node.parentNode; current;) {
    if (current instanceof Element && current.localName === PROVIDER) return current;
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return null;
}

let fallback: I18n | undefined;
let fallbackOverrides: MessageOverrides | undefined;

export abstract class UpsBillingElement extends LitElement {
  static override styles = [baseStyles];

  /** The message bundles the element shows; subclasses add their own to the common one. */
  static messages: readonly MessageBundle[] = [commonMessages];

  protected readonly internals: ElementInternals = this.attachInternals();

  @consume({ context: billingContext, subscribe: true })
  @state()
  protected billing: BillingContext | undefined;

  @state() private missingProvider = false;

  /**
   * Locale of this element alone (`en`, `fr`, `fr-CA`…). By default the
   * provider's, else the page's `<html lang>`, else English.
   */
  @property({ reflect: true }) locale: string | undefined;

  /** Messages and formats of the locale in effect. */
  protected get i18n(): I18n {
    warnUnshippedLocale(this.locale, `<${this.localName}>`);
    const own = matchLocale(this.locale);
    const provided = this.billing?.i18n;
    if (provided && (!own || own === provided.locale)) return provided;
    const locale = own ?? matchLocale(document.documentElement.lang) ?? 'en';
    const overrides = this.billing?.messages;
    if (fallback?.locale !== locale || fallbackOverrides !== overrides) {
      fallback = createI18n(locale, overrides);
      fallbackOverrides = overrides;
    }
    return fallback;
  }

  /**
   * Whether the element cannot work without a provider. Elements that can
   * (the invoice table given `.items`) override it.
   */
  protected needsProvider(): boolean {
    return true;
  }

  constructor() {
    super();
    registerMessages(...(this.constructor as typeof UpsBillingElement).messages);
  }

  override connectedCallback(): void {
    ensureContextRoot();
    super.connectedCallback();
    if (!this.billing) void this.#checkProvider();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // An element defined after the provider switched locale brings bundles
    // the provider did not load: load them, then render again.
    const locale = this.i18n.locale;
    if (!hasLocale(locale)) void loadLocale(locale).then(() => this.requestUpdate());
  }

  async #checkProvider(): Promise<void> {
    // A provider further up may not be defined yet: give it its chance first.
    if (providerAbove(this) && !customElements.get(PROVIDER)) {
      await Promise.race([customElements.whenDefined(PROVIDER), new Promise((r) => setTimeout(r, 3000))]);
    }
    await new Promise((r) => requestAnimationFrame(r));
    if (this.billing || !this.isConnected || !this.needsProvider()) return;
    this.missingProvider = true;
    reportOnce(
      `<${this.localName}> has no <${PROVIDER}> around it, so it cannot reach the billing API. ` +
        `Fix: import 'ups-billing-elements/billing-provider' and wrap it: ` +
        `<${PROVIDER} api-base="/api/v1"><${this.localName}></${this.localName}></${PROVIDER}>.`,
    );
  }

  /**
   * A host mistake the element cannot work around (an unknown `view`…):
   * shown in its place, and reported once in the console. None by default.
   */
  protected misuse(): Misuse | null {
    return null;
  }

  /** Turns a custom state on or off, for `:state(name)` selectors. */
  protected toggleState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers without CustomStateSet: the state is only a styling hook.
    }
  }

  override render(): TemplateResult | typeof nothing {
    const misuse = this.misuse();
    if (misuse) {
      reportOnce(misuse.console);
      return renderMisuse(this.i18n, misuse);
    }
    if (this.billing || !this.needsProvider()) return this.renderContent();
    if (!this.missingProvider) return nothing;
    return renderMisuse(this.i18n, { key: 'provider.missing' });
  }

  /** The element's own content, rendered once a provider is present. */
  protected abstract renderContent(): TemplateResult;
}
