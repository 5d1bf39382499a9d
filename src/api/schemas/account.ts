/** Shipping accounts and the billing plans that consolidate them. */
import './zod-config.js';
import * as z from 'zod/mini';
import { AccountNumber, CountryCode, CurrencyCode, IsoDateTime, PlanNumber } from './common.js';

export const Account = z.object({
  number: AccountNumber,
  name: z.string(),
  /** The company's own label for the account; `null` until someone sets one. */
  nickname: z.nullable(z.string()),
  country: CountryCode,
  currency: CurrencyCode,
  /** The plan this account is billed through, if any. */
  planNumber: z.nullable(PlanNumber),
  /** Enrolled accounts can download XML invoices. */
  xmlEnrolled: z.boolean(),
  /** When the account joined the company (enrolment or Add account). */
  enrolledAt: IsoDateTime,
});
export type Account = z.infer<typeof Account>;

export const AccountList = z.object({ items: z.array(Account) });
export type AccountList = z.infer<typeof AccountList>;

export const Plan = z.object({
  number: PlanNumber,
  name: z.string(),
  country: CountryCode,
  currency: CurrencyCode,
  /** Member accounts the caller may see (not necessarily all members). */
  accountNumbers: z.array(AccountNumber),
});
export type Plan = z.infer<typeof Plan>;

export const PlanList = z.object({ items: z.array(Plan) });
export type PlanList = z.infer<typeof PlanList>;

export const AccountParams = z.strictObject({ number: AccountNumber });

/** The company's own label for an account; `null` clears it. */
export const Nickname = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));

export const UpdateAccountRequest = z.strictObject({ nickname: z.nullable(Nickname) });
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;

/** Turns XML invoices on or off for one account; its invoices then offer (or stop offering) XML downloads. */
export const XmlEnrollmentRequest = z.strictObject({ enrolled: z.boolean() });
export type XmlEnrollmentRequest = z.infer<typeof XmlEnrollmentRequest>;

/**
 * Why a company stops managing an account in the billing center. A fixed
 * list, so UPS can count them; `other` needs a comment.
 */
export const CANCEL_REASONS = [
  /** The UPS account itself is closed. */
  'account_closed',
  /** The company was sold, merged or reorganised; someone else manages the account now. */
  'business_change',
  /** The account's invoices are managed in another company's billing center. */
  'managed_elsewhere',
  /** The account is no longer used for shipping. */
  'no_longer_used',
  'other',
] as const;
export const CancelReason = z.enum(CANCEL_REASONS);
export type CancelReason = z.infer<typeof CancelReason>;

export const CancelEnrollmentRequest = z
  .strictObject({
    reason: CancelReason,
    /** Required when the reason is `other`. */
    comment: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  })
  .check(
    z.refine((value) => value.reason !== 'other' || Boolean(value.comment), {
      path: ['comment'],
      params: { fieldCode: 'required' },
    }),
  );
export type CancelEnrollmentRequest = z.infer<typeof CancelEnrollmentRequest>;
