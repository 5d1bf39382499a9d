import type { DisputeRequest, Dispute } from '../api/schemas/dispute.js';

/** Before a dispute is sent. Cancelable: `preventDefault()` stops it. `files` are the names of the attachments. */
export type UpsDisputeSubmitEvent = CustomEvent<{
  readonly request: DisputeRequest;
  readonly files: readonly string[];
}>;

/** The dispute was recorded. */
export type UpsDisputeSuccessEvent = CustomEvent<{ readonly dispute: Dispute }>;

/** The dispute was refused; `code` is the problem code (e.g. `dispute_exists`). */
export type UpsDisputeErrorEvent = CustomEvent<{ readonly code: string }>;

/** A dispute changed from a list (withdrawn). */
export type UpsDisputeChangeEvent = CustomEvent<{ readonly dispute: Dispute; readonly action: 'withdrawn' }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-dispute-submit': UpsDisputeSubmitEvent;
    'ups-dispute-success': UpsDisputeSuccessEvent;
    'ups-dispute-error': UpsDisputeErrorEvent;
    'ups-dispute-change': UpsDisputeChangeEvent;
  }
}
