import type { Company, SessionUser } from '../api/schemas/session.js';
import type { WalletMethod } from '../api/schemas/wallet.js';

/**
 * A company signed up through `<ups-enrollment>` and the server created it,
 * with the user as its administrator.
 *
 * - `path`: `invoice` (a recent invoice proved an account) or `signup` (a new
 *   payment account, with no shipping account yet).
 * - `token`: the new administrator's session, already valid (until
 *   `expiresAt`): the host signs the user in with it — e.g. hands it to
 *   `<ups-billing-provider>`'s `token` — rather than asking for the password
 *   just chosen. `null` when the user was already signed in (they had a user
 *   ID but no company): their session now has the company, and the host
 *   calls the provider's `refreshSession()` to show it. Nothing else on the
 *   page receives the token.
 * - `method`: the payment account's first method (the wallet's default), on
 *   the `signup` path; `null` on the `invoice` path.
 */
export type UpsEnrollmentCompleteEvent = CustomEvent<{
  readonly path: 'invoice' | 'signup';
  readonly token: string | null;
  readonly expiresAt: string | null;
  readonly company: Company | null;
  readonly user: SessionUser;
  readonly method: WalletMethod | null;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-enrollment-complete': UpsEnrollmentCompleteEvent;
  }
}
