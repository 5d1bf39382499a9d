/** The form's own text fields (outside the card frame): label, hint, input and its error, wired for screen readers. */
import { html, nothing, type TemplateResult } from 'lit';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

/** What a field needs from the form: its value, its error, and where typing goes. */
export interface FieldContext {
  i18n: I18n;
  value(id: string): string;
  error(id: string): string | undefined;
  onInput(id: string, event: Event): void;
}

export interface FieldOptions {
  autocomplete?: string;
  inputmode?: string;
  type?: string;
  hint?: MessageKey;
}

export function renderFieldError(ctx: FieldContext, id: string): TemplateResult | typeof nothing {
  const message = ctx.error(id);
  return message ? html`<span class="field-error" id="${id}-error">${message}</span>` : nothing;
}

export function renderField(
  ctx: FieldContext,
  id: string,
  label: MessageKey,
  options: FieldOptions = {},
): TemplateResult {
  const invalid = Boolean(ctx.error(id));
  const described = [options.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${ctx.i18n.t(label)}</label>
    ${options.hint ? html`<span class="hint" id="${id}-hint">${ctx.i18n.t(options.hint)}</span>` : nothing}
    <input
      id=${id}
      type=${options.type ?? 'text'}
      autocomplete=${options.autocomplete ?? 'off'}
      inputmode=${options.inputmode ?? nothing}
      .value=${ctx.value(id)}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      @input=${(event: Event) => ctx.onInput(id, event)}
    />
    ${renderFieldError(ctx, id)}
  </div>`;
}
