/**
 * Message catalogs are split by element, so that a page ships only the
 * messages of the elements it uses, and each non-English locale loads on
 * demand. Translations are typed against the English catalog: a missing or
 * extra key fails the type check.
 */
import type accounts from './en/accounts.js';
import type accountsForms from './en/accounts-forms.js';
import type autopay from './en/autopay.js';
import type autopayForm from './en/autopay-form.js';
import type dashboard from './en/billing-dashboard.js';
import type common from './en/common.js';
import type dispute from './en/dispute.js';
import type disputeList from './en/dispute-list.js';
import type disputeForm from './en/dispute-form.js';
import type enrollment from './en/enrollment.js';
import type inboundCharges from './en/inbound-charges.js';
import type invoiceDetail from './en/invoice-detail.js';
import type invoiceTable from './en/invoice-table.js';
import type payForm from './en/pay-form.js';
import type paymentActivity from './en/payment-activity.js';
import type paymentFailure from './en/payment-failure.js';
import type receipt from './en/receipt.js';
import type userAdmin from './en/user-admin.js';
import type userAdminForms from './en/user-admin-forms.js';
import type wallet from './en/wallet.js';
import type walletForms from './en/wallet-forms.js';

export type Translation<T> = { readonly [K in keyof T]: string };

/** Every message key of the library. */
export type MessageKey =
  | keyof typeof common
  | keyof typeof accounts
  | keyof typeof accountsForms
  | keyof typeof inboundCharges
  | keyof typeof enrollment
  | keyof typeof dispute
  | keyof typeof disputeForm
  | keyof typeof autopay
  | keyof typeof autopayForm
  | keyof typeof invoiceTable
  | keyof typeof invoiceDetail
  | keyof typeof disputeList
  | keyof typeof dashboard
  | keyof typeof payForm
  | keyof typeof paymentActivity
  | keyof typeof paymentFailure
  | keyof typeof receipt
  | keyof typeof userAdmin
  | keyof typeof userAdminForms
  | keyof typeof wallet
  | keyof typeof walletForms;
