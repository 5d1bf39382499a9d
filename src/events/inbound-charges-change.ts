import type { InboundRule } from '../api/schemas/inbound-charges.js';

/**
 * The user changed an account's inbound charges ("frais internes") and the
 * server confirmed it: the default rule or the "contact me before billing"
 * toggle (`update`), one exception added or removed, or a CSV import's good
 * rows added. `shipperAccounts` are the exceptions this change added or
 * removed (none for `update`); `defaultRule` and `contactBeforeBilling` are
 * the account's settings after it. Hosts refresh what shows them.
 */
export type UpsInboundChargesChangeEvent = CustomEvent<{
  readonly action: 'update' | 'add' | 'remove' | 'import';
  readonly accountNumber: string;
  readonly defaultRule: InboundRule;
  readonly contactBeforeBilling: boolean;
  readonly shipperAccounts: readonly string[];
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-inbound-charges-change': UpsInboundChargesChangeEvent;
  }
}
