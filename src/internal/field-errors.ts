/**
 * How a refusal's field codes (a BillingApiError's `fieldErrors`: server
 * path → code) become messages by the fields a form shows. Each element
 * keeps its own path → field mapping and its own message keys; this is only
 * the walk over the codes and the look-up of the first wording that exists.
 */
import type { MessageKey } from '../locales/types.js';
import type { I18n, Params } from './i18n.js';

/**
 * The first of `keys` the locale has a message for (most specific first,
 * e.g. the field's own wording, then the element's, then the common one),
 * else the common "invalid value".
 */
export function firstMessage(i18n: I18n, keys: readonly string[], params?: Params): string {
  for (const key of keys as readonly MessageKey[]) {
    const text = i18n.t(key, params);
    if (text !== key) return text;
  }
  return i18n.t('field.invalid_value');
}

export interface PlacedFieldErrors {
  /** Field id → message, for the fields the form shows; the first code of a field wins. */
  errors: Record<string, string>;
  /** The codes no shown field takes, in order, for the error summary. */
  loose: { path: string; message: string }[];
}

/**
 * Places field codes: `fieldOf` gives the shown field of a server path (none
 * where the form does not show it), `message` the wording of a code (given
 * its path, and its field where it has one).
 */
export function placeFieldErrors(
  fieldErrors: Readonly<Record<string, string>>,
  fieldOf: (path: string) => string | null | undefined,
  message: (code: string, path: string, field: string | undefined) => string,
): PlacedFieldErrors {
  const errors: Record<string, string> = {};
  const loose: PlacedFieldErrors['loose'] = [];
  for (const [path, code] of Object.entries(fieldErrors)) {
    const field = fieldOf(path) ?? undefined;
    if (field) errors[field] ??= message(code, path, field);
    else loose.push({ path, message: message(code, path, undefined) });
  }
  return { errors, loose };
}
