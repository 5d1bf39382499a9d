/**
 * What `<ups-billing-provider>` shares with every element inside it.
 *
 * The key is a string, not a Symbol: if a page loads two copies of the
 * library, elements of one copy still find the provider of the other.
 */
import { createContext } from '@lit/context';
import type { BillingClient } from '../api/client.js';
import type { Session } from '../api/schemas/session.js';
import type { I18n, MessageOverrides } from '../internal/i18n.js';

export type SessionState =
  /** No token: guest elements work, signed-in ones ask to sign in. */
  | { status: 'signed-out' }
  | { status: 'loading' }
  | { status: 'ready'; session: Session }
  | { status: 'error'; code: string };

export interface BillingContext {
  client: BillingClient;
  session: SessionState;
  i18n: I18n;
  /** The host's replacement texts, for elements that use another locale than the provider. */
  messages: MessageOverrides | undefined;
  /** ISO 3166 country of the visitor, for payment types; from the provider or the company. */
  country: string;
  /** Links every element offers for help and contact (see internal/help-links.ts). */
  helpHref: string | null;
  contactHref: string | null;
  /** A virtual assistant, offered beside Help where set. */
  assistantHref: string | null;
  /** Where those links open (`_blank`…); the same tab when null. */
  helpTarget: string | null;
}

export const billingContext = createContext<BillingContext>('ups-billing-context');
