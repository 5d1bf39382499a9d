/** Defines `<ups-wallet>`. */
import { UpsWallet } from './elements/wallet/wallet.js';
import { define } from './internal/define.js';

define('ups-wallet', UpsWallet);

export { UpsWallet };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-wallet': UpsWallet;
  }
}
