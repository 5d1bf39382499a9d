/** Invoices, their shipments and charge lines, and the list query. */
import './zod-config.js';
import * as z from 'zod/mini';
import {
  AccountNumber,
  CountryCode,
  InvoiceNumber,
  IsoDate,
  Money,
  PlanNumber,
  SearchText,
  pageQuery,
} from './common.js';
import { InvoiceType, MethodSummary, PaymentStatus } from './invoice-kinds.js';

// Defined apart so that the payment schemas (a guest page's) need not load this module: see invoice-kinds.ts.
export * from './invoice-kinds.js';

/** Lifecycle of an invoice. A dispute is a flag (`inDispute`), not a status. */
export const INVOICE_STATUSES = [
  'open',
  'past_due',
  'payment_scheduled',
  'payment_pending',
  'paid',
  'payment_returned',
  'closed',
] as const;
export const InvoiceStatus = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const Invoice = z.object({
  number: InvoiceNumber,
  accountNumber: AccountNumber,
  planNumber: z.nullable(PlanNumber),
  invoiceDate: IsoDate,
  dueDate: IsoDate,
  type: InvoiceType,
  /** Invoice total; negative for a credit invoice. */
  amount: Money,
  /** What remains to be paid. Never negative for a debit invoice. */
  amountDue: Money,
  status: InvoiceStatus,
  inDispute: z.boolean(),
  /** Paid by an AutoPay rule when it falls due. */
  autopay: z.boolean(),
  /** The customer's reference printed on the invoice, if any. */
  reference: z.nullable(z.string()),
  /** Printed on invoices of countries that require it; asked at enrolment. */
  controlId: z.nullable(z.string()),
});
export type Invoice = z.infer<typeof Invoice>;

export const CHARGE_CODES = [
  'freight',
  'fuel_surcharge',
  'residential_surcharge',
  'delivery_area_surcharge',
  'address_correction',
  'additional_handling',
  'duties',
  'taxes',
  'brokerage',
  'service_charge',
  'adjustment',
] as const;
export const ChargeCode = z.enum(CHARGE_CODES);
export type ChargeCode = z.infer<typeof ChargeCode>;

/** One charge line, either on a shipment or on the invoice itself. */
export const Charge = z.object({
  id: z.string(),
  code: ChargeCode,
  description: z.string(),
  amount: Money,
});
export type Charge = z.infer<typeof Charge>;

export const Address = z.object({
  city: z.string(),
  country: CountryCode,
});

export const Shipment = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  shipDate: IsoDate,
  service: z.string(),
  /** Billed weight, in `weightUnit`. Weights are measurements, not money. */
  billedWeight: z.number(),
  weightUnit: z.enum(['kg', 'lb']),
  sender: Address,
  receiver: Address,
  reference: z.nullable(z.string()),
  charges: z.array(Charge),
  total: Money,
});
export type Shipment = z.infer<typeof Shipment>;

/** Invoice documents: the printable PDF, and the billing data files in CSV and XML. */
export const DOCUMENT_FORMATS = ['pdf', 'csv', 'xml'] as const;
export const DocumentFormat = z.enum(DOCUMENT_FORMATS);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** A payment's share of one invoice. */
export const AppliedPayment = z.object({
  confirmationNumber: z.string(),
  status: PaymentStatus,
  processingDate: IsoDate,
  /** The part of the payment applied to this invoice. */
  amount: Money,
  method: MethodSummary,
});
export type AppliedPayment = z.infer<typeof AppliedPayment>;

export const InvoiceDetail = z.extend(Invoice, {
  shipmentCount: z.int(),
  /** Charges billed on the invoice rather than on a shipment. */
  charges: z.array(Charge),
  /** Accounts billed through this invoice's plan that the caller may see. */
  planMembers: z.array(AccountNumber),
  payments: z.array(AppliedPayment),
  /** Formats this invoice can be downloaded in (XML only for accounts enrolled in XML). */
  formats: z.array(DocumentFormat),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

/** Status presets offered by the invoice table. `outstanding` is the default. */
export const STATUS_PRESETS = [
  'outstanding',
  'all',
  'open',
  'past_due',
  'scheduled',
  'paid',
  'returned',
  'closed',
  'in_dispute',
] as const;
export const StatusPreset = z.enum(STATUS_PRESETS);
export type StatusPreset = z.infer<typeof StatusPreset>;

export const INVOICE_SORT_KEYS = [
  'number',
  'account',
  'invoiceDate',
  'dueDate',
  'type',
  'amount',
  'amountDue',
  'status',
] as const;
export const InvoiceSortKey = z.enum(INVOICE_SORT_KEYS);
export type InvoiceSortKey = z.infer<typeof InvoiceSortKey>;

export const SortOrder = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrder>;

export const InvoiceListQuery = z.strictObject({
  view: z.optional(z.enum(['account', 'plan'])),
  status: z.optional(StatusPreset),
  sort: z.optional(InvoiceSortKey),
  order: z.optional(SortOrder),
  account: z.optional(AccountNumber),
  plan: z.optional(PlanNumber),
  q: z.optional(SearchText),
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
  /** Amount range in minor units of the invoice currency. */
  min: z.optional(z.coerce.number().check(z.int())),
  max: z.optional(z.coerce.number().check(z.int())),
  ...pageQuery,
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

/** Counting is exact up to this many matches; beyond, `total` stops here and `totalCapped` is set. */
export const TOTAL_CAP = 10_000;

export const InvoicePage = z.object({
  items: z.array(Invoice),
  page: z.int(),
  pageSize: z.int(),
  /** Invoices matching the filters, all pages together, counted up to `TOTAL_CAP`. */
  total: z.int(),
  /** True when more than `total` invoices match ("10,000+"). */
  totalCapped: z.boolean(),
});
export type InvoicePage = z.infer<typeof InvoicePage>;

export const ShipmentPage = z.object({
  items: z.array(Shipment),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});
export type ShipmentPage = z.infer<typeof ShipmentPage>;

export const InvoiceNumberParams = z.strictObject({ number: InvoiceNumber });
/** Shipments of an invoice; `q` keeps those whose tracking number starts with it (without regard to case). */
export const ShipmentListQuery = z.strictObject({
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(35))),
  ...pageQuery,
});
