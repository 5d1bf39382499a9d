/**
 * The protocol between the card frame and the element that embeds it, by
 * `postMessage`. Each side checks the other's origin (and the element checks
 * the frame's window); card data itself never crosses: only tokens do.
 */
export const FRAME_SOURCE = 'ups-card-frame';
export const PARENT_SOURCE = 'ups-card-parent';

export type CardField = 'holder' | 'number' | 'expiry' | 'cvc' | 'postalCode';

/** Messages the frame sends. */
export type FrameMessage =
  | { source: typeof FRAME_SOURCE; type: 'ready' }
  /** Enter in a field: the payer asks to go on, as in any other form. */
  | { source: typeof FRAME_SOURCE; type: 'submit' }
  | { source: typeof FRAME_SOURCE; type: 'resize'; height: number }
  | { source: typeof FRAME_SOURCE; type: 'validation'; errors: Partial<Record<CardField, string>> }
  | {
      source: typeof FRAME_SOURCE;
      type: 'token';
      token: string;
      method: { type: 'card'; brand: string | null; last4: string | null };
      expMonth: number | null;
      expYear: number | null;
    }
  | { source: typeof FRAME_SOURCE; type: 'error'; code: string; retryAfter?: number };

/** Messages the frame accepts. */
export type ParentMessage =
  | { source: typeof PARENT_SOURCE; type: 'tokenize'; funding?: 'credit' | 'debit' }
  | { source: typeof PARENT_SOURCE; type: 'focus'; field: CardField };
