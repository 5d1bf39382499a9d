/**
 * The enrolment's sign-in fields live in the element's light DOM (in a
 * `<div slot="credentials">` it creates), not in its shadow root: password
 * managers and browser autofill look for `autocomplete="username"` /
 * `"new-password"` fields in the document's forms, and do not see (nor save
 * from) fields inside shadow roots. This module owns that container, and
 * renders the 45-day path's first-user form into it; the sign-up path's ID
 * form comes with the sign-up module (enrollment-signup.ts).
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { renderField, type FieldContext } from '../../internal/fields.js';
import { credentialStyles } from './enrollment.styles.js';

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

/** The light-DOM container of one element, created on first use and removed on disconnect. */
export class LightFields {
  readonly #host: HTMLElement;
  #container: HTMLElement | null = null;

  constructor(host: HTMLElement) {
    this.#host = host;
  }

  /** Renders `content` into the container (`nothing` empties it, and creates none). */
  render(content: TemplateResult | typeof nothing): void {
    if (content === nothing) {
      if (this.#container) render(nothing, this.#container);
      return;
    }
    if (!this.#container) {
      this.#container = document.createElement('div');
      this.#container.slot = 'credentials';
      this.#container.className = 'ups-enrollment-credentials';
      this.#host.append(this.#container);
      adoptCredentialStyles(this.#host);
    }
    render(content, this.#container, { host: this.#host });
  }

  remove(): void {
    this.#container?.remove();
    this.#container = null;
  }
}

export interface InvoiceUserProps {
  ctx: FieldContext;
  /** Prefixes an id: light-DOM ids must be unique in the document. */
  id: (name: string) => string;
  busy: boolean;
  onSubmit: (event: Event) => void;
  onBack: () => void;
}

/**
 * The 45-day path's first user. Labels, hints and messages sit beside their
 * inputs in the same tree, so `for` and `aria-describedby` resolve.
 */
export function renderInvoiceUser(props: InvoiceUserProps): TemplateResult {
  const { ctx, id } = props;
  const { i18n } = ctx;
  return html`<form novalidate @submit=${props.onSubmit}>
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
      <button type="button" @click=${props.onBack}>${i18n.t('enrollment.back')}</button>
      <button type="submit" aria-disabled=${props.busy ? 'true' : 'false'}>
        ${i18n.t(props.busy ? 'enrollment.submitting' : 'enrollment.submit')}
      </button>
    </div>
  </form>`;
}
