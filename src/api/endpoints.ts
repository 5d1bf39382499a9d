/**
 * Every route of the billing API, under `/api/v1`. The export name is the
 * OpenAPI `operationId`; the server must register a handler for each one
 * (its route table is typed against this module), so a route cannot exist
 * without a contract, nor a contract without a route.
 */
import { endpoint, file } from './endpoint.js';
import { DocumentExport, DocumentExportRequest, DocumentParams, ExportParams } from './schemas/document.js';
import { AccountList, PlanList } from './schemas/account.js';
import { Dashboard } from './schemas/dashboard.js';
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

/** One invoice as a file: the PDF, or its billing data in CSV or XML (XML for enrolled accounts only). */
export const downloadInvoiceDocument = endpoint('GET', '/invoices/{number}/documents/{format}', {
  params: DocumentParams,
  response: file('application/pdf', 'text/csv', 'application/xml'),
});

/** Prepares several invoices as one download; says which cannot be produced, and why. */
export const createDocumentExport = endpoint('POST', '/document-exports', {
  body: DocumentExportRequest,
  response: DocumentExport,
  status: 201,
});

/** An export's progress while its file streams. */
export const getDocumentExport = endpoint('GET', '/document-exports/{id}', {
  params: ExportParams,
  response: DocumentExport,
});

/** The export's file, streamed: one invoice's file, or a ZIP. */
export const downloadDocumentExport = endpoint('GET', '/document-exports/{id}/file', {
  params: ExportParams,
  response: file('application/zip', 'application/pdf', 'text/csv', 'application/xml'),
});

/** Balance due, past due, due this week, aging and alerts, over the caller's scope. */
export const getDashboard = endpoint('GET', '/dashboard', { response: Dashboard });
