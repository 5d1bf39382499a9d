/** Defines `<ups-pay-form>`. */
import { UpsPayForm } from './elements/pay-form/pay-form.js';
import { define } from './internal/define.js';

define('ups-pay-form', UpsPayForm);

export { UpsPayForm };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-pay-form': UpsPayForm;
  }
}
