/** Defines `<ups-enrollment>`. */
import { UpsEnrollment } from './elements/enrollment/enrollment.js';
import { define } from './internal/define.js';

define('ups-enrollment', UpsEnrollment);

export { UpsEnrollment };

declare global {
  interface HTMLElementTagNameMap {
    'ups-enrollment': UpsEnrollment;
  }
}
