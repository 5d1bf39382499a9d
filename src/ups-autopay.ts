/** Defines `<ups-autopay>`. */
import { UpsAutopay } from './elements/autopay/autopay.js';
import { define } from './internal/define.js';

define('ups-autopay', UpsAutopay);

export { UpsAutopay };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-autopay': UpsAutopay;
  }
}
