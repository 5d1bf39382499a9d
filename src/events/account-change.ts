import type { Account } from '../api/schemas/account.js';

/**
 * The user changed the company's accounts and the server confirmed it: an
 * account was added, renamed (`update`), enrolled in or out of XML invoices
 * (`xml`), or its enrolment was cancelled (`cancel`). `account` is the
 * account as it now is — as it was, for a cancellation. Hosts refresh what
 * lists accounts or invoices (an invoice table's formats, a dashboard).
 */
export type UpsAccountChangeEvent = CustomEvent<{
  readonly action: 'add' | 'update' | 'xml' | 'cancel';
  readonly account: Account;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-account-change': UpsAccountChangeEvent;
  }
}
