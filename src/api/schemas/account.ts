/** Shipping accounts and the billing plans that consolidate them. */
import './zod-config.js';
import * as z from 'zod/mini';
import { AccountNumber, CountryCode, CurrencyCode, PlanNumber } from './common.js';

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
