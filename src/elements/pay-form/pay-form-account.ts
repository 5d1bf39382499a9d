/**
 * What only a signed-in payer needs: the wallet, the accounts' countries and
 * the payment call. Loaded on demand, so that a guest page never downloads
 * these schemas.
 */
import type { BillingClient } from '../../api/client.js';
import { listAccounts } from '../../api/endpoints/accounts.js';
import { createPayment } from '../../api/endpoints/payments.js';
import { listPaymentMethods } from '../../api/endpoints/wallet.js';
import type { CreatePaymentRequest, PaymentReceipt } from '../../api/schemas/payment.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';

export async function loadPayerData(
  client: BillingClient,
  signal: AbortSignal,
): Promise<{ wallet: WalletMethod[]; countries: Map<string, string> }> {
  const [wallet, accounts] = await Promise.all([
    client.call(listPaymentMethods, {}, { signal }),
    client.call(listAccounts, {}, { signal }),
  ]);
  return { wallet: wallet.items, countries: new Map(accounts.items.map((a) => [a.number, a.country])) };
}

export function payAsUser(client: BillingClient, body: CreatePaymentRequest, key: string): Promise<PaymentReceipt> {
  return client.call(createPayment, { body }, { headers: { 'idempotency-key': key } });
}
