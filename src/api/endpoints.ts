/**
 * Every route of the billing API, under `/api/v1`. The export name is the
 * OpenAPI `operationId`; the server must register a handler for each one
 * (its route table is typed against this module), so a route cannot exist
 * without a contract, nor a contract without a route.
 */
import { endpoint } from './endpoint.js';
import { AccountList, PlanList } from './schemas/account.js';
import {
  InvoiceDetail,
  InvoiceListQuery,
  InvoiceNumberParams,
  InvoicePage,
  PageQuery,
  ShipmentPage,
} from './schemas/invoice.js';
import { Session, SignInRequest, SignInResponse } from './schemas/session.js';

/** Sign in with a user ID and password; returns a short-lived bearer token. */
export const signIn = endpoint('POST', '/session', {
  body: SignInRequest,
  response: SignInResponse,
  status: 201,
  auth: false,
});

/** The caller's user, company, role and scope, read fresh from the server's records. */
export const getSession = endpoint('GET', '/session', { response: Session });

/** Shipping accounts the caller may see. */
export const listAccounts = endpoint('GET', '/accounts', { response: AccountList });

/** Billing plans the caller may see. */
export const listPlans = endpoint('GET', '/plans', { response: PlanList });

/** One page of invoices, filtered, searched and sorted by the server. */
export const listInvoices = endpoint('GET', '/invoices', {
  query: InvoiceListQuery,
  response: InvoicePage,
});

/** One invoice with its invoice-level charges. */
export const getInvoice = endpoint('GET', '/invoices/{number}', {
  params: InvoiceNumberParams,
  response: InvoiceDetail,
});

/** The shipments of an invoice with their charge lines, a page at a time. */
export const listInvoiceShipments = endpoint('GET', '/invoices/{number}/shipments', {
  params: InvoiceNumberParams,
  query: PageQuery,
  response: ShipmentPage,
});
