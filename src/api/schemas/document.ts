/** Invoice documents: one file, or an export of many as one ZIP with its progress. */
import './zod-config.js';
import * as z from 'zod/mini';
import { InvoiceNumber } from './common.js';
import { DocumentFormat, InvoiceListQuery, TOTAL_CAP } from './invoice.js';

export const DocumentParams = z.strictObject({ number: InvoiceNumber, format: DocumentFormat });

/** The list filters, without paging: "every invoice matching". */
export const ExportFilter = z.omit(InvoiceListQuery, { page: true, pageSize: true });
export type ExportFilter = z.infer<typeof ExportFilter>;

/** Either the chosen invoices, or a filter for all matching (at most 10,000). */
export const DocumentExportRequest = z
  .strictObject({
    format: DocumentFormat,
    numbers: z.optional(z.array(InvoiceNumber).check(z.minLength(1), z.maxLength(TOTAL_CAP))),
    filter: z.optional(ExportFilter),
  })
  .check(
    z.refine((value) => (value.numbers === undefined) !== (value.filter === undefined), {
      path: ['numbers'],
      message: 'Give either numbers or filter',
    }),
  );
export type DocumentExportRequest = z.infer<typeof DocumentExportRequest>;

/** Why an invoice is left out of an export: it is not visible, or the format is not available for it. */
export const EXCLUSION_REASONS = ['not_found', 'xml_not_enrolled'] as const;

export const EXPORT_STATUSES = ['ready', 'running', 'completed', 'failed'] as const;

export const DocumentExport = z.object({
  id: z.string(),
  format: DocumentFormat,
  /** Invoices the file will hold. */
  total: z.int(),
  /** Invoices written so far, while the file streams. */
  done: z.int(),
  status: z.enum(EXPORT_STATUSES),
  /** Invoices asked for that the file will not hold, and why; not a failure. */
  excluded: z.array(z.object({ number: z.string(), reason: z.enum(EXCLUSION_REASONS) })),
  /** The name the file downloads under: one invoice's own file, or a ZIP for several. */
  filename: z.string(),
});
export type DocumentExport = z.infer<typeof DocumentExport>;

export const ExportParams = z.strictObject({ id: z.uuid() });
