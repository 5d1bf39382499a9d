/** Messages communs en français. */
import type common from '../en/common.js';
import type { Translation } from '../types.js';

export default {
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
  'common.help': 'Aide',
  'common.contact': 'Nous contacter',

  'provider.missing': 'Cet élément de facturation doit être placé dans un <ups-billing-provider>.',
  'provider.signedOut': 'Connectez-vous pour consulter vos informations de facturation.',

  'error.validation_failed': 'Certaines valeurs ne sont pas valides. Vérifiez les champs signalés.',
  'error.malformed_json': 'La demande n’a pas pu être lue. Veuillez réessayer.',
  'error.unsupported_media_type': 'La demande n’a pas pu être lue. Veuillez réessayer.',
  'error.payload_too_large': 'La demande est trop volumineuse.',
  'error.unauthenticated': 'Votre session a pris fin. Veuillez vous reconnecter.',
  'error.token_invalid': 'Votre session a pris fin. Veuillez vous reconnecter.',
  'error.token_expired': 'Votre session a expiré. Veuillez vous reconnecter.',
  'error.invalid_credentials': 'Le numéro d’utilisateur ou le mot de passe est incorrect.',
  'error.forbidden': 'Votre rôle ne permet pas cette action.',
  'error.not_found': 'Élément introuvable, ou vous n’y avez pas accès.',
  'error.method_not_allowed': 'Cette action n’est pas disponible.',
  'error.rate_limited': 'Trop de tentatives. Réessayez dans {seconds} secondes.',
  'error.conflict': 'Les données ont changé entre-temps. Actualisez puis réessayez.',
  'error.internal_error': 'Une erreur s’est produite de notre côté. Veuillez réessayer plus tard.',
  'error.network_error': 'Le service de facturation est injoignable. Vérifiez votre connexion et réessayez.',
  'error.timeout': 'Le service de facturation a mis trop de temps à répondre. Veuillez réessayer.',
  'error.invalid_response': 'Le service de facturation a renvoyé une réponse inattendue. Veuillez réessayer plus tard.',
  'error.unknown': 'Une erreur s’est produite. Veuillez réessayer.',

  'field.required': 'Saisissez une valeur.',
  'field.invalid_type': 'Saisissez une valeur valide.',
  'field.invalid_format': 'Saisissez une valeur au format attendu.',
  'field.invalid_value': 'Choisissez l’une des valeurs proposées.',
  'field.too_small': 'Saisissez une valeur plus grande.',
  'field.too_big': 'Saisissez une valeur plus petite.',
  'field.too_long': 'Saisissez une valeur plus courte.',
  'field.unknown_field': 'Cette valeur n’est pas attendue.',
  'field.range_inverted': 'La fin ne peut pas précéder le début.',

  'invoice.status.open': 'Ouverte',
  'invoice.status.past_due': 'En retard',
  'invoice.status.payment_scheduled': 'Paiement programmé',
  'invoice.status.payment_pending': 'Paiement en cours',
  'invoice.status.paid': 'Payée',
  'invoice.status.payment_returned': 'Paiement rejeté',
  'invoice.status.closed': 'Clôturée',
  'invoice.type.delivery_service': 'Service de livraison',
  'invoice.type.import': 'Droits et taxes d’importation',
  'invoice.type.freight': 'Fret',
  'invoice.type.adjustment': 'Ajustement',
} satisfies Translation<typeof common>;
