/** Messages français : pourquoi un paiement a échoué (codes de refus). */
import type en from '../en/payment-failure.js';
import type { Translation } from '../types.js';

export default {
  'paymentFailure.insufficient_funds': 'Refusé : provision insuffisante.',
  'paymentFailure.expired_card': 'Refusé : la carte a expiré.',
  'paymentFailure.do_not_honor': 'Refusé par l’émetteur de la carte.',
  'paymentFailure.gateway_unavailable': 'Le service de paiement n’a pas répondu ; rien n’a été débité.',
  'paymentFailure.unknown': 'Le paiement n’a pas abouti ({code}).',
} satisfies Translation<typeof en>;
