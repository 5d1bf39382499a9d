/**
 * English names of dispute statuses and reasons, keyed by the API's codes:
 * one catalog for every element that names them (the form, the list, the
 * invoice detail's disputes), so they always say the same.
 */
export default {
  'dispute.status.submitted': 'Submitted',
  'dispute.status.in_review': 'In review',
  'dispute.status.approved': 'Approved',
  'dispute.status.partially_approved': 'Partially approved',
  'dispute.status.denied': 'Denied',
  'dispute.status.withdrawn': 'Withdrawn',
  'dispute.reason.late_delivery': 'Late delivery (service guarantee)',
  'dispute.reason.incorrect_weight': 'Incorrect weight or dimensions',
  'dispute.reason.address_correction': 'Address correction',
  'dispute.reason.residential_surcharge': 'Residential surcharge',
  'dispute.reason.duplicate_charge': 'Duplicate charge',
  'dispute.reason.surcharge': 'Surcharge',
  'dispute.reason.unauthorized_third_party': 'Unauthorised third-party charge',
  'dispute.reason.incorrect_rate': 'Incorrect rate',
  'dispute.reason.duties_and_taxes': 'Duties and taxes',
  'dispute.reason.not_sent': 'Shipment not sent',
  'dispute.reason.other': 'Other',
};
