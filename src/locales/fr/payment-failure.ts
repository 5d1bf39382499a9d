/** Messages français : pourquoi un paiement a échoué (codes de refus). */
import type en from '../en/payment-failure.js';
import type { Translation } from '../types.js';

export default {
  'paymentFailure.insufficient_funds': 'Refusé : provision insuffisante.',
  'paymentFailure.expired_card': 'Refusé : la carte a expiré.',
  'paymentFailure.do_not_honor': 'Refusé par l’émetteur de la carte.',
  'paymentFailure.gateway_unavailable': 'Le service de paiement n’a pas répondu ; rien n’a été débité.',
  'paymentFailure.payment_method_not_allowed':
    'Ce moyen de paiement ne peut pas régler cette facture (les droits et taxes ne se paient pas par carte).',
  'paymentFailure.already_paid': 'La facture était déjà payée, ou un paiement était en cours.',
  'paymentFailure.not_found': 'La facture n’est plus dans le périmètre du propriétaire de la règle.',
  'paymentFailure.method_unusable': 'Le moyen de paiement a été supprimé ou a expiré.',
  'paymentFailure.unknown': 'Le paiement n’a pas abouti ({code}).',
} satisfies Translation<typeof en>;
