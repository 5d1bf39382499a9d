/** Defines `<ups-payment-activity>`. */
import { UpsPaymentActivity } from './elements/payment-activity/payment-activity.js';
import { define } from './internal/define.js';

define('ups-payment-activity', UpsPaymentActivity);

export { UpsPaymentActivity };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-payment-activity': UpsPaymentActivity;
  }
}
