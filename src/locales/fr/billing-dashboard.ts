/** Messages de <ups-billing-dashboard> en français. */
import type dashboard from '../en/billing-dashboard.js';
import type { Translation } from '../types.js';

export default {
  'dashboard.title': 'Vue d’ensemble de la facturation',
  'dashboard.loading': 'Chargement de votre vue d’ensemble…',
  'dashboard.error': 'La vue d’ensemble n’a pas pu être chargée.',
  'dashboard.balanceDue': 'Solde dû',
  'dashboard.pastDue': 'En retard',
  'dashboard.dueNext7Days': 'À payer dans les 7 prochains jours',
  'dashboard.invoices.one': '{count} facture',
  'dashboard.invoices.other': '{count} factures',
  'dashboard.aging.title': 'Ancienneté des montants dus ({currency})',
  'dashboard.aging.bucket': 'Ancienneté',
  'dashboard.aging.amount': 'Montant',
  'dashboard.aging.share': 'Part',
  'dashboard.aging.current': 'Pas encore échu',
  'dashboard.aging.days1to30': '1 à 30 jours de retard',
  'dashboard.aging.days31to60': '31 à 60 jours de retard',
  'dashboard.aging.days61to90': '61 à 90 jours de retard',
  'dashboard.aging.days90plus': 'Plus de 90 jours de retard',
  'dashboard.alerts.title': 'À traiter',
  'dashboard.alert.past_due.one': '{count} facture est en retard.',
  'dashboard.alert.past_due.other': '{count} factures sont en retard.',
  'dashboard.alert.autopay_suspended.one':
    '{count} paiement automatique est suspendu : son mode de paiement a été supprimé ou a expiré.',
  'dashboard.alert.autopay_suspended.other':
    '{count} paiements automatiques sont suspendus : leur mode de paiement a été supprimé ou a expiré.',
  'dashboard.alert.autopay_skipped.one':
    'Le paiement automatique n’a pas réglé {count} facture : elle dépasse le maximum de la règle. Payez-la vous-même.',
  'dashboard.alert.autopay_skipped.other':
    'Le paiement automatique n’a pas réglé {count} factures : elles dépassent le maximum de la règle. Payez-les vous-même.',
  'dashboard.alert.card_expiring.one': '{count} carte de votre portefeuille a expiré ou expire dans les 30 jours.',
  'dashboard.alert.card_expiring.other':
    '{count} cartes de votre portefeuille ont expiré ou expirent dans les 30 jours.',
  'dashboard.alert.dispute_resolved.one': '{count} contestation a été traitée ces 30 derniers jours : {credited}.',
  'dashboard.alert.dispute_resolved.other':
    '{count} contestations ont été traitées ces 30 derniers jours : {credited}.',
  'dashboard.alert.dispute_resolved.credited': '{amounts} crédités',
  'dashboard.alert.dispute_resolved.noCredit': 'aucun avoir',
  'dashboard.alert.dispute_resolved.link': 'Voir les contestations',
  'dashboard.alert.unknown': 'Un élément demande votre attention ({code}).',
  'dashboard.nothingDue': 'Rien à payer pour le moment.',
  'dashboard.pay': 'Payer',
  'dashboard.pay.preparing': 'Préparation des factures à payer…',
  'dashboard.asOf': 'Au {date}',
} satisfies Translation<typeof dashboard>;
