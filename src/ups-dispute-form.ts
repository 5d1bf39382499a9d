/** Defines `<ups-dispute-form>`. */
import { UpsDisputeForm } from './elements/dispute-form/dispute-form.js';
import { define } from './internal/define.js';

define('ups-dispute-form', UpsDisputeForm);

export { UpsDisputeForm };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-dispute-form': UpsDisputeForm;
  }
}
