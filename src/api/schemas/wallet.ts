/** The wallet: payment methods a user saved, and what may change about them. */
import './zod-config.js';
import * as z from 'zod/mini';
import { CountryCode } from './common.js';
import { MethodSummary } from './invoice.js';

/** Where a card's statements go. The gateway checks the postal code when it charges. */
export const BillingAddress = z.strictObject({
  line1: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  line2: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  city: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  postalCode: z.string().check(z.trim(), z.minLength(2), z.maxLength(12)),
  country: CountryCode,
});
export type BillingAddress = z.infer<typeof BillingAddress>;

/** An AutoPay rule that pays with a method, as the wallet shows it. */
export const MethodUse = z.object({
  ruleId: z.uuid(),
  scope: z.object({ type: z.enum(['account', 'plan']), number: z.string() }),
});
export type MethodUse = z.infer<typeof MethodUse>;

export const WalletMethod = z.object({
  id: z.string(),
  method: MethodSummary,
  holder: z.nullable(z.string()),
  nickname: z.nullable(z.string()),
  expMonth: z.nullable(z.int()),
  expYear: z.nullable(z.int()),
  billingAddress: z.nullable(BillingAddress),
  isDefault: z.boolean(),
  /** Cards past their expiry month; the pay form does not offer them. */
  expired: z.boolean(),
  /** Cards whose last valid day is within the next 30 days. */
  expiresSoon: z.boolean(),
  /** Active or suspended AutoPay rules paying with this method. */
  usedBy: z.array(MethodUse),
});
export type WalletMethod = z.infer<typeof WalletMethod>;

export const WalletList = z.object({ items: z.array(WalletMethod) });
export type WalletList = z.infer<typeof WalletList>;

export const MethodParams = z.strictObject({ id: z.uuid() });

const Nickname = z.string().check(z.trim(), z.maxLength(40));

/** Saves a method just entered: a token from the card frame, or from `/bank-tokens` (ACH, SEPA, PayPal). */
export const AddMethodRequest = z.strictObject({
  token: z.string().check(z.minLength(8), z.maxLength(100)),
  nickname: z.optional(Nickname),
  makeDefault: z.optional(z.boolean()),
  billingAddress: z.optional(BillingAddress),
});
export type AddMethodRequest = z.infer<typeof AddMethodRequest>;

/**
 * What may change. On a card: the expiry, the holder and the billing address;
 * on any method: the nickname, and becoming the default. Bank numbers are
 * listed so that a request to change them gets its own answer
 * (`bank_details_not_editable`) rather than a generic one.
 */
export const UpdateMethodRequest = z.strictObject({
  nickname: z.optional(z.nullable(Nickname)),
  makeDefault: z.optional(z.literal(true)),
  expMonth: z.optional(z.int().check(z.gte(1), z.lte(12))),
  expYear: z.optional(z.int().check(z.gte(2000), z.lte(2100))),
  holder: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
  billingAddress: z.optional(BillingAddress),
  routingNumber: z.optional(z.string().check(z.maxLength(40))),
  accountNumber: z.optional(z.string().check(z.maxLength(40))),
  iban: z.optional(z.string().check(z.maxLength(40))),
});
export type UpdateMethodRequest = z.infer<typeof UpdateMethodRequest>;

/** What becomes of an AutoPay rule that pays with a method being removed. */
export const RuleDecision = z.discriminatedUnion('action', [
  z.strictObject({ ruleId: z.uuid(), action: z.literal('switch'), methodId: z.uuid() }),
  z.strictObject({ ruleId: z.uuid(), action: z.literal('suspend') }),
]);
export type RuleDecision = z.infer<typeof RuleDecision>;

/** Removing a method: one decision for each AutoPay rule that uses it, so no rule is left pointing at nothing. */
export const RemoveMethodRequest = z.strictObject({
  rules: z.optional(z.array(RuleDecision).check(z.maxLength(100))),
});
export type RemoveMethodRequest = z.infer<typeof RemoveMethodRequest>;
