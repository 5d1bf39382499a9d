/**
 * Disputes: a payer contests an invoice, some of its shipments, or some of its
 * charge lines. A dispute never changes what is due; an approved credit lands
 * on a later invoice (the same one for an import invoice that still owes it).
 */
import './zod-config.js';
import * as z from 'zod/mini';
import { AccountNumber, InvoiceNumber, IsoDate, IsoDateTime, Money, SearchText, pageQuery } from './common.js';
import { InvoiceType } from './invoice.js';
import { Email } from './users.js';

/** What is disputed: the whole invoice, some shipments, or some charge lines. */
export const DISPUTE_SCOPES = ['invoice', 'shipments', 'charges'] as const;
export const DisputeScope = z.enum(DISPUTE_SCOPES);
export type DisputeScope = z.infer<typeof DisputeScope>;

/** UPS's reason codes, in the order the form lists them. `other` needs a comment. */
export const DISPUTE_REASONS = [
  'late_delivery',
  'incorrect_weight',
  'address_correction',
  'residential_surcharge',
  'duplicate_charge',
  'surcharge',
  'unauthorized_third_party',
  'incorrect_rate',
  'duties_and_taxes',
  'not_sent',
  'other',
] as const;
export const DisputeReason = z.enum(DISPUTE_REASONS);
export type DisputeReason = z.infer<typeof DisputeReason>;

/**
 * `submitted` → `in_review` → `approved` | `partially_approved` | `denied`;
 * `withdrawn` by the user while still open.
 */
export const DISPUTE_STATUSES = [
  'submitted',
  'in_review',
  'approved',
  'partially_approved',
  'denied',
  'withdrawn',
] as const;
export const DisputeStatus = z.enum(DISPUTE_STATUSES);
export type DisputeStatus = z.infer<typeof DisputeStatus>;

/** Open disputes mark their invoice "in dispute" and block a second dispute of the same lines. */
export const OPEN_DISPUTE_STATUSES: readonly DisputeStatus[] = ['submitted', 'in_review'];

/** Attachments: what the form accepts, checked by content on both sides. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const AttachmentType = z.enum(ATTACHMENT_TYPES);
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The longest comment, in characters. */
export const MAX_DISPUTE_COMMENT = 2000;

/**
 * How the amount was given: what is disputed (`disputed`, the part of the
 * charge contested) or what the charge should have been (`expected`); the
 * server records both as the disputed amount = charged − expected.
 */
export const DisputeAmountKind = z.enum(['disputed', 'expected']);
export type DisputeAmountKind = z.infer<typeof DisputeAmountKind>;

/**
 * A new dispute. Sent as `multipart/form-data`: this object as the JSON part
 * `body`, and up to five files as `files`.
 */
export const DisputeRequest = z
  .strictObject({
    invoiceNumber: InvoiceNumber,
    scope: DisputeScope,
    /** Ids of shipments of the invoice (`Shipment.id`), for scope `shipments`. */
    shipmentIds: z.optional(z.array(z.string().check(z.regex(/^\d{1,18}$/))).check(z.maxLength(100))),
    /** Ids of charge lines of the invoice (`Charge.id`), for scope `charges`. */
    chargeIds: z.optional(z.array(z.string().check(z.regex(/^\d{1,18}$/))).check(z.maxLength(100))),
    reason: DisputeReason,
    amountKind: DisputeAmountKind,
    /** In the invoice's currency; more than zero for `disputed`, zero or more for `expected`. */
    amount: Money,
    /** For a whole-invoice dispute about one shipment, when the user knows which. */
    trackingNumber: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9]{6,35}$/))),
    shipDate: z.optional(IsoDate),
    /** Required for reason `other`. */
    comment: z.optional(z.string().check(z.trim(), z.maxLength(MAX_DISPUTE_COMMENT))),
    contactEmail: Email,
  })
  .check(
    z.refine((r) => r.scope !== 'shipments' || (r.shipmentIds?.length ?? 0) > 0, {
      path: ['shipmentIds'],
      params: { fieldCode: 'required' },
    }),
    z.refine((r) => r.scope !== 'charges' || (r.chargeIds?.length ?? 0) > 0, {
      path: ['chargeIds'],
      params: { fieldCode: 'required' },
    }),
    z.refine((r) => r.reason !== 'other' || (r.comment ?? '').length > 0, {
      path: ['comment'],
      params: { fieldCode: 'required' },
    }),
    z.refine((r) => (r.amountKind === 'disputed' ? r.amount.amount > 0 : r.amount.amount >= 0), {
      path: ['amount'],
      params: { fieldCode: 'not_positive' },
    }),
  );
