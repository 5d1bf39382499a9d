/** One invoice as a file in the chosen format. */
import type { DocumentFormat } from '../../src/api/schemas/invoice.js';
import { invoiceCsv } from './csv.js';
import type { InvoiceData } from './invoice-data.js';
import { invoicePdf } from './pdf.js';
import { invoiceXml } from './xml.js';

export interface RenderedDocument {
  bytes: Uint8Array;
  filename: string;
  contentType: string;
  /** PDFs are compressed already; text files shrink a lot in a ZIP. */
  compress: boolean;
}

const encoder = new TextEncoder();

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

export function documentFilename(format: DocumentFormat, number: string): string {
  return format === 'pdf' ? `invoice-${number}.pdf` : `billing-data-${number}.${format}`;
}

export async function renderDocument(format: DocumentFormat, data: InvoiceData): Promise<RenderedDocument> {
  const bytes =
    format === 'pdf' ? await invoicePdf(data) : encoder.encode(format === 'csv' ? invoiceCsv(data) : invoiceXml(data));
  return {
    bytes,
    filename: documentFilename(format, data.invoice.number),
    contentType: CONTENT_TYPES[format],
    compress: format !== 'pdf',
  };
}

/** A file download: attachment, never cached by shared caches. */
export function fileResponse(body: BodyInit, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
}
