/** Defines `<ups-billing-provider>`. */
import { UpsBillingProvider } from './context/billing-provider.js';
import { define } from './internal/define.js';

define('ups-billing-provider', UpsBillingProvider);

export { UpsBillingProvider };

declare global {
  interface HTMLElementTagNameMap {
    'ups-billing-provider': UpsBillingProvider;
  }
}
