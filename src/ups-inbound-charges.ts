/** Defines `<ups-inbound-charges>`. */
import { UpsInboundCharges } from './elements/inbound-charges/inbound-charges.js';
import { define } from './internal/define.js';

define('ups-inbound-charges', UpsInboundCharges);

export { UpsInboundCharges };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-inbound-charges': UpsInboundCharges;
  }
}
