/**
 * The views an element shows in place of what it loads: a polite "Loading…"
 * that marks its region busy, and a failure with its reason, where
 * trying again can help a Try again button, and the host's help and
 * contact links (none unless the provider has them): someone who cannot
 * load their bills should not have to hunt for who to ask.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderHelpLinks } from './help-links.js';
import type { I18n } from './i18n.js';

/** `className`: the region's own class (its size and place), besides `loading`. */
export function renderLoading(message: string, className = ''): TemplateResult {
  return html`<div class="${className ? `${className} ` : ''}loading" aria-busy="true">
    <p role="status">${message}</p>
  </div>`;
}

/** What failed (`message`) and why (the error `code`); `retry` absent where trying again cannot help. */
export function renderLoadFailure(i18n: I18n, message: string, code: string, retry?: () => void): TemplateResult {
  return html`<div class="notice error" role="alert">
    <p>${message} ${i18n.error(code)}</p>
    ${retry ? html`<button type="button" class="button" @click=${retry}>${i18n.t('common.retry')}</button>` : nothing}
    ${renderHelpLinks(i18n, 'common.helpLead')}
  </div>`;
}
