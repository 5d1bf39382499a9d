/**
 * English messages shared by every element: errors by problem code, field
 * codes, invoice statuses and types. Keys are stable codes; hosts override
 * any message by its key. `{name}` marks a parameter.
 */
export default {
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.help': 'Help',
  'common.contact': 'Contact us',

  'provider.missing': 'This billing element needs an <ups-billing-provider> around it.',
  'provider.signedOut': 'Sign in to see your billing information.',

  // Problem codes from the API, and the client's own.
  'error.validation_failed': 'Some values are not valid. Check the highlighted fields.',
  'error.malformed_json': 'The request could not be read. Please try again.',
  'error.unsupported_media_type': 'The request could not be read. Please try again.',
  'error.payload_too_large': 'The request is too large.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.token_invalid': 'Your session has ended. Please sign in again.',
  'error.token_expired': 'Your session has expired. Please sign in again.',
  'error.invalid_credentials': 'The user ID or password is incorrect.',
  'error.forbidden': 'Your role does not allow this action.',
  'error.not_found': 'We could not find this item, or you do not have access to it.',
  'error.method_not_allowed': 'This action is not available.',
  'error.rate_limited': 'Too many attempts. Try again in {seconds} seconds.',
  'error.conflict': 'This changed in the meantime. Refresh and try again.',
  'error.internal_error': 'Something went wrong on our side. Please try again later.',
  'error.network_error': 'We could not reach the billing service. Check your connection and try again.',
  'error.timeout': 'The billing service took too long to answer. Please try again.',
  'error.invalid_response': 'The billing service sent an unexpected answer. Please try again later.',
  'error.unknown': 'Something went wrong. Please try again.',

  // Field codes, for messages next to a field.
  'field.required': 'Enter a value.',
  'field.invalid_type': 'Enter a valid value.',
  'field.invalid_format': 'Enter a value in the expected format.',
  'field.invalid_value': 'Choose one of the allowed values.',
  'field.too_small': 'Enter a larger value.',
  'field.too_big': 'Enter a smaller value.',
  'field.too_long': 'Enter a shorter value.',
  'field.unknown_field': 'This value is not expected.',
  'field.range_inverted': 'The end must not be before the start.',

  'invoice.status.open': 'Open',
  'invoice.status.past_due': 'Past due',
  'invoice.status.payment_scheduled': 'Payment scheduled',
  'invoice.status.payment_pending': 'Payment pending',
  'invoice.status.paid': 'Paid',
  'invoice.status.payment_returned': 'Payment returned',
  'invoice.status.closed': 'Closed',
  'invoice.type.delivery_service': 'Delivery service',
  'invoice.type.import': 'Import duties and taxes',
  'invoice.type.freight': 'Freight',
  'invoice.type.adjustment': 'Adjustment',
  'brand.visa': 'Visa',
  'brand.mastercard': 'Mastercard',
  'brand.amex': 'American Express',
  'brand.discover': 'Discover',
  'brand.cartes_bancaires': 'Cartes Bancaires',
  'payment.status.scheduled': 'Scheduled',
  'payment.status.processing': 'Processing',
  'payment.status.completed': 'Completed',
  'payment.status.returned': 'Returned',
  'payment.status.cancelled': 'Cancelled',
  'payment.status.failed': 'Failed',
} as const;
