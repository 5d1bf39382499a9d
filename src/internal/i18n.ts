/**
 * Messages and formatting for one locale.
 *
 * Catalogs come in bundles, one per element plus a common one. An element
 * class names its bundles (`static messages`); a bundle's English ships with
 * the element, other locales load on first use. A page therefore carries only
 * the messages of the elements it shows, and French costs nothing until asked.
 */
import type { Money } from '../api/schemas/common.js';
import type { MessageKey } from '../locales/types.js';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export type Catalog = Readonly<Record<string, string>>;

export interface MessageBundle {
  readonly id: string;
  readonly en: Catalog;
  /** Loaders of the other locales, e.g. `{ fr: () => import('../locales/fr/x.js') }`. */
  readonly load: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<{ default: Catalog }>>>;
}

/** `fr-CA` → `fr`; anything we do not ship → null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : null;
}

interface Registry {
  bundles: Map<string, MessageBundle>;
  tables: Record<Locale, Record<string, string>>;
  loaded: Record<Locale, Set<string>>;
  loading: Map<string, Promise<void>>;
}

/**
 * One registry per page, not per copy of this module: a page that loads
 * several single-file bundles has one copy in each, and the provider of one
 * bundle builds the messages that the elements of another show. Kept on
 * `globalThis` under a registered symbol, as the context root is.
 */
const REGISTRY = Symbol.for('ups-billing-elements.i18n');
const shared = globalThis as unknown as Record<symbol, Registry | undefined>;
const registry: Registry = (shared[REGISTRY] ??= {
  bundles: new Map(),
  tables: { en: {}, fr: {} },
  loaded: { en: new Set(), fr: new Set() },
  loading: new Map(),
});
const { bundles, tables, loaded, loading } = registry;

/** Makes bundles known; their English is available at once. */
export function registerMessages(...list: readonly MessageBundle[]): void {
  for (const bundle of list) {
    if (bundles.has(bundle.id)) continue;
    bundles.set(bundle.id, bundle);
    Object.assign(tables.en, bundle.en);
    loaded.en.add(bundle.id);
  }
}

/** True when every known bundle has its messages in `locale`. */
export function hasLocale(locale: Locale): boolean {
  for (const id of bundles.keys()) if (!loaded[locale].has(id)) return false;
  return true;
}

/** Loads `locale` for every known bundle. Resolves once all are in. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en') return;
  await Promise.all(
    [...bundles.values()]
      .filter((bundle) => !loaded[locale].has(bundle.id))
      .map((bundle) => {
        const key = `${locale}:${bundle.id}`;
        let pending = loading.get(key);
        if (!pending) {
          pending = bundle.load[locale]().then((module) => {
            Object.assign(tables[locale], module.default);
            loaded[locale].add(bundle.id);
          });
          loading.set(key, pending);
        }
        return pending;
      }),
  );
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

export function createI18n(locale: Locale, overrides: MessageOverrides = {}): I18n {
  // English backs up a bundle whose translation is still loading; tests make
  // sure no shipped key is missing in French.
  const lookup = (key: string): string | undefined =>
    (overrides as Record<string, string>)[key] ?? tables[locale][key] ?? tables.en[key];
  const pluralRules = new Intl.PluralRules(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale);
  return {
    locale,
    t: (key, params) => fill(lookup(key) ?? key, params),
    plural: (key, count, params) =>
      fill(lookup(`${key}.${pluralRules.select(count)}`) ?? lookup(`${key}.other`) ?? key, {
        count: numbers.format(count),
        ...params,
      }),
    error: (code, params) => fill(lookup(`error.${code}`) ?? lookup('error.unknown') ?? code, params),
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
}
