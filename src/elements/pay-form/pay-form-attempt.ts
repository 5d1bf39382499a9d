/**
 * The payment attempt in flight, kept in sessionStorage: its idempotency key
 * and the exact request. Whatever interrupts it — a lost answer, a second
 * press, a reload of the page — the form sends the same request with the same
 * key again, and the server answers with the first result instead of paying
 * twice. The request holds single-use tokens, never card data.
 */

export interface Attempt {
  key: string;
  /** The invoices it pays, as the host gave them: a reopened form with the same cart picks it up. */
  cart: readonly string[];
  body: unknown;
}

const PREFIX = 'ups-pay-attempt:';
/** Payment and lookup tokens last less than this: an older attempt cannot be sent again. */
const MAX_AGE_MS = 60 * 60 * 1000;

// A guest pays one invoice at a time: one slot. A signed-in payer may have forms for several carts.
const slotOf = (guest: boolean, cart: readonly string[]) =>
  PREFIX + (guest ? 'guest' : `user:${[...cart].sort().join(',')}`);

function read(slot: string): (Attempt & { at: number }) | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(slot) ?? 'null') as (Attempt & { at: number }) | null;
    return stored && Date.now() - stored.at < MAX_AGE_MS ? stored : null;
  } catch {
    // Storage off (private mode, sandboxed frame) or damaged: no attempt to resume.
    return null;
  }
}

/** The attempt to send `body`: the stored one if it is this very request, else a new one, stored. */
export function attemptFor(guest: boolean, cart: readonly string[], body: unknown): Attempt {
  const slot = slotOf(guest, cart);
  const stored = read(slot);
  if (stored && JSON.stringify(stored.body) === JSON.stringify(body)) return stored;
  const attempt: Attempt = { key: crypto.randomUUID(), cart, body };
  try {
    sessionStorage.setItem(slot, JSON.stringify({ ...attempt, at: Date.now() }));
  } catch {
    // Without storage the key still lives as long as the page: double presses stay safe.
  }
  return attempt;
}

/** An attempt that was sent and never answered, for this cart (a guest's, whatever the invoice). */
export function pendingAttempt(guest: boolean, cart: readonly string[]): Attempt | null {
  return read(slotOf(guest, cart));
}

/** The server answered: the attempt is over, whatever the answer. */
export function forgetAttempt(guest: boolean, attempt: Attempt): void {
  try {
    sessionStorage.removeItem(slotOf(guest, attempt.cart));
  } catch {
    // See read().
  }
}
