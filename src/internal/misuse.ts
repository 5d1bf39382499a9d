/**
 * What an element shows, and tells the developer, when the host page uses it
 * in a way it cannot work with: no provider, a provider inside another, an
 * unknown `view`. The page gets a short localized sentence where the element
 * would be (never a blank box, which looks like a slow network), and the
 * console gets the technical cause with the fix, once per cause, so a page
 * with fifty table rows does not print fifty errors.
 */
import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../locales/types.js';
import { matchLocale, type I18n, type Params } from './i18n.js';

export interface Misuse {
  /** The message people see in place of the element. */
  readonly key: MessageKey;
  readonly params?: Params;
  /** For developers: what is wrong and the fix, in English (console text is not localized). */
  readonly console: string;
}

/**
 * Causes already reported on this page. Shared through `globalThis` so that
 * two copies of the library (two bundles) do not report the same cause twice.
 */
const REPORTED = Symbol.for('ups-billing-elements.reported-misuse');
const shared = globalThis as unknown as Record<symbol, Set<string> | undefined>;
const reported: Set<string> = (shared[REPORTED] ??= new Set());

/** Prints `text` once per page (per `key`, by default the text); returns whether it was printed now. */
export function reportOnce(text: string, level: 'error' | 'warn' = 'error', key = text): boolean {
  if (reported.has(key)) return false;
  reported.add(key);
  if (level === 'warn') console.warn(text);
  else console.error(text);
  return true;
}

/** The visible part of a misuse, in the element's locale. */
export function renderMisuse(i18n: I18n, misuse: Pick<Misuse, 'key' | 'params'>): TemplateResult {
  return html`<p class="notice error" role="alert" part="misuse">${i18n.t(misuse.key, misuse.params)}</p>`;
}

/**
 * Warns once per unknown locale value: the element still works (in English,
 * unless a provider or `<html lang>` says otherwise), so a visible message
 * would be wrong, but the developer should know why the locale asked for is not used.
 */
export function warnUnshippedLocale(tag: string | null | undefined, where: string): void {
  if (!tag?.trim() || matchLocale(tag)) return;
  reportOnce(
    `${where} locale="${tag}" is not shipped by ups-billing-elements and is ignored: the texts follow ` +
      `the next locale in line (the provider's, then <html lang>), else English. ` +
      `Fix: use locale="en" or locale="fr" (a region such as fr-CA is fine), or override texts with the provider's .messages.`,
    'warn',
    // Once per value: every element of the page reads the same attribute.
    `locale:${tag.trim().toLowerCase()}`,
  );
}
