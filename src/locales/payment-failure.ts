/** Why a payment failed: a bundle of its own, so that the pay form, which never shows a failed payment's receipt, does not carry it. */
import type { MessageBundle } from '../internal/i18n.js';
import paymentFailure from './en/payment-failure.js';

export const paymentFailureMessages: MessageBundle = {
  id: 'payment-failure',
  en: paymentFailure,
  load: { fr: () => import('./fr/payment-failure.js') },
};
