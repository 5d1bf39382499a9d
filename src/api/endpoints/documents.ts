/** Invoice documents and exports. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint, file } from '../endpoint.js';
import { DocumentExport, DocumentExportRequest, DocumentParams, ExportParams } from '../schemas/document.js';

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
