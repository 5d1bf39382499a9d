/**
 * The AutoPay agreement. Each change gets a new version; a rule records the
 * version its user accepted, and a request carrying an older version is
 * refused so nobody agrees to text they were not shown.
 */
import type { AutopayAgreement } from '../../src/api/schemas/autopay.js';

export const AUTOPAY_AGREEMENT: AutopayAgreement = {
  version: '2026-11',
  text: {
    en:
      'I authorise UPS to charge the payment method I chose for the invoices of this account or plan issued ' +
      'after today, on the schedule I set, for the full amount due of each invoice. When I set a maximum, an ' +
      'invoice above it is not paid at all and I pay it myself. A rule whose payment method is removed or ' +
      'expires stops until I choose another method. I can change or cancel this rule at any time; a change ' +
      'applies to the next run. Invoices paid before a cancellation stay paid.',
    fr:
      "J'autorise UPS à débiter le moyen de paiement choisi pour les factures de ce compte ou de ce plan émises " +
      "après aujourd'hui, selon le calendrier défini, du montant total dû de chaque facture. Si je fixe un " +
      "plafond, une facture qui le dépasse n'est pas payée du tout et je la règle moi-même. Une règle dont le " +
      "moyen de paiement est supprimé ou expiré s'arrête jusqu'à ce que j'en choisisse un autre. Je peux " +
      "modifier ou annuler cette règle à tout moment ; une modification s'applique à la prochaine exécution. " +
      'Les factures payées avant une annulation restent payées.',
  },
};
