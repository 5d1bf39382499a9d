/** Defines `<ups-dispute-list>`. */
import { UpsDisputeList } from './elements/dispute-list/dispute-list.js';
import { define } from './internal/define.js';

define('ups-dispute-list', UpsDisputeList);

export { UpsDisputeList };

declare global {
  interface HTMLElementTagNameMap {
    'ups-dispute-list': UpsDisputeList;
  }
}
