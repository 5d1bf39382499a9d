/**
 * Invoice types, payment statuses and method summaries: the parts of the
 * invoice contract that payments use too. They live apart from `invoice.ts`
 * (which re-exports them) so that `payment.ts` does not import that module:
 * esbuild keeps every schema of a module it loads, used or not (it cannot
 * tell that zod's calls in another module are free of side effects), and the
 * guest payment page would otherwise carry every invoice, shipment and
 * list-query schema it never parses (0.5 KB gzip).
 */
import './zod-config.js';
import * as z from 'zod/mini';

/**
 * `delivery_service` is the weekly shipping invoice; `import` bills duties and
 * taxes of one import; `adjustment` carries credits (negative amounts).
 */
export const INVOICE_TYPES = ['delivery_service', 'import', 'freight', 'adjustment'] as const;
export const InvoiceType = z.enum(INVOICE_TYPES);
export type InvoiceType = z.infer<typeof InvoiceType>;

/** `failed`: a scheduled payment the gateway declined when it ran. */
export const PAYMENT_STATUSES = ['scheduled', 'processing', 'completed', 'returned', 'cancelled', 'failed'] as const;
export const PaymentStatus = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const METHOD_TYPES = ['card', 'ach', 'sepa', 'paypal', 'credit'] as const;

/** How a payment was made, as far as a person needs to recognise it: never a full number. */
export const MethodSummary = z.object({
  type: z.enum(METHOD_TYPES),
  brand: z.nullable(z.string()),
  last4: z.nullable(z.string()),
});
export type MethodSummary = z.infer<typeof MethodSummary>;
