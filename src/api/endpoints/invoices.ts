/** Invoice lists, one invoice, its shipments. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint } from '../endpoint.js';
import {
  InvoiceDetail,
  InvoiceListQuery,
  InvoiceNumberParams,
  InvoicePage,
  ShipmentListQuery,
  ShipmentPage,
} from '../schemas/invoice.js';

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
  query: ShipmentListQuery,
  response: ShipmentPage,
});
