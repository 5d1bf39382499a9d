/** Defines `<ups-billing-dashboard>`. */
import { UpsBillingDashboard } from './elements/billing-dashboard/billing-dashboard.js';
import { define } from './internal/define.js';

define('ups-billing-dashboard', UpsBillingDashboard);

export { UpsBillingDashboard };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-billing-dashboard': UpsBillingDashboard;
  }
}
