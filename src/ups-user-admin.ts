/** Defines `<ups-user-admin>`. */
import { UpsUserAdmin } from './elements/user-admin/user-admin.js';
import { define } from './internal/define.js';

define('ups-user-admin', UpsUserAdmin);

export { UpsUserAdmin };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-user-admin': UpsUserAdmin;
  }
}
