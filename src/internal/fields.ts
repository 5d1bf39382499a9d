/**
 * Form fields the elements share: a text field wired for screen readers
 * (label, hint, message, `aria-invalid`, `aria-describedby`), a check box,
 * and the error summary's entries for field messages. Each element keeps its
 * own mapping from the server's field paths to its fields.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MessageKey } from '../locales/types.js';
import type { SummaryItem } from './error-summary.js';
import type { I18n } from './i18n.js';

/** What a field needs from its element: values, messages, and where typing goes. */
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
  maxlength?: number;
  autofocus?: boolean;
  /** `false` for codes and names a spell checker would only mark as wrong (user IDs, e-mail addresses). */
  spellcheck?: boolean;
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
      spellcheck=${options.spellcheck === undefined ? nothing : String(options.spellcheck)}
      maxlength=${options.maxlength ?? nothing}
      ?autofocus=${options.autofocus ?? false}
      .value=${live(ctx.value(id))}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      @input=${(event: Event) => ctx.onInput(id, event)}
    />
    ${renderFieldError(ctx, id)}
  </div>`;
}

/** What typing put in a field: a check box's state as `'true'` or `'false'`, else the text. */
export function inputValue(event: Event): string {
  const target = event.target as HTMLInputElement;
  return target.type === 'checkbox' ? String(target.checked) : target.value;
}

/**
 * The context of a form that keeps its values and messages in records (replaced, never changed in place):
 * `fields` and `errors` are read when asked, so a context kept across an `await` sees what the user typed since.
 */
export function recordContext(
  i18n: I18n,
  fields: () => Readonly<Record<string, string>>,
  errors: () => Readonly<Record<string, string>>,
  set: (id: string, value: string) => void,
): FieldContext {
  return {
    i18n,
    value: (id) => fields()[id] ?? '',
    error: (id) => errors()[id],
    onInput: (id, event) => set(id, inputValue(event)),
  };
}

/** A check box bound to a field that holds `'true'` or `''`. */
export function renderCheckbox(ctx: FieldContext, id: string, label: string): TemplateResult {
  const invalid = Boolean(ctx.error(id));
  return html`<div class="field">
    <label class="choice"
      ><input
        id=${id}
        type="checkbox"
        .checked=${live(ctx.value(id) === 'true')}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `${id}-error` : nothing}
        @change=${(event: Event) => ctx.onInput(id, event)}
      />
      ${label}</label
    >
    ${renderFieldError(ctx, id)}
  </div>`;
}

/** The summary's entries for field messages: each after its field's label (a group's legend), linked to it. */
export function summaryItems(root: ParentNode, errors: Readonly<Record<string, string>>): SummaryItem[] {
  return Object.entries(errors).map(([id, message]) => {
    const target = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    const group = target?.localName === 'fieldset';
    const label = group
      ? target.querySelector('legend')?.textContent
      : target?.getAttribute('type') === 'checkbox'
        ? null
        : root.querySelector(`label[for="${id}"]`)?.textContent;
    return {
      message: label ? `${label.trim()}: ${message}` : message,
      focus: () => (group ? target.querySelector<HTMLElement>('input, select') : target)?.focus(),
    };
  });
}