export type DisputeRequest = z.infer<typeof DisputeRequest>;

/** One disputed line, as it was when the dispute was made. */
export const DisputedLine = z.object({
  /** Set for a shipment, or for a charge line of a shipment. */
  shipmentId: z.nullable(z.string()),
  /** Set for a charge line. */
  chargeId: z.nullable(z.string()),
  trackingNumber: z.nullable(z.string()),
  shipDate: z.nullable(IsoDate),
  description: z.string(),
  /** What the line charged. */
  charged: Money,
});
export type DisputedLine = z.infer<typeof DisputedLine>;

export const DisputeAttachment = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Detected from the content, not taken from the name or the browser. */
  mediaType: AttachmentType,
  size: z.int(),
});
export type DisputeAttachment = z.infer<typeof DisputeAttachment>;

/** One step of the lifecycle: who moved it (a user's name, or `null` for UPS) and why. */
export const DisputeEvent = z.object({
  status: DisputeStatus,
  at: IsoDateTime,
  by: z.nullable(z.string()),
  note: z.nullable(z.string()),
});
export type DisputeEvent = z.infer<typeof DisputeEvent>;

/**
 * Where an approved credit lands: `same_invoice` for an import invoice that
 * still owes at least the credit; otherwise `next_invoice` of the account.
 */
export const CreditTarget = z.enum(['same_invoice', 'next_invoice']);
export type CreditTarget = z.infer<typeof CreditTarget>;

export const DisputeOutcome = z.object({
  /** Zero when denied. */
  credited: Money,
  target: z.nullable(CreditTarget),
  /** The invoice that carries the credit; `null` until the next invoice is issued. */
  creditInvoiceNumber: z.nullable(z.string()),
  note: z.nullable(z.string()),
  decidedAt: IsoDateTime,
});
export type DisputeOutcome = z.infer<typeof DisputeOutcome>;

/** A dispute as lists show it. */
export const DisputeSummary = z.object({
  id: z.uuid(),
  /** What people quote: `D` and eight digits. */
  number: z.string(),
  invoiceNumber: z.string(),
  accountNumber: AccountNumber,
  invoiceType: InvoiceType,
  scope: DisputeScope,
  reason: DisputeReason,
  status: DisputeStatus,
  /** Charged − expected, in the invoice's currency. */
  disputed: Money,
  /** Shipment ids and charge ids under dispute, for marking lines. */
  shipmentIds: z.array(z.string()),
  chargeIds: z.array(z.string()),
  createdAt: IsoDateTime,
  createdBy: z.string(),
  updatedAt: IsoDateTime,
  outcome: z.nullable(DisputeOutcome),
});
export type DisputeSummary = z.infer<typeof DisputeSummary>;

export const Dispute = z.extend(DisputeSummary, {
  amountKind: DisputeAmountKind,
  /** The amount as typed: disputed or expected, per `amountKind`. */
  amount: Money,
  lines: z.array(DisputedLine),
  trackingNumber: z.nullable(z.string()),
  shipDate: z.nullable(IsoDate),
  comment: z.nullable(z.string()),
  contactEmail: z.string(),
  attachments: z.array(DisputeAttachment),
  /** Oldest first. */
  history: z.array(DisputeEvent),
  /** The caller may withdraw it: open, and its author, or an administrator or manager of its account. */
  canWithdraw: z.boolean(),
});
export type Dispute = z.infer<typeof Dispute>;

/** Filters of the dispute list. `open` = submitted or in review; `resolved` = the three decisions. */
export const DISPUTE_FILTERS = ['all', 'open', 'resolved', ...DISPUTE_STATUSES] as const;
export const DisputeFilter = z.enum(DISPUTE_FILTERS);
export type DisputeFilter = z.infer<typeof DisputeFilter>;

export const DisputeListQuery = z.strictObject({
  status: z.optional(DisputeFilter),
  account: z.optional(AccountNumber),
  invoice: z.optional(InvoiceNumber),
  /** Part of the dispute number, the invoice number or a disputed tracking number. */
  q: z.optional(SearchText),
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
  ...pageQuery,
});
export type DisputeListQuery = z.infer<typeof DisputeListQuery>;

/** Newest first. */
export const DisputePage = z.object({
  items: z.array(DisputeSummary),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});
export type DisputePage = z.infer<typeof DisputePage>;

export const DisputeParams = z.strictObject({ id: z.uuid() });
export const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

export const WithdrawDisputeRequest = z.strictObject({
  reason: z.optional(z.string().check(z.trim(), z.maxLength(500))),
});
export type WithdrawDisputeRequest = z.infer<typeof WithdrawDisputeRequest>;
