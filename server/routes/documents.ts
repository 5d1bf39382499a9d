import {
  createDocumentExport,
  downloadDocumentExport,
  downloadInvoiceDocument,
  getDocumentExport,
} from '../../src/api/endpoints/index.js';
import * as documents from '../domain/documents.js';
import { defineRoute } from '../http/route.js';

export const downloadInvoiceDocumentRoute = defineRoute({
  endpoint: downloadInvoiceDocument,
  summary: 'One invoice as a PDF, or its billing data in CSV or XML',
  tags: ['documents'],
  capability: 'invoices:read',
  handler: async (ctx) => {
    const response = await documents.invoiceDocument(ctx.db, ctx.caller, ctx.params.number, ctx.params.format);
    ctx.require('invoices:read');
    return response;
  },
});

export const createDocumentExportRoute = defineRoute({
  endpoint: createDocumentExport,
  summary: 'Prepare several invoices as one download, listing those that cannot be produced',
  tags: ['documents'],
  capability: 'invoices:read',
  handler: (ctx) => documents.createExport(ctx.services, ctx.caller, ctx.body),
});

export const getDocumentExportRoute = defineRoute({
  endpoint: getDocumentExport,
  summary: 'Progress of an export while its file streams',
  tags: ['documents'],
  capability: 'invoices:read',
  handler: async (ctx) => {
    const progress = await documents.getExport(ctx.db, ctx.caller, ctx.params.id);
    ctx.require('invoices:read');
    return progress;
  },
});

export const downloadDocumentExportRoute = defineRoute({
  endpoint: downloadDocumentExport,
  summary: 'The export as one file, or a ZIP streamed as it is written',
  tags: ['documents'],
  capability: 'invoices:read',
  handler: async (ctx) => {
    const response = await documents.streamExport(ctx.services, ctx.caller, ctx.params.id);
    ctx.require('invoices:read');
    return response;
  },
});
