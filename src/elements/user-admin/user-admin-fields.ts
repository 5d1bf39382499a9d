/**
 * What the user form and the recovery form share beyond src/internal/fields.ts:
 * their text field (the shared one, never spell-checked), the message of a
 * field code, and the error summary's entries in the form's order, with the
 * group a field belongs to (two "User ID" fields in one form).
 */
import type { TemplateResult } from 'lit';
import {
  renderField as renderSharedField,
  type FieldContext,
  type FieldOptions as SharedFieldOptions,
} from '../../internal/fields.js';
import type { SummaryItem } from '../../internal/error-summary.js';
import { firstMessage } from '../../internal/field-errors.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

export { renderFieldError, type FieldContext } from '../../internal/fields.js';

export interface FieldOptions extends Pick<SharedFieldOptions, 'autocomplete' | 'hint' | 'maxlength' | 'autofocus'> {
  type?: 'text' | 'email';
}

/** The shared text field, never spell-checked: these forms ask for user IDs, names and e-mail addresses. */
export function renderField(
  ctx: FieldContext,
  id: string,
  label: MessageKey,
  options: FieldOptions = {},
): TemplateResult {
  return renderSharedField(ctx, id, label, { ...options, spellcheck: false });
}

/**
 * The message of a field code: the form's own wording for that field and
 * code, else the common wording of the code.
 */
export function fieldMessage(i18n: I18n, field: string, code: string): string {
  return firstMessage(i18n, [`userAdmin.field.${field}.${code}`, `field.${code}`]);
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
