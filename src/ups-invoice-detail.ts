/** Defines `<ups-invoice-detail>`. */
import { UpsInvoiceDetail } from './elements/invoice-detail/invoice-detail.js';
import { define } from './internal/define.js';

define('ups-invoice-detail', UpsInvoiceDetail);

export { UpsInvoiceDetail };
export type * from './events/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ups-invoice-detail': UpsInvoiceDetail;
  }
}
