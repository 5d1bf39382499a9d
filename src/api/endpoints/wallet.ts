/** The caller's wallet. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint } from '../endpoint.js';
import { WalletList } from '../schemas/wallet.js';

/** The payment methods the caller saved, default first. */
export const listPaymentMethods = endpoint('GET', '/payment-methods', { response: WalletList });
