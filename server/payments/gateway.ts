/**
 * The payment gateway interface. The server never keeps card numbers, CVCs
 * or full bank account numbers: the gateway does, and hands back an opaque
 * token. Charges carry our idempotency key, so a retried charge is the same
 * charge, never a second one.
 */

export type DeclineCode = 'insufficient_funds' | 'expired_card' | 'do_not_honor';

export interface TokenizedMethod {
  gatewayToken: string;
  type: 'card' | 'ach' | 'sepa' | 'paypal';
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
}

export interface ChargeRequest {
  gatewayToken: string;
  amount: number;
  currency: string;
  /** Same key, same charge: the gateway returns the first result. */
  idempotencyKey: string;
}

export type ChargeResult =
  { outcome: 'approved'; reference: string } | { outcome: 'declined'; code: DeclineCode; reference: string };

/** The gateway could not answer (not a decline): nothing was charged, the payer may try again. */
export class GatewayUnavailable extends Error {}

export interface PaymentGateway {
  tokenizeCard(card: {
    number: string;
    expMonth: number;
    expYear: number;
    cvc: string;
    holder: string;
    postalCode: string;
  }): Promise<TokenizedMethod>;
  tokenizeBank(account: {
    type: 'ach' | 'sepa';
    routing?: string;
    account: string;
    holder: string;
  }): Promise<TokenizedMethod>;
  linkPaypal(): Promise<TokenizedMethod>;
  charge(request: ChargeRequest): Promise<ChargeResult>;
}

/** Card brand from the number's prefix (IIN ranges), for display only. */
export function cardBrand(number: string): string {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^6(011|5)/.test(number)) return 'discover';
  return 'card';
}
