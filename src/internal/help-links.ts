/**
 * The "Help" and "Contact us" links every element offers where a user may
 * be stuck: under a failure, in a form's error summary, beside the sign-up.
 * The addresses are the host's, given once on `<ups-billing-provider>`
 * (`help-href`, `contact-href`, and optionally `assistant-href` for a
 * virtual assistant); with none of them set, nothing renders — no dead
 * "Help" text that leads nowhere.
 *
 * It is a small element of its own, not a template
 * function, so that the shared views (failure, error summary) can show it
 * without every element passing the links down: it takes them from the
 * provider's context itself, through any number of shadow roots.
 *
 * Links open in the same tab — a user in the middle of a form keeps it in
 * the history — unless the host sets `help-target` (e.g. `_blank`); then
 * they say so in their text, to everyone (not only to screen readers: a tab
 * that opens unasked surprises anyone), and carry `rel="noopener"`.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { billingContext, type BillingContext } from '../context/billing-context.js';
import type { MessageKey } from '../locales/types.js';
import { define } from './define.js';
import type { I18n } from './i18n.js';

/** The addresses the links go to; `null` or absent: that link is left out. */
export interface HelpLinkAddresses {
  helpHref?: string | null;
  assistantHref?: string | null;
  contactHref?: string | null;
  helpTarget?: string | null;
}

/** Each link: where its address is, and its words, in the order shown. */
export const HELP_LINKS = [
  ['helpHref', 'common.help'],
  ['assistantHref', 'common.assistant'],
  ['contactHref', 'common.contact'],
] as const satisfies readonly (readonly [keyof HelpLinkAddresses, MessageKey])[];

/**
 * The links of `own` where set, else the provider's: an element on a public
 * page without a provider (the sign-up) brings its own.
 */
export function helpAddresses(
  billing: BillingContext | undefined,
  own: HelpLinkAddresses = {},
): Required<HelpLinkAddresses> {
  // An empty attribute (`help-href=""`) counts as none: a link to the page itself helps nobody.
  return {
    helpHref: own.helpHref || billing?.helpHref || null,
    assistantHref: own.assistantHref || billing?.assistantHref || null,
    contactHref: own.contactHref || billing?.contactHref || null,
    helpTarget: own.helpTarget || billing?.helpTarget || null,
  };
}

/** Whether any link would show. */
export function hasHelpLinks(addresses: HelpLinkAddresses): boolean {
  return HELP_LINKS.some(([key]) => Boolean(addresses[key]));
}

/**
 * @summary Internal: the host's Help, virtual assistant and Contact links, from the provider.
 * @csspart help-links - The line of links.
 */
export class UpsHelpLinks extends LitElement {
  // No `:host` display: left inline, the `hidden` attribute hides it (a grid or flex parent blocks it anyway).
  static override styles = css`
    p {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35em 1em;
      margin: 0;
    }
    a {
      color: var(--_ups-accent);
    }
  `;

  @consume({ context: billingContext, subscribe: true })
  @state()
  private billing: BillingContext | undefined;

  /**
   * The messages of the element that shows the links: an element may speak
   * another locale than its provider. By default the provider's.
   */
  @property({ attribute: false }) i18n: I18n | undefined;

  /** Addresses that take precedence over the provider's (an element's own attributes). */
  @property({ attribute: false }) addresses: HelpLinkAddresses | undefined;

  /** The message before the links, e.g. `common.helpLead` ("Need help?"); none by default. */
  @property({ attribute: false }) lead: MessageKey | undefined;

  override willUpdate(): void {
    // Hidden when empty, so it takes no room (no gap of a grid) where the host set no links.
    this.hidden = !this.#i18n() || !hasHelpLinks(helpAddresses(this.billing, this.addresses));
  }

  #i18n(): I18n | undefined {
    return this.i18n ?? this.billing?.i18n;
  }

  override render(): TemplateResult | typeof nothing {
    const links = helpAddresses(this.billing, this.addresses);
    const i18n = this.#i18n();
    if (!i18n || !hasHelpLinks(links)) return nothing;
    const blank = links.helpTarget === '_blank';
    return html`<p part="help-links">
      ${this.lead ? html`<span>${i18n.t(this.lead)}</span>` : nothing}
      ${HELP_LINKS.map(([key, label]) => {
        const href = links[key];
        if (!href) return nothing;
        return html`<a
          href=${href}
          target=${links.helpTarget ?? nothing}
          rel=${links.helpTarget && links.helpTarget !== '_self' ? 'noopener' : nothing}
          >${i18n.t(label)}${blank ? ` ${i18n.t('common.newTab')}` : nothing}</a
        >`;
      })}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ups-help-links': UpsHelpLinks;
  }
}

let linksDefined = false;

/**
 * The links as a template, for the shared views. `i18n`: the showing
 * element's messages, so the links follow its locale.
 */
export function renderHelpLinks(i18n?: I18n, lead?: MessageKey, addresses?: HelpLinkAddresses): TemplateResult {
  // Defined on first use, not on import: the class entry (`ups-billing-elements`) must define no tag.
  if (!linksDefined) {
    define('ups-help-links', UpsHelpLinks);
    linksDefined = true;
  }
  // Hidden until the element knows whether it has links: until then it takes no room.
  return html`<ups-help-links
    hidden
    class="help-links"
    .i18n=${i18n}
    .lead=${lead}
    .addresses=${addresses}
  ></ups-help-links>`;
}
