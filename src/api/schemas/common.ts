/**
 * Building blocks shared by every part of the contract.
 *
 * The contract is written with `zod/mini` because the same schemas ship to the
 * browser: the functional API tree-shakes, and full zod would cost the guest
 * page ~20 KB gzip more for identical validation.
 */
import './zod-config.js';
import * as z from 'zod/mini';
// `z.iso.date()` is this call (zod's own `iso.date` is `_isoDate(ZodMiniISODate, params)`), made
// directly: reaching it through the `z.iso` namespace makes a bundler keep the whole namespace, the
// ISO time and duration schemas too, which no schema here uses (0.2 KB gzip on a guest page).
import { _isoDate, _isoDateTime } from 'zod/v4/core';

/** ISO 4217 alphabetic code. Validated by shape only; the server decides which ones it serves. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/));

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/));

/**
 * Money is always an integer count of minor units plus its currency: never a
 * float, so sums are exact in the database, on the wire and in the browser.
 */
export const Money = z.object({
  amount: z.int(),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** A calendar date with no time and no zone (`YYYY-MM-DD`), e.g. a due date. */
export const IsoDate = _isoDate(z.ZodMiniISODate);

/** An instant, ISO 8601 with offset. */
export const IsoDateTime = _isoDateTime(z.ZodMiniISODateTime, { offset: true });

/** Six letters or digits, as printed on a UPS invoice. */
export const AccountNumber = z.string().check(z.regex(/^[A-Z0-9]{6}$/));

/** Billing plan numbers are printed as `P` plus 7 characters. */
export const PlanNumber = z.string().check(z.regex(/^P[A-Z0-9]{7}$/));

/** Invoice numbers: a short alphanumeric code, compared case-insensitively. */
export const InvoiceNumber = z.string().check(z.regex(/^[A-Za-z0-9-]{4,24}$/));

/**
 * A free-text search. Three characters at least, since shorter strings match
 * too much to be useful and cannot use the trigram index; the upper limit
 * keeps hostile inputs cheap to refuse.
 */
export const SearchText = z.string().check(z.minLength(3), z.maxLength(100));

/** Paging query shared by list endpoints. Values arrive as strings in a query string. */
export const pageQuery = {
  page: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000))),
  pageSize: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
};

/** The largest page a list endpoint serves. */
export const MAX_PAGE_SIZE = 200;
