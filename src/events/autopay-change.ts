import type { AutopayRule } from '../api/schemas/autopay.js';

/**
 * The user created, changed or cancelled an AutoPay rule and the server
 * confirmed it. `rule` is the rule as the server now has it; after a cancel,
 * the rule as it was, marked `ended`. Invoices the rule pays change with it,
 * so a host refreshes what shows them (the dashboard, the invoice table).
 */
export type UpsAutopayChangeEvent = CustomEvent<{
  readonly action: 'create' | 'update' | 'cancel';
  readonly rule: AutopayRule;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-autopay-change': UpsAutopayChangeEvent;
  }
}
