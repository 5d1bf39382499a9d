/**
 * The route table: one entry per endpoint of the contract. Its type demands
 * a route for every export of `endpoints/index.ts`, so adding an endpoint without a
 * handler fails the type check; the OpenAPI document and the authorization
 * tests are generated from this table.
 */
import type * as endpoints from '../../src/api/endpoints/index.js';
import type { RouteSpec } from '../http/route.js';
import {
  addAccountRoute,
  cancelEnrollmentRoute,
  listAccountsRoute,
  listPlansRoute,
  setXmlEnrollmentRoute,
  updateAccountRoute,
} from './accounts.js';
import {
  cancelAutopayRuleRoute,
  createAutopayRuleRoute,
  getAutopayAgreementRoute,
  listAutopayRulesRoute,
  previewAutopayRuleRoute,
  updateAutopayRuleRoute,
} from './autopay.js';
import {
  createDocumentExportRoute,
  downloadDocumentExportRoute,
  downloadInvoiceDocumentRoute,
  getDocumentExportRoute,
} from './documents.js';
import { getDashboardRoute } from './dashboard.js';
import {
  createDisputeRoute,
  downloadDisputeAttachmentRoute,
  getDisputeRoute,
  listDisputesRoute,
  withdrawDisputeRoute,
} from './disputes.js';
import { checkEnrollmentInvoiceRoute, enrollCompanyRoute } from './enrollment.js';
import {
  addInboundExceptionRoute,
  getInboundChargesRoute,
  importInboundExceptionsRoute,
  listInboundChargesRoute,
  removeInboundExceptionRoute,
  updateInboundChargesRoute,
} from './inbound-charges.js';
import { getInvoiceRoute, listInvoiceShipmentsRoute, listInvoicesRoute } from './invoices.js';
import {
  cancelPaymentRoute,
  createBankTokenRoute,
  createCardTokenRoute,
  createGuestPaymentRoute,
  createPaymentRoute,
  getPaymentRoute,
  getPaymentTypesRoute,
  guestLookupRoute,
  listPaymentsRoute,
} from './payments.js';
import { getSessionRoute, signInRoute } from './session.js';
import { listServedCountriesRoute, openPaymentAccountRoute, signUpRoute } from './signup.js';
import {
  createRecoveryRequestRoute,
  createUserRoute,
  listAuditLogRoute,
  listRecoveryRequestsRoute,
  listUsersRoute,
  removeUserRoute,
  updateUserRoute,
} from './users.js';
import {
  addPaymentMethodRoute,
  listPaymentMethodsRoute,
  removePaymentMethodRoute,
  updatePaymentMethodRoute,
} from './wallet.js';

type Endpoints = typeof endpoints;

export type RouteTable = { [K in keyof Endpoints]: RouteSpec<Endpoints[K]> };

export const ROUTES: RouteTable = {
  signIn: signInRoute,
  getSession: getSessionRoute,
  listAccounts: listAccountsRoute,
  listPlans: listPlansRoute,
  updateAccount: updateAccountRoute,
  setXmlEnrollment: setXmlEnrollmentRoute,
  addAccount: addAccountRoute,
  cancelEnrollment: cancelEnrollmentRoute,
  checkEnrollmentInvoice: checkEnrollmentInvoiceRoute,
  enrollCompany: enrollCompanyRoute,
  signUp: signUpRoute,
  openPaymentAccount: openPaymentAccountRoute,
  listServedCountries: listServedCountriesRoute,
  listInboundCharges: listInboundChargesRoute,
  getInboundCharges: getInboundChargesRoute,
  updateInboundCharges: updateInboundChargesRoute,
  addInboundException: addInboundExceptionRoute,
  removeInboundException: removeInboundExceptionRoute,
  importInboundExceptions: importInboundExceptionsRoute,
  listInvoices: listInvoicesRoute,
  getInvoice: getInvoiceRoute,
  listInvoiceShipments: listInvoiceShipmentsRoute,
  downloadInvoiceDocument: downloadInvoiceDocumentRoute,
  createDocumentExport: createDocumentExportRoute,
  getDocumentExport: getDocumentExportRoute,
  downloadDocumentExport: downloadDocumentExportRoute,
  getDashboard: getDashboardRoute,
  listDisputes: listDisputesRoute,
  getDispute: getDisputeRoute,
  createDispute: createDisputeRoute,
  withdrawDispute: withdrawDisputeRoute,
  downloadDisputeAttachment: downloadDisputeAttachmentRoute,
  getPaymentTypes: getPaymentTypesRoute,
  createCardToken: createCardTokenRoute,
  createBankToken: createBankTokenRoute,
  createPayment: createPaymentRoute,
  listPayments: listPaymentsRoute,
  getPayment: getPaymentRoute,
  cancelPayment: cancelPaymentRoute,
  guestLookup: guestLookupRoute,
  createGuestPayment: createGuestPaymentRoute,
  listPaymentMethods: listPaymentMethodsRoute,
  addPaymentMethod: addPaymentMethodRoute,
  updatePaymentMethod: updatePaymentMethodRoute,
  removePaymentMethod: removePaymentMethodRoute,
  listAutopayRules: listAutopayRulesRoute,
  getAutopayAgreement: getAutopayAgreementRoute,
  previewAutopayRule: previewAutopayRuleRoute,
  createAutopayRule: createAutopayRuleRoute,
  updateAutopayRule: updateAutopayRuleRoute,
  cancelAutopayRule: cancelAutopayRuleRoute,
  listUsers: listUsersRoute,
  createUser: createUserRoute,
  updateUser: updateUserRoute,
  removeUser: removeUserRoute,
  listRecoveryRequests: listRecoveryRequestsRoute,
  createRecoveryRequest: createRecoveryRequestRoute,
  listAuditLog: listAuditLogRoute,
};
