/** English messages for why a payment failed (decline codes), shown by <ups-payment-activity> and <ups-autopay>. */
export default {
  'paymentFailure.insufficient_funds': 'Declined: insufficient funds.',
  'paymentFailure.expired_card': 'Declined: the card has expired.',
  'paymentFailure.do_not_honor': 'Declined by the card issuer.',
  'paymentFailure.gateway_unavailable': 'The payment service did not answer; nothing was charged.',
  'paymentFailure.payment_method_not_allowed':
    'This payment method cannot pay this invoice (duties and taxes cannot go on a card).',
  'paymentFailure.already_paid': 'The invoice was already paid, or a payment was on its way.',
  'paymentFailure.not_found': 'The invoice is no longer in the scope of the rule’s owner.',
  'paymentFailure.method_unusable': 'The payment method was removed or has expired.',
  'paymentFailure.unknown': 'The payment did not go through ({code}).',
} as const;
