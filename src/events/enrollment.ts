import type { Company, User } from '../api/schemas/session.js';

/**
 * A company signed up through `<ups-enrollment>` and the server created it,
 * with its first user as administrator. `token` is that user's session,
 * already valid (until `expiresAt`): the host signs the user in with it —
 * e.g. hands it to `<ups-billing-provider>`'s `token` — rather than asking
 * for the password just chosen. Nothing else on the page receives it.
 */
export type UpsEnrollmentCompleteEvent = CustomEvent<{
  readonly token: string;
  readonly expiresAt: string;
  readonly company: Company;
  readonly user: User;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-enrollment-complete': UpsEnrollmentCompleteEvent;
  }
}
