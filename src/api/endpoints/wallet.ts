/** The caller's wallet. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint } from '../endpoint.js';
import {
  AddMethodRequest,
  MethodParams,
  RemoveMethodRequest,
  UpdateMethodRequest,
  WalletList,
  WalletMethod,
} from '../schemas/wallet.js';

/** The payment methods the caller saved, default first. */
export const listPaymentMethods = endpoint('GET', '/payment-methods', { response: WalletList });

/** Saves a method entered now (a card-frame or bank token) to the wallet. */
export const addPaymentMethod = endpoint('POST', '/payment-methods', {
  body: AddMethodRequest,
  response: WalletMethod,
  status: 201,
});

/** Renames a method, makes it the default, or corrects a card's expiry, holder or billing address. */
export const updatePaymentMethod = endpoint('PATCH', '/payment-methods/{id}', {
  params: MethodParams,
  body: UpdateMethodRequest,
  response: WalletMethod,
});

/** Removes a method; each AutoPay rule using it is switched to another method or suspended, as the request says. */
export const removePaymentMethod = endpoint('POST', '/payment-methods/{id}/remove', {
  params: MethodParams,
  body: RemoveMethodRequest,
  response: null,
});
