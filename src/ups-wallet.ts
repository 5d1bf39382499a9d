/** Defines `<ups-wallet>`. */
import { UpsWallet } from './elements/wallet/wallet.js';
import { define } from './internal/define.js';

define('ups-wallet', UpsWallet);

export { UpsWallet };

declare global {
  interface HTMLElementTagNameMap {
    'ups-wallet': UpsWallet;
  }
}
