/** Defines `<ups-accounts>`. */
import { UpsAccounts } from './elements/accounts/accounts.js';
import { define } from './internal/define.js';

define('ups-accounts', UpsAccounts);

export { UpsAccounts };

declare global {
  interface HTMLElementTagNameMap {
    'ups-accounts': UpsAccounts;
  }
}
