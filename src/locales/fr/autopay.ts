/** Messages de <ups-autopay> en français. */
import type autopay from '../en/autopay.js';
import type { Translation } from '../types.js';

export default {
  'autopay.title': 'Mes paiements automatiques',
  'autopay.intro':
    'Le paiement automatique règle les factures d’un compte ou d’un plan de facturation à leur échéance, avec le mode de paiement que vous choisissez. Une règle par compte ou par plan.',
  'autopay.loading': 'Chargement des paiements automatiques…',
  'autopay.error': 'Les paiements automatiques n’ont pas pu être chargés.',
  'autopay.empty': 'Aucun paiement automatique pour le moment.',
  'autopay.readOnly': 'Votre rôle vous permet de consulter les paiements automatiques, pas de les modifier.',
  'autopay.create': 'Programmer un paiement automatique',
  'autopay.rules': 'Règles de paiement automatique',

  'autopay.scope.account': 'Compte {number} — {name}',
  'autopay.scope.plan': 'Plan de facturation {number} — {name}',
  'autopay.status.active': 'Actif',
  'autopay.status.suspended': 'Suspendu',
  'autopay.status.ended': 'Terminé',

  'autopay.fact.method': 'Mode de paiement',
  'autopay.fact.amount': 'Montant',
  'autopay.fact.schedule': 'Quand',
  'autopay.fact.until': 'Validité',
  'autopay.fact.agreement': 'Conditions',
  'autopay.fact.applies': 'S’applique aux',
  'autopay.method.none': 'Aucun : il a été supprimé',
  'autopay.amount.total_due': 'Le montant total dû',
  'autopay.amount.up_to': 'Le montant total dû, jusqu’à {maximum} par facture',
  'autopay.schedule.onDueDate': 'À la date d’échéance',
  'autopay.schedule.daysBefore.one': '{count} jour avant la date d’échéance',
  'autopay.schedule.daysBefore.other': '{count} jours avant la date d’échéance',
  'autopay.schedule.weekly.1': 'Tous les lundis',
  'autopay.schedule.weekly.2': 'Tous les mardis',
  'autopay.schedule.weekly.3': 'Tous les mercredis',
  'autopay.schedule.weekly.4': 'Tous les jeudis',
  'autopay.schedule.weekly.5': 'Tous les vendredis',
  'autopay.schedule.weekly.6': 'Tous les samedis',
  'autopay.schedule.weekly.7': 'Tous les dimanches',
  'autopay.until.cancelled': 'Jusqu’à son annulation',
  'autopay.until.date': 'Jusqu’au {date}',
  'autopay.agreement.accepted': 'Version {version}, acceptées par {name} le {date}',
  'autopay.applies': 'Factures émises à partir du {date}',

  'autopay.suspended.method_removed':
    'Paiement automatique suspendu : son mode de paiement a été supprimé du portefeuille.',
  'autopay.suspended.method_expired': 'Paiement automatique suspendu : sa carte a expiré.',
  'autopay.suspended.effect': 'Aucune facture n’est payée automatiquement tant que ce n’est pas corrigé.',
  'autopay.fix.choose': 'Choisir un autre mode de paiement',
  'autopay.fix.wallet': 'Modifier la date d’expiration de la carte dans le portefeuille',
  'autopay.fix.askOwner':
    'Demandez à la personne qui l’a programmé, ou à un administrateur, de choisir un autre mode de paiement.',

  'autopay.next.title': 'Prochain paiement',
  'autopay.next.on': 'Le {date}',
  'autopay.next.none': 'En l’état, le prochain paiement automatique n’a aucune facture à payer.',
  'autopay.next.empty': 'Aucune facture à payer lors de ce paiement pour l’instant.',
  'autopay.next.caption': 'Factures du prochain paiement',
  'autopay.col.invoice': 'Facture',
  'autopay.col.dueDate': 'Date d’échéance',
  'autopay.col.amount': 'Montant dû',
  'autopay.col.action': 'Ce qui sera fait',
  'autopay.col.date': 'Date',
  'autopay.col.outcome': 'Résultat',
  'autopay.col.detail': 'Confirmation',
  'autopay.action.pay': 'Sera payée',
  'autopay.action.skip_over_maximum': 'Ne sera pas payée : au-dessus du maximum',
  'autopay.action.method_not_allowed': 'Ne peut pas être payée avec ce moyen',
  'autopay.recent.title': 'Paiements récents',
  'autopay.recent.caption': 'Ce que le paiement automatique a fait récemment, le plus récent d’abord',
  'autopay.recent.none': 'Le paiement automatique n’a encore rien payé.',
  'autopay.outcome.paid': 'Payée',
  'autopay.outcome.scheduled': 'Programmée',
  'autopay.outcome.skipped_over_maximum': 'Non payée : au-dessus du maximum',
  'autopay.outcome.failed': 'Échec',
  'autopay.skipped.one':
    '{count} facture n’a pas été payée car elle dépasse le montant maximum. Payez-la vous-même, ou relevez le maximum.',
  'autopay.skipped.other':
    '{count} factures n’ont pas été payées car elles dépassent le montant maximum. Payez-les vous-même, ou relevez le maximum.',

  'autopay.edit': 'Modifier',
  'autopay.cancelRule': 'Annuler le paiement automatique',
  'autopay.payNow': 'Payer les factures impayées maintenant',
  'autopay.payNow.title': 'Payer les factures impayées : {scope}',
  'autopay.payNow.loading': 'Recherche des factures impayées…',
  'autopay.payNow.none': 'Aucune facture impayée à régler : {scope}.',
  'autopay.payNow.close': 'Fermer',

  'autopay.created.title': 'Le paiement automatique est programmé : {scope}.',
  'autopay.created.text':
    'Il paie les factures émises à partir de maintenant. Les factures déjà impayées ne sont pas incluses : vous pouvez les payer dès maintenant.',
  'autopay.created.dismiss': 'Fermer',
  'autopay.updated': 'Le paiement automatique est modifié : {scope}.',
  'autopay.cancelled': 'Le paiement automatique est annulé : {scope}.',

  'autopay.cancel.title': 'Annuler le paiement automatique : {scope} ?',
  'autopay.cancel.text':
    'Les factures ne seront plus payées automatiquement. Les paiements déjà effectués ou programmés restent inchangés.',
  'autopay.cancel.confirm': 'Annuler le paiement automatique',
  'autopay.cancel.keep': 'Conserver le paiement automatique',
  'autopay.cancel.busy': 'Annulation du paiement automatique…',
} satisfies Translation<typeof autopay>;
