/**
 * Messages and formatting for one locale. English ships in every bundle;
 * French loads on demand, so a page that never shows French never pays for it.
 */
import type { Money } from '../api/schemas/common.js';
import { en, type Catalog, type MessageKey } from '../locales/en.js';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** `fr-CA` → `fr`; anything we do not ship → null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : null;
}

const loaded: Partial<Record<Locale, Catalog>> = { en };

export async function loadCatalog(locale: Locale): Promise<Catalog> {
  if (!loaded[locale]) loaded[locale] = (await import('../locales/fr.js')).fr;
  return loaded[locale]!;
}

export type Params = Record<string, string | number>;
export type MessageOverrides = Partial<Record<MessageKey, string>>;

export interface I18n {
  readonly locale: Locale;
  /** The message for `key`, with `{name}` parameters filled in. */
  t(key: MessageKey, params?: Params): string;
  /** Picks `key.one` / `key.other` by the locale's plural rules, with `{count}` filled in. */
  plural(key: string, count: number, params?: Params): string;
  /** The message for an API error code, or the generic one. */
  error(code: string, params?: Params): string;
  money(value: Money): string;
  /** A `YYYY-MM-DD` date, formatted for the locale without any time-zone shift. */
  date(iso: string): string;
  number(value: number): string;
}

const fill = (text: string, params?: Params) =>
  params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function createI18n(locale: Locale, catalog: Catalog, overrides: MessageOverrides = {}): I18n {
  const lookup = (key: string): string | undefined =>
    (overrides as Record<string, string>)[key] ?? (catalog as Record<string, string>)[key];
  const pluralRules = new Intl.PluralRules(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale);
  const i18n: I18n = {
    locale,
    t: (key, params) => fill(lookup(key) ?? key, params),
    plural: (key, count, params) =>
      fill(lookup(`${key}.${pluralRules.select(count)}`) ?? lookup(`${key}.other`) ?? key, {
        count: numbers.format(count),
        ...params,
      }),
    error: (code, params) => fill(lookup(`error.${code}`) ?? lookup('error.unknown')!, params),
    money(value) {
      const id = `${locale}:${value.currency}`;
      let format = moneyFormats.get(id);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency });
        moneyFormats.set(id, format);
      }
      // Minor units → major by the currency's own digits (0 for JPY, 2 for EUR, 3 for KWD).
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(value.amount / 10 ** digits);
    },
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    number: (value) => numbers.format(value),
  };
  return i18n;
}
