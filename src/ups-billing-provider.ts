/** Defines `<ups-billing-provider>`. */
import { UpsBillingProvider } from './context/billing-provider.js';
import { define } from './internal/define.js';

define('ups-billing-provider', UpsBillingProvider);

export { UpsBillingProvider };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-billing-provider': UpsBillingProvider;
  }
}
