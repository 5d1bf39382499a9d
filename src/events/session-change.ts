import type { SessionState } from '../context/billing-context.js';

/** `<ups-billing-provider>` loaded, refused or cleared the session. */
export type UpsSessionChangeEvent = CustomEvent<SessionState>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-session-change': UpsSessionChangeEvent;
  }
}
