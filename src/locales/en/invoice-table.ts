/** English messages of <ups-invoice-table>. */
export default {
  'invoiceTable.caption.account': 'My account invoices',
  'invoiceTable.caption.plan': 'My billing plan invoices',
  'invoiceTable.column.number': 'Invoice number',
  'invoiceTable.column.account': 'Account',
  'invoiceTable.column.plan': 'Plan',
  'invoiceTable.column.invoiceDate': 'Invoice date',
  'invoiceTable.column.dueDate': 'Due date',
  'invoiceTable.column.type': 'Type',
  'invoiceTable.column.amount': 'Amount',
  'invoiceTable.column.amountDue': 'Amount due',
  'invoiceTable.column.status': 'Status',
  'invoiceTable.empty': 'No invoices match.',
  'invoiceTable.count.one': '{count} invoice',
  'invoiceTable.count.other': '{count} invoices',
  'invoiceTable.loading': 'Loading invoices…',
  'invoiceTable.error': 'The invoices could not be loaded.',
} as const;
