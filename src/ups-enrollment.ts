/** Defines `<ups-enrollment>`. */
import { UpsEnrollment } from './elements/enrollment/enrollment.js';
import { define } from './internal/define.js';

define('ups-enrollment', UpsEnrollment);

export { UpsEnrollment };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-enrollment': UpsEnrollment;
  }
}
