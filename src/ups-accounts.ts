/** Defines `<ups-accounts>`. */
import { UpsAccounts } from './elements/accounts/accounts.js';
import { define } from './internal/define.js';

define('ups-accounts', UpsAccounts);

export { UpsAccounts };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-accounts': UpsAccounts;
  }
}
