/** English messages for why a payment failed (decline codes), shown by <ups-payment-activity> and <ups-autopay>. */
export default {
  'paymentFailure.insufficient_funds': 'Declined: insufficient funds.',
  'paymentFailure.expired_card': 'Declined: the card has expired.',
  'paymentFailure.do_not_honor': 'Declined by the card issuer.',
  'paymentFailure.gateway_unavailable': 'The payment service did not answer; nothing was charged.',
  'paymentFailure.unknown': 'The payment did not go through ({code}).',
} as const;
