/**
 * The error summary at the top of a form (GOV.UK pattern): a list of what is
 * wrong, each linking to its field. It takes focus when it appears, so the
 * first thing a screen reader says after a failed submit is what failed.
 * Under the list, the host's help and contact links (none unless the
 * provider has them), for whoever cannot fix what it says alone.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderHelpLinks, type HelpLinkAddresses } from './help-links.js';
import type { I18n } from './i18n.js';

export interface SummaryItem {
  message: string;
  /** Moves focus to the field; absent for errors not tied to one field. */
  focus?: () => void;
}

/**
 * `i18n`: the form's messages, for the help links' words (by default the
 * provider's); `addresses`: links that take precedence over the provider's.
 */
export function renderErrorSummary(
  title: string,
  items: readonly SummaryItem[],
  i18n?: I18n,
  addresses?: HelpLinkAddresses,
): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  return html`<div
    class="error-summary"
    role="alert"
    tabindex="-1"
    aria-labelledby="error-summary-title"
    part="error-summary"
  >
    <h3 id="error-summary-title">${title}</h3>
    <ul>
      ${items.map((item) =>
        item.focus
          ? html`<li>
              <a
                href="#"
                @click=${(event: Event) => {
                  event.preventDefault();
                  item.focus!();
                }}
                >${item.message}</a
              >
            </li>`
          : html`<li>${item.message}</li>`,
      )}
    </ul>
    ${renderHelpLinks(i18n, 'common.helpLead', addresses)}
  </div>`;
}

/** Focuses the summary after it rendered (call from `updated`). */
export function focusErrorSummary(root: ShadowRoot | null): void {
  root?.querySelector<HTMLElement>('.error-summary')?.focus();
}
