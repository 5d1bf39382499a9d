/** Payments: what may pay what, tokens for new methods, the payment request and its receipt. */
import './zod-config.js';
import * as z from 'zod/mini';
import { AccountNumber, CountryCode, InvoiceNumber, IsoDate, IsoDateTime, Money } from './common.js';
import { InvoiceType, MethodSummary, PaymentStatus } from './invoice-kinds.js';

/** Ways to pay. Which ones a payer gets depends on their country, from server configuration. */
export const PAYMENT_TYPES = ['credit_card', 'debit_card', 'card', 'ach', 'sepa', 'paypal'] as const;
export const PaymentType = z.enum(PAYMENT_TYPES);
export type PaymentType = z.infer<typeof PaymentType>;

export const PaymentTypeOption = z.object({
  type: PaymentType,
  /** Invoice types this way of paying cannot pay (e.g. duties and taxes cannot go on a card). */
  excludedInvoiceTypes: z.array(InvoiceType),
  /** SEPA: the mandate the payer accepts, versioned, in each language the server has it in. */
  mandate: z.optional(z.object({ version: z.string(), text: z.record(z.string(), z.string()) })),
});
export type PaymentTypeOption = z.infer<typeof PaymentTypeOption>;

export const PaymentTypesQuery = z.strictObject({ country: CountryCode });

export const PaymentTypes = z.object({
  country: CountryCode,
  types: z.array(PaymentTypeOption),
  /** Where the isolated card entry frame is served; its origin is the only one card data ever goes to. */
  cardFrameUrl: z.string(),
  /** Partial payment is a server setting, off by default: when off, each invoice is paid in full. */
  partialPayments: z.boolean(),
});
export type PaymentTypes = z.infer<typeof PaymentTypes>;

/** A new bank account, tokenized by the server; the full number is never stored. */
export const BankTokenRequest = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ach'),
    holder: z.string().check(z.minLength(1), z.maxLength(80)),
    routingNumber: z.string().check(z.regex(/^\d{9}$/)),
    accountNumber: z.string().check(z.regex(/^\d{4,17}$/)),
  }),
  z.strictObject({
    type: z.literal('sepa'),
    holder: z.string().check(z.minLength(1), z.maxLength(80)),
    iban: z.string().check(z.regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/)),
    /** The mandate version the payer accepted. */
    mandateVersion: z.string().check(z.minLength(1), z.maxLength(20)),
  }),
  z.strictObject({ type: z.literal('paypal') }),
]);
export type BankTokenRequest = z.infer<typeof BankTokenRequest>;

/** A card as the isolated frame sends it to the server. Never seen by the host page. */
export const CardTokenRequest = z.strictObject({
  holder: z.string().check(z.minLength(1), z.maxLength(80)),
  number: z.string().check(z.regex(/^\d{12,19}$/)),
  expMonth: z.int().check(z.gte(1), z.lte(12)),
  expYear: z.int().check(z.gte(2000), z.lte(2100)),
  cvc: z.string().check(z.regex(/^\d{3,4}$/)),
  postalCode: z.string().check(z.minLength(2), z.maxLength(12)),
  /** `debit` or `credit`, as the payer chose; the test gateway does not check. */
  funding: z.optional(z.enum(['credit', 'debit'])),
});
export type CardTokenRequest = z.infer<typeof CardTokenRequest>;

/** A single-use payment token and what a person needs to recognise the method. */
export const PaymentToken = z.object({
  token: z.string(),
  method: MethodSummary,
  expMonth: z.nullable(z.int()),
  expYear: z.nullable(z.int()),
  expiresAt: IsoDateTime,
});
export type PaymentToken = z.infer<typeof PaymentToken>;

/** How a payment is paid: a fresh token, or a method saved in the payer's wallet. */
export const PaymentSource = z.union([
  z.strictObject({ token: z.string().check(z.minLength(8), z.maxLength(100)) }),
  z.strictObject({ methodId: z.uuid() }),
]);
export type PaymentSource = z.infer<typeof PaymentSource>;

export const PaymentLine = z.strictObject({
  number: InvoiceNumber,
  /** Minor units; must be the full amount due unless partial payment is on. Negative for a credit. */
  amount: z.int(),
});

export const CreatePaymentRequest = z.strictObject({
  invoices: z.array(PaymentLine).check(z.minLength(1), z.maxLength(200)),
  processingDate: IsoDate,
  source: PaymentSource,
  /** Keep a new method in the payer's wallet (signed-in payments only). */
  saveMethod: z.optional(z.boolean()),
});
export type CreatePaymentRequest = z.infer<typeof CreatePaymentRequest>;

export const ReceiptLine = z.object({
  number: InvoiceNumber,
  accountNumber: AccountNumber,
  amount: Money,
});

/** What a payment did: shown as the receipt, kept in the activity list. */
export const PaymentReceipt = z.object({
  confirmationNumber: z.string(),
  status: PaymentStatus,
  processingDate: IsoDate,
  createdAt: IsoDateTime,
  total: Money,
  method: MethodSummary,
  invoices: z.array(ReceiptLine),
  /** Why a scheduled payment failed when it ran, or why one was returned. */
  failureCode: z.nullable(z.string()),
  /** The payer may still cancel it (scheduled, before its date). */
  cancellable: z.boolean(),
});
export type PaymentReceipt = z.infer<typeof PaymentReceipt>;

export const PaymentListQuery = z.strictObject({
  status: z.optional(z.enum(['scheduled', 'processing', 'completed', 'returned', 'cancelled', 'failed'])),
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
  page: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000))),
  pageSize: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;

export const PaymentPage = z.object({
  items: z.array(PaymentReceipt),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});
export type PaymentPage = z.infer<typeof PaymentPage>;

export const ConfirmationParams = z.strictObject({ confirmation: z.string().check(z.regex(/^[A-Z2-9]{12}$/)) });

/**
 * A guest identifies one invoice by its account, its number, and either its
 * amount due (minor units) or its invoice date. All must match.
 */
export const GuestLookupRequest = z.strictObject({
  accountNumber: AccountNumber,
  invoiceNumber: InvoiceNumber,
  amountDue: z.optional(z.int()),
  invoiceDate: z.optional(IsoDate),
});
export type GuestLookupRequest = z.infer<typeof GuestLookupRequest>;

/** The one invoice a guest may pay, and a short-lived token that stands for having identified it. */
export const GuestInvoice = z.object({
  lookupToken: z.string(),
  number: InvoiceNumber,
  accountNumber: AccountNumber,
  invoiceDate: IsoDate,
  dueDate: IsoDate,
  type: InvoiceType,
  amountDue: Money,
  country: CountryCode,
});
export type GuestInvoice = z.infer<typeof GuestInvoice>;

export const GuestPaymentRequest = z.strictObject({
  lookupToken: z.string().check(z.minLength(10), z.maxLength(2048)),
  token: z.string().check(z.minLength(8), z.maxLength(100)),
  /** Where to send the receipt; optional. */
  email: z.optional(z.email()),
});
export type GuestPaymentRequest = z.infer<typeof GuestPaymentRequest>;
