import type { WalletMethod } from '../api/schemas/wallet.js';

/**
 * The user changed their wallet and the server confirmed it: a method was
 * added, updated (nickname, default, expiry, holder, billing address) or
 * removed. `method` is the method as it now is — as it was, for a removal.
 * Hosts refresh what offers methods (a pay form, AutoPay).
 */
export type UpsWalletChangeEvent = CustomEvent<{
  readonly action: 'add' | 'update' | 'remove';
  readonly method: WalletMethod;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-wallet-change': UpsWalletChangeEvent;
  }
}
