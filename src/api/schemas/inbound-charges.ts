/**
 * Inbound charges ("frais internes", Manage Inbound Charges): charges other
 * shippers bill to one of the company's accounts (as receiver or third
 * party). Per account: a default rule, accept or refuse; a list of shipper
 * accounts that are exceptions to it (their charges get the opposite of the
 * default); and whether UPS should contact the company before billing such
 * a charge.
 *
 * Exceptions mean "the opposite of the default", so changing the default
 * turns a list of refused shippers into a list of accepted ones. They are
 * kept, never silently cleared: switching back restores what was there, and
 * the element says what the list means next to the default.
 */
import './zod-config.js';
import * as z from 'zod/mini';
import { AccountNumber, IsoDateTime } from './common.js';

export const INBOUND_RULES = ['accept', 'refuse'] as const;
export const InboundRule = z.enum(INBOUND_RULES);
export type InboundRule = z.infer<typeof InboundRule>;

/** An account with no settings saved accepts inbound charges, and UPS does not call first: how UPS bills today. */
export const DEFAULT_INBOUND_RULE: InboundRule = 'accept';

/** Exceptions one account may hold; enough for any real list, small enough to show and check at once. */
export const MAX_INBOUND_EXCEPTIONS = 1_000;

/** A free note about a shipper ("Our Lyon supplier"). */
export const ExceptionNote = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

/** One account's settings at a glance, for the list of accounts. */
export const InboundChargeSummary = z.object({
  accountNumber: AccountNumber,
  accountName: z.string(),
  nickname: z.nullable(z.string()),
  defaultRule: InboundRule,
  contactBeforeBilling: z.boolean(),
  exceptionCount: z.int(),
  /** Null while the account has the defaults. */
  updatedAt: z.nullable(IsoDateTime),
});
export type InboundChargeSummary = z.infer<typeof InboundChargeSummary>;

export const InboundChargeList = z.object({ items: z.array(InboundChargeSummary) });
export type InboundChargeList = z.infer<typeof InboundChargeList>;

export const InboundException = z.object({
  shipperAccount: AccountNumber,
  note: z.nullable(z.string()),
  addedAt: IsoDateTime,
  /** Who added it; null once that user is removed. */
  addedBy: z.nullable(z.object({ userId: z.string(), name: z.string() })),
});
export type InboundException = z.infer<typeof InboundException>;

export const InboundChargeSettings = z.object({
  accountNumber: AccountNumber,
  defaultRule: InboundRule,
  contactBeforeBilling: z.boolean(),
  /** Shipper accounts whose charges get the opposite of `defaultRule`, by account number. */
  exceptions: z.array(InboundException),
  updatedAt: z.nullable(IsoDateTime),
});
export type InboundChargeSettings = z.infer<typeof InboundChargeSettings>;

export const UpdateInboundChargesRequest = z
  .strictObject({
    defaultRule: z.optional(InboundRule),
    contactBeforeBilling: z.optional(z.boolean()),
  })
  .check(
    z.refine((value) => value.defaultRule !== undefined || value.contactBeforeBilling !== undefined, {
      path: ['_'],
      message: 'Nothing to change',
    }),
  );
export type UpdateInboundChargesRequest = z.infer<typeof UpdateInboundChargesRequest>;

export const AddInboundExceptionRequest = z.strictObject({
  shipperAccount: AccountNumber,
  note: z.optional(z.nullable(ExceptionNote)),
});
export type AddInboundExceptionRequest = z.infer<typeof AddInboundExceptionRequest>;

export const InboundExceptionParams = z.strictObject({ number: AccountNumber, shipper: AccountNumber });

// ── CSV import ─────────────────────────────────────────────────────────

/**
 * An import is two requests with the same file. First `commit: false`: the
 * server reads every row and answers which are good, which are bad (line
 * number and reason) and which are already listed, writing nothing. The
 * element shows the bad rows and asks the user to confirm; then `commit:
 * true` with `goodRows`, the number of good rows the user saw: the server
 * reads the file again and adds exactly the good rows, or, if the count is
 * no longer the same (someone changed the list meanwhile), writes nothing
 * and answers `409 import_changed`. Bad rows are never written.
 *
 * The file: one shipper account number per line, optionally a note in a
 * second column; comma or semicolon separated (the first line decides);
 * quotes as in RFC 4180; an optional header line; blank lines ignored;
 * account numbers without regard to case or surrounding spaces.
 */
export const ImportInboundExceptionsRequest = z
  .strictObject({
    csv: z.string().check(z.minLength(1), z.maxLength(60_000)),
    commit: z.boolean(),
    /** With `commit: true`: the number of good rows the user confirmed. */
    goodRows: z.optional(z.int().check(z.gte(0))),
  })
  .check(
    z.refine((value) => !value.commit || value.goodRows !== undefined, {
      path: ['goodRows'],
      params: { fieldCode: 'required' },
    }),
  );
export type ImportInboundExceptionsRequest = z.infer<typeof ImportInboundExceptionsRequest>;

/** Why a row is bad: field codes of the account number or note, or of the row itself. */
export const IMPORT_ROW_CODES = [
  'required',
  'invalid_format',
  'too_long',
  'duplicate',
  'own_account',
  'too_many_columns',
] as const;
export const ImportRowCode = z.enum(IMPORT_ROW_CODES);
export type ImportRowCode = z.infer<typeof ImportRowCode>;

export const ImportReport = z.object({
  /** True once the good rows are written; false for a check. */
  committed: z.boolean(),
  /** Data rows read (header and blank lines aside). */
  rows: z.int(),
  /** Rows that will be (or were) added. `line` is the line of the file, counting from 1. */
  good: z.array(z.object({ line: z.int(), shipperAccount: AccountNumber, note: z.nullable(z.string()) })),
  /** Rows that are never written, with why; `text` is the row as read, cut to 100 characters. */
  bad: z.array(
    z.object({
      line: z.int(),
      code: ImportRowCode,
      field: z.enum(['shipperAccount', 'note', 'row']),
      text: z.string(),
    }),
  ),
  /** Rows naming a shipper already in the list: nothing to do. */
  alreadyListed: z.array(z.object({ line: z.int(), shipperAccount: AccountNumber })),
  /** Exceptions added by this request: 0 for a check. */
  added: z.int(),
});
export type ImportReport = z.infer<typeof ImportReport>;
