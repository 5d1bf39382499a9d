import type { ManagedUser } from '../api/schemas/users.js';

/**
 * A user was added, changed (role, scope, name, e-mail) or removed through
 * `<ups-user-admin>`, and the server confirmed it. `user` is the user as it
 * now is — as it was, for a removal. A new user's temporary password is never
 * in the event: it is shown once, to the person who added the user, and to
 * nothing else on the page.
 */
export type UpsUserChangeEvent = CustomEvent<{
  readonly action: 'create' | 'update' | 'remove';
  readonly user: ManagedUser;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ups-user-change': UpsUserChangeEvent;
  }
}
