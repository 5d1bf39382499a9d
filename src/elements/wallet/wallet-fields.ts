/**
 * What the wallet's dialogs share: a text field wired for screen readers
 * (label, hint, message, `aria-invalid`), and how the server's field paths
 * and codes land on the dialogs' fields.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SummaryItem } from '../../internal/error-summary.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

/** What a dialog's fields need from the element: values, messages, and where typing goes. */
export interface FieldContext {
  i18n: I18n;
  value(id: string): string;
  error(id: string): string | undefined;
  onInput(id: string, event: Event): void;
}

export interface FieldOptions {
  autocomplete?: string;
  inputmode?: string;
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
      type="text"
      autocomplete=${options.autocomplete ?? 'off'}
      inputmode=${options.inputmode ?? nothing}
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

/**
 * The server's field path → the dialog field that shows its message. Bank
 * numbers are typed when adding; when editing they are one read-only field.
 */
function fieldFor(path: string, dialog: 'add' | 'edit'): string {
  if (path === 'expMonth' || path === 'expYear' || path === 'expiry') return 'expiry';
  if (path.startsWith('rules.')) return `rule-${path.split('.')[1]}`;
  if (path === 'billingAddress.postalCode') return 'postal-code';
  if (path.startsWith('billingAddress.')) return path.slice('billingAddress.'.length);
  if (path === 'mandateVersion') return 'mandate';
  const bank: Record<string, string> = { routingNumber: 'routing', accountNumber: 'account-number', iban: 'iban' };
  if (bank[path]) return dialog === 'edit' ? 'bank-number' : bank[path];
  return path;
}

/** The message of a field code: the wallet's own wording first, then the common one. */
function fieldMessage(i18n: I18n, code: string): string {
  for (const key of [`wallet.field.${code}`, `field.${code}`] as MessageKey[]) {
    if (i18n.t(key) !== key) return i18n.t(key);
  }
  return i18n.t('field.invalid_value');
}

/**
 * Where a refusal's field codes go: beside the fields the dialog shows
 * (`has`), or as loose messages for the summary. A rule the dialog does not
 * show means AutoPay changed since the list loaded.
 */
export function placeProblem(
  i18n: I18n,
  code: string,
  fieldErrors: Readonly<Record<string, string>>,
  dialog: 'add' | 'edit',
  has: (id: string) => boolean,
): { errors: Record<string, string>; loose: string[]; unknownRule: boolean } {
  const paths = { ...fieldErrors };
  if (code === 'expiry_in_past' && !Object.keys(paths).length) paths['expiry'] = 'in_past';
  if (code === 'bank_details_not_editable' && !Object.keys(paths).length) paths['accountNumber'] = code;
  const errors: Record<string, string> = {};
  const loose: string[] = [];
  let unknownRule = false;
  for (const [path, fieldCode] of Object.entries(paths)) {
    const id = fieldFor(path, dialog);
    // The server says `not_editable` of each bank number; the wallet says why and what to do.
    const message = fieldMessage(i18n, code === 'bank_details_not_editable' ? code : fieldCode);
    if (has(id)) errors[id] ??= message;
    else if (path.startsWith('rules.')) unknownRule = true;
    else loose.push(message);
  }
  return { errors, loose, unknownRule };
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
