/** Messages des reçus et des moyens de paiement, communs à <ups-pay-form> et <ups-payment-activity>. */
import type receipt from '../en/receipt.js';
import type { Translation } from '../types.js';

export default {
  'receipt.method.card': '{brand} •••• {last4}',
  'receipt.method.cardSpoken': '{brand} se terminant par {last4}',
  'receipt.method.ach': 'Compte bancaire •••• {last4}',
  'receipt.method.achSpoken': 'Compte bancaire se terminant par {last4}',
  'receipt.method.sepa': 'Compte SEPA •••• {last4}',
  'receipt.method.sepaSpoken': 'Compte SEPA se terminant par {last4}',
  'receipt.method.paypal': 'PayPal',
  'receipt.method.credit': 'Avoir imputé',
  'receipt.confirmation': 'Numéro de confirmation',
  'receipt.status': 'Statut',
  'receipt.date': 'Date de traitement',
  'receipt.submitted': 'Envoyé le',
  'receipt.method': 'Payé avec',
  'receipt.total': 'Total',
  'receipt.reason': 'Motif',
  'receipt.invoices': 'Factures de ce paiement',
  'receipt.invoice': 'Facture',
  'receipt.account': 'Compte',
  'receipt.amount': 'Montant',
} satisfies Translation<typeof receipt>;
