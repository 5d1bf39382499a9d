/**
 * Every event the elements fire, with their typed `detail`. Each module also
 * adds its events to `GlobalEventHandlersEventMap`; re-exporting them from the
 * entries keeps those additions in the published declarations (a bare
 * `import type {}` is dropped from them), so `addEventListener('ups-…')` is
 * typed in a host's code.
 */
export type * from './account-change.js';
export type * from './autopay-change.js';
export type * from './dispute-request.js';
export type * from './dispute.js';
export type * from './enrollment.js';
export type * from './inbound-charges-change.js';
export type * from './invoice-open.js';
export type * from './invoice-select.js';
export type * from './pay-request.js';
export type * from './payment-cancel.js';
export type * from './payment.js';
export type * from './session-change.js';
export type * from './user-change.js';
export type * from './wallet-change.js';
