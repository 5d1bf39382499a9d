/** Les statuts et motifs de contestation en français. */
import type dispute from '../en/dispute.js';
import type { Translation } from '../types.js';

export default {
  'dispute.status.submitted': 'Envoyée',
  'dispute.status.in_review': 'En cours d’examen',
  'dispute.status.approved': 'Acceptée',
  'dispute.status.partially_approved': 'Partiellement acceptée',
  'dispute.status.denied': 'Refusée',
  'dispute.status.withdrawn': 'Retirée',
  'dispute.reason.late_delivery': 'Livraison en retard (garantie de service)',
  'dispute.reason.incorrect_weight': 'Poids ou dimensions erronés',
  'dispute.reason.address_correction': 'Correction d’adresse',
  'dispute.reason.residential_surcharge': 'Supplément résidentiel',
  'dispute.reason.duplicate_charge': 'Frais facturés en double',
  'dispute.reason.surcharge': 'Supplément',
  'dispute.reason.unauthorized_third_party': 'Frais de tiers non autorisés',
  'dispute.reason.incorrect_rate': 'Tarif erroné',
  'dispute.reason.duties_and_taxes': 'Droits et taxes',
  'dispute.reason.not_sent': 'Colis non expédié',
  'dispute.reason.other': 'Autre',
} satisfies Translation<typeof dispute>;
