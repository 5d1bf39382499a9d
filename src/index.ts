/**
 * The side-effect-free entry: element classes, the API client and types.
 * Importing it defines no tag; import `ups-billing-elements/<element>` (or
 * call `customElements.define` yourself) to register them.
 */
export * from './api/index.js';
export { billingContext, type BillingContext, type SessionState } from './context/billing-context.js';
export { UpsBillingProvider } from './context/billing-provider.js';
export { UpsAccounts } from './elements/accounts/accounts.js';
export { UpsAutopay } from './elements/autopay/autopay.js';
export { UpsBillingDashboard } from './elements/billing-dashboard/billing-dashboard.js';
export { UpsDisputeForm } from './elements/dispute-form/dispute-form.js';
export { UpsDisputeList } from './elements/dispute-list/dispute-list.js';
export { UpsEnrollment } from './elements/enrollment/enrollment.js';
export { UpsInboundCharges } from './elements/inbound-charges/inbound-charges.js';
export { UpsInvoiceDetail } from './elements/invoice-detail/invoice-detail.js';
export { UpsInvoiceTable } from './elements/invoice-table/invoice-table.js';
export { UpsPayForm } from './elements/pay-form/pay-form.js';
export { UpsPaymentActivity } from './elements/payment-activity/payment-activity.js';
export { UpsUserAdmin } from './elements/user-admin/user-admin.js';
export { UpsWallet } from './elements/wallet/wallet.js';
export type * from './events/index.js';
export { createI18n, LOCALES, type I18n, type Locale, type MessageOverrides } from './internal/i18n.js';
export type { MessageKey } from './locales/types.js';
