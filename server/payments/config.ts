/** Payment types by country, from `payment-types.json` (configuration, not code). */
import type { InvoiceType } from '../../src/api/schemas/invoice.js';
import type { PaymentType, PaymentTypeOption } from '../../src/api/schemas/payment.js';
import config from './payment-types.json';

export function paymentTypesFor(country: string): PaymentTypeOption[] {
  const region = Object.values(config.regions).find((r) => r.countries.includes(country));
  const types = ((config.countries as Record<string, string[]>)[country] ??
    region?.types ??
    config.default) as PaymentType[];
  const excluded = config.excludedInvoiceTypes as Partial<Record<PaymentType, InvoiceType[]>>;
  return types.map((type) => ({
    type,
    excludedInvoiceTypes: excluded[type] ?? [],
    ...(type === 'sepa' ? { mandate: config.sepaMandate } : {}),
  }));
}

/** The stored method type a payment type uses. */
export function methodTypeOf(type: PaymentType): 'card' | 'ach' | 'sepa' | 'paypal' {
  return type === 'credit_card' || type === 'debit_card' ? 'card' : type;
}

/** Whether `methodType` may pay an invoice of `invoiceType` for a payer in `country`. */
export function methodAllowed(country: string, methodType: string, invoiceType: InvoiceType): boolean {
  return paymentTypesFor(country).some(
    (option) => methodTypeOf(option.type) === methodType && !option.excludedInvoiceTypes.includes(invoiceType),
  );
}

export const SEPA_MANDATE_VERSION = config.sepaMandate.version;
