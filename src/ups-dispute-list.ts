/** Defines `<ups-dispute-list>`. */
import { UpsDisputeList } from './elements/dispute-list/dispute-list.js';
import { define } from './internal/define.js';

define('ups-dispute-list', UpsDisputeList);

export { UpsDisputeList };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-dispute-list': UpsDisputeList;
  }
}
