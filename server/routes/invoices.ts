import { getInvoice, listInvoiceShipments, listInvoices } from '../../src/api/endpoints/index.js';
import * as invoices from '../domain/invoices.js';
import { defineRoute } from '../http/route.js';

export const listInvoicesRoute = defineRoute({
  endpoint: listInvoices,
  summary: 'A page of invoices, filtered, searched and sorted',
  tags: ['invoices'],
  capability: 'invoices:read',
  handler: (ctx) => invoices.listInvoices(ctx.db, ctx.caller, ctx.query ?? {}),
});

export const getInvoiceRoute = defineRoute({
  endpoint: getInvoice,
  summary: 'One invoice with its invoice-level charges',
  tags: ['invoices'],
  capability: 'invoices:read',
  handler: async (ctx) => {
    const invoice = await invoices.getInvoice(ctx.db, ctx.caller, ctx.params.number);
    ctx.require('invoices:read');
    return invoice;
  },
});

export const listInvoiceShipmentsRoute = defineRoute({
  endpoint: listInvoiceShipments,
  summary: 'Shipments of an invoice with their charge lines, a page at a time',
  tags: ['invoices'],
  capability: 'invoices:read',
  handler: async (ctx) => {
    const page = await invoices.listShipments(ctx.db, ctx.caller, ctx.params.number, ctx.query ?? {});
    ctx.require('invoices:read');
    return page;
  },
});
