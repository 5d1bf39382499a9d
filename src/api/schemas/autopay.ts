/** AutoPay: standing rules that pay an account's or a plan's invoices as they fall due. */
import './zod-config.js';
import * as z from 'zod/mini';
import { IsoDate, IsoDateTime, Money } from './common.js';
import { MethodSummary } from './invoice.js';

/** What a rule covers: one account, or every account billed through one plan. */
export const RuleScope = z.strictObject({
  type: z.enum(['account', 'plan']),
  number: z.string().check(z.regex(/^[A-Z0-9]{6,8}$/)),
});
export type RuleScope = z.infer<typeof RuleScope>;

/** How much to pay: the whole amount due, or the whole amount due only when it is at most `maximum`. */
export const RuleAmount = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('total_due') }),
  z.strictObject({ type: z.literal('up_to'), maximum: Money }),
]);
export type RuleAmount = z.infer<typeof RuleAmount>;

/** When to pay: N days before the due date (0 = on it), or every week on a weekday (1 = Monday … 7 = Sunday). */
export const RuleSchedule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('days_before_due'), days: z.int().check(z.gte(0), z.lte(30)) }),
  z.strictObject({ type: z.literal('weekly'), weekday: z.int().check(z.gte(1), z.lte(7)) }),
]);
export type RuleSchedule = z.infer<typeof RuleSchedule>;

export const RuleStatus = z.enum(['active', 'suspended', 'ended']);
export type RuleStatus = z.infer<typeof RuleStatus>;

/** Why a rule stopped paying, so the user knows what to fix. */
export const SuspendedReason = z.enum(['method_removed', 'method_expired']);
export type SuspendedReason = z.infer<typeof SuspendedReason>;

/** What a run did with one invoice. */
export const RunOutcome = z.enum(['paid', 'scheduled', 'skipped_over_maximum', 'failed']);
export type RunOutcome = z.infer<typeof RunOutcome>;

export const InvoiceOutcome = z.object({
  invoiceNumber: z.string(),
  amountDue: Money,
  outcome: RunOutcome,
  /** The run's day. */
  date: IsoDate,
  confirmationNumber: z.nullable(z.string()),
  /** Why the payment failed (a decline code), when it did. */
  failureCode: z.nullable(z.string()),
});
export type InvoiceOutcome = z.infer<typeof InvoiceOutcome>;

/** The next run a rule will make, with the invoices it would pay or skip as things stand. */
export const NextRun = z.object({
  date: IsoDate,
  invoices: z.array(
    z.object({
      invoiceNumber: z.string(),
      dueDate: IsoDate,
      amountDue: Money,
      /** `method_not_allowed`: the rule's method cannot pay this invoice's type (duties and taxes by card). */
      action: z.enum(['pay', 'skip_over_maximum', 'method_not_allowed']),
    }),
  ),
});
export type NextRun = z.infer<typeof NextRun>;

export const AutopayRule = z.object({
  id: z.uuid(),
  scope: z.extend(RuleScope, { name: z.string(), currency: z.string() }),
  /** The wallet method it pays with; null once that method is removed. */
  methodId: z.nullable(z.uuid()),
  method: z.nullable(MethodSummary),
  amount: RuleAmount,
  schedule: RuleSchedule,
  /** Last day the rule runs; null = until cancelled. */
  effectiveUntil: z.nullable(IsoDate),
  status: RuleStatus,
  suspendedReason: z.nullable(SuspendedReason),
  agreement: z.object({ version: z.string(), acceptedBy: z.string(), acceptedAt: IsoDateTime }),
  createdAt: IsoDateTime,
  /** The caller may edit or cancel it (role, and the method is theirs to use). */
  editable: z.boolean(),
  nextRun: z.nullable(NextRun),
  /** The latest outcomes, newest first. */
  recent: z.array(InvoiceOutcome),
});
export type AutopayRule = z.infer<typeof AutopayRule>;

export const AutopayRuleList = z.object({
  items: z.array(AutopayRule),
  /** Accounts and plans in scope without a rule: where a new one may go. */
  available: z.array(z.extend(RuleScope, { name: z.string(), currency: z.string() })),
});
export type AutopayRuleList = z.infer<typeof AutopayRuleList>;

export const RuleParams = z.strictObject({ id: z.uuid() });

/** A rule to create, or what an existing rule becomes. The agreement version must be the current one. */
export const AutopayRuleRequest = z.strictObject({
  scope: RuleScope,
  methodId: z.uuid(),
  amount: RuleAmount,
  schedule: RuleSchedule,
  effectiveUntil: z.nullable(IsoDate),
  agreementVersion: z.string().check(z.minLength(1), z.maxLength(20)),
});
export type AutopayRuleRequest = z.infer<typeof AutopayRuleRequest>;

/** The AutoPay agreement a user accepts, versioned, in each language the server has it in. */
export const AutopayAgreement = z.object({
  version: z.string(),
  text: z.record(z.string(), z.string()),
});
export type AutopayAgreement = z.infer<typeof AutopayAgreement>;

export const AutopayPreview = z.object({ nextRun: z.nullable(NextRun) });
export type AutopayPreview = z.infer<typeof AutopayPreview>;
