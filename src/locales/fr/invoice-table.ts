/** Messages de <ups-invoice-table> en français. */
import type invoiceTable from '../en/invoice-table.js';
import type { Translation } from '../types.js';

export default {
  'invoiceTable.caption.account': 'Mes factures de compte',
  'invoiceTable.caption.plan': 'Mes plans de facturation',
  'invoiceTable.column.number': 'Numéro de facture',
  'invoiceTable.column.account': 'Compte',
  'invoiceTable.column.plan': 'Plan',
  'invoiceTable.column.invoiceDate': 'Date de facture',
  'invoiceTable.column.dueDate': 'Date d’échéance',
  'invoiceTable.column.type': 'Type',
  'invoiceTable.column.amount': 'Montant',
  'invoiceTable.column.amountDue': 'Montant dû',
  'invoiceTable.column.status': 'Statut',
  'invoiceTable.empty': 'Aucune facture ne correspond.',
  'invoiceTable.count.one': '{count} facture',
  'invoiceTable.count.other': '{count} factures',
  'invoiceTable.loading': 'Chargement des factures…',
  'invoiceTable.error': 'Les factures n’ont pas pu être chargées.',
} satisfies Translation<typeof invoiceTable>;
