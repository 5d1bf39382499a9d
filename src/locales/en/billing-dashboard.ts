/** English messages of <ups-billing-dashboard>. */
export default {
  'dashboard.title': 'Billing overview',
  'dashboard.loading': 'Loading your billing overview…',
  'dashboard.error': 'The billing overview could not be loaded.',
  'dashboard.balanceDue': 'Balance due',
  'dashboard.pastDue': 'Past due',
  'dashboard.dueNext7Days': 'Due in the next 7 days',
  'dashboard.invoices.one': '{count} invoice',
  'dashboard.invoices.other': '{count} invoices',
  'dashboard.aging.title': 'Aging of amounts due ({currency})',
  'dashboard.aging.bucket': 'Age',
  'dashboard.aging.amount': 'Amount',
  'dashboard.aging.share': 'Share',
  'dashboard.aging.current': 'Not yet due',
  'dashboard.aging.days1to30': '1–30 days past due',
  'dashboard.aging.days31to60': '31–60 days past due',
  'dashboard.aging.days61to90': '61–90 days past due',
  'dashboard.aging.days90plus': 'More than 90 days past due',
  'dashboard.alerts.title': 'Needs your attention',
  'dashboard.alert.past_due.one': '{count} invoice is past due.',
  'dashboard.alert.past_due.other': '{count} invoices are past due.',
  'dashboard.alert.autopay_suspended.one':
    '{count} AutoPay rule is suspended: its payment method was removed or has expired.',
  'dashboard.alert.autopay_suspended.other':
    '{count} AutoPay rules are suspended: their payment method was removed or has expired.',
  'dashboard.alert.autopay_skipped.one':
    'AutoPay did not pay {count} invoice: it is over the rule’s maximum. Pay it yourself.',
  'dashboard.alert.autopay_skipped.other':
    'AutoPay did not pay {count} invoices: they are over the rule’s maximum. Pay them yourself.',
  'dashboard.alert.card_expiring.one': '{count} card in your wallet has expired or expires within 30 days.',
  'dashboard.alert.card_expiring.other': '{count} cards in your wallet have expired or expire within 30 days.',
  'dashboard.alert.unknown': 'Something needs your attention ({code}).',
  'dashboard.nothingDue': 'Nothing is due right now.',
  'dashboard.pay': 'Pay',
  'dashboard.pay.preparing': 'Gathering the invoices to pay…',
  'dashboard.asOf': 'As of {date}',
} as const;
