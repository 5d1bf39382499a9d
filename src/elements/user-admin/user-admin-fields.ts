/**
 * What the user form and the recovery form share: a text field wired for
 * screen readers (label, hint, message, `aria-invalid`), the message of a
 * field code, and the error summary's entries that lead to each field.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SummaryItem } from '../../internal/error-summary.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

/** What a form's fields need: values, messages, and where typing goes. */
export interface FieldContext {
  i18n: I18n;
  value(id: string): string;
  error(id: string): string | undefined;
  onInput(id: string, event: Event): void;
}

export interface FieldOptions {
  type?: 'text' | 'email';
  autocomplete?: string;
  hint?: MessageKey;
  maxlength?: number;
  autofocus?: boolean;
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
      spellcheck="false"
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

/**
 * The message of a field code: the form's own wording for that field and
 * code, else the common wording of the code.
 */
export function fieldMessage(i18n: I18n, field: string, code: string): string {
  for (const key of [`userAdmin.field.${field}.${code}`, `field.${code}`] as MessageKey[]) {
    if (i18n.t(key) !== key) return i18n.t(key);
  }
  return i18n.t('field.invalid_value');
}

/**
 * The summary's entries for field messages, in the form's order: each after
 * its field's label (a group's legend), linked to the field; then any
 * message for a field the form does not have.
 */
export function summaryItems(root: ParentNode, errors: Readonly<Record<string, string>>): SummaryItem[] {
  const fields = [...root.querySelectorAll<HTMLElement>('[id]')].filter((node) => errors[node.id] !== undefined);
  const shown = new Set(fields.map((field) => field.id));
  // A message about something the form does not show (the server may say more than the form asks) still shows.
  const loose = Object.entries(errors)
    .filter(([id]) => !shown.has(id))
    .map(([, message]) => ({ message }));
  const linked = fields.map((target) => {
    const message = errors[target.id]!;
    const group = target.localName === 'fieldset';
    const own = group
      ? target.querySelector('legend')?.textContent
      : root.querySelector(`label[for="${target.id}"]`)?.textContent;
    // "User ID" twice in one form: the group it belongs to tells which.
    const within = group ? null : target.closest('fieldset')?.querySelector('legend')?.textContent;
    const label = [within, own]
      .filter(Boolean)
      .map((text) => text!.trim())
      .join(' — ');
    return {
      message: label ? `${label}: ${message}` : message,
      focus: () =>
        (group
          ? (target.querySelector<HTMLElement>('input:checked:not(:disabled)') ??
            target.querySelector<HTMLElement>('input:not(:disabled)'))
          : target
        )?.focus(),
    };
  });
  return [...linked, ...loose];
}
