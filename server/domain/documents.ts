/**
 * Invoice documents: one invoice's file, and exports of many. An export is
 * created first (it resolves which invoices it will hold, and which cannot be
 * produced and why), then its file streams while its row counts progress, so
 * the element can show "n of N" from any server instance.
 */
import type { DocumentExport, DocumentExportRequest } from '../../src/api/schemas/document.js';
import { TOTAL_CAP, type DocumentFormat } from '../../src/api/schemas/invoice.js';
import type { Sql } from '../db/db.js';
import { loadInvoiceData } from '../documents/invoice-data.js';
import { fileResponse, renderDocument } from '../documents/render.js';
import { zipStream } from '../documents/zip.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Services } from '../http/services.js';
import type { Caller } from './caller.js';
import { invoiceFilter, orderBy, visibleTo, Where } from './invoice-filter.js';
import { findInvoice, formatsOf } from './invoices.js';

/** GET /invoices/{number}/documents/{format} */
export async function invoiceDocument(sql: Sql, caller: Caller, number: string, format: DocumentFormat) {
  const invoice = await findInvoice(sql, caller, number);
  if (!formatsOf(invoice).includes(format)) throw new ProblemError(422, 'xml_not_enrolled');
  const document = await renderDocument(format, await loadInvoiceData(sql, invoice));
  return fileResponse(document.bytes as Uint8Array<ArrayBuffer>, document.filename, document.contentType);
}

interface ExportRow {
  id: string;
  format: DocumentFormat;
  invoice_ids: number[];
  excluded: DocumentExport['excluded'];
  done: number;
  status: DocumentExport['status'];
  first_number: string | null;
  [key: string]: unknown;
}

function toExport(row: ExportRow): DocumentExport {
  const total = row.invoice_ids.length;
  return {
    id: row.id,
    format: row.format,
    total,
    done: row.done,
    status: row.status,
    excluded: row.excluded,
    filename:
      total === 1 && row.first_number
        ? row.format === 'pdf'
          ? `invoice-${row.first_number}.pdf`
          : `billing-data-${row.first_number}.${row.format}`
        : `invoices-${row.format}-${row.id.slice(0, 8)}.zip`,
  };
}

const EXPORT_COLUMNS = `e.id, e.format, e.invoice_ids, e.excluded, e.done, e.status,
  (select number from invoices where id = e.invoice_ids[1]) as first_number`;

/** POST /document-exports */
export async function createExport(
  services: Services,
  caller: Caller,
  request: DocumentExportRequest,
): Promise<DocumentExport> {
  const { db } = services;
  let found: { id: number; number: string; xml_enrolled: boolean }[];
  const excluded: DocumentExport['excluded'] = [];
  if (request.numbers) {
    const wanted = [...new Set(request.numbers.map((n) => n.toUpperCase()))];
    const where = visibleTo(new Where(), caller);
    where.clauses.push(`i.number = any(${where.param(wanted)}::text[])`);
    found = await db.query(
      `select i.id, i.number, a.xml_enrolled from invoices i join accounts a on a.id = i.account_id
        where ${where} order by i.invoice_date desc, i.id desc`,
      where.params,
    );
    const seen = new Set(found.map((r) => r.number));
    // What the caller may not see is "not found", exactly like what does not exist.
    for (const number of wanted) if (!seen.has(number)) excluded.push({ number, reason: 'not_found' });
  } else {
    const where = invoiceFilter(caller, request.filter!);
    found = await db.query(
      `select i.id, i.number, a.xml_enrolled from invoices i join accounts a on a.id = i.account_id
        where ${where} order by ${orderBy(request.filter!)} limit ${TOTAL_CAP + 1}`,
      where.params,
    );
    if (found.length > TOTAL_CAP) throw new ProblemError(422, 'too_many_invoices', { detail: `At most ${TOTAL_CAP}` });
  }
  const included = found.filter((row) => {
    if (formatsOf(row).includes(request.format)) return true;
    excluded.push({ number: row.number, reason: 'xml_not_enrolled' });
    return false;
  });
  const row = await db.transaction(async (tx) => {
    const [created] = await tx.query<{ id: string }>(
      `insert into document_exports (company_id, user_id, format, invoice_ids, excluded)
       values ($1, $2, $3, $4::bigint[], $5::jsonb) returning id`,
      [caller.companyId, caller.id, request.format, included.map((r) => r.id), JSON.stringify(excluded)],
    );
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'documents.export',
      target: created!.id,
      data: { format: request.format, invoices: included.length, excluded: excluded.length },
    });
    return created!;
  });
  return getExport(db, caller, row.id);
}

async function exportRow(sql: Sql, caller: Caller, id: string): Promise<ExportRow> {
  // Exports are personal: another user's export is not found.
  const [row] = await sql.query<ExportRow>(
    `select ${EXPORT_COLUMNS} from document_exports e where e.id = $1 and e.user_id = $2`,
    [id, caller.id],
  );
  if (!row) throw notFound();
  return row;
}

/** GET /document-exports/{id} */
export async function getExport(sql: Sql, caller: Caller, id: string): Promise<DocumentExport> {
  return toExport(await exportRow(sql, caller, id));
}

/** GET /document-exports/{id}/file */
export async function streamExport(services: Services, caller: Caller, id: string): Promise<Response> {
  const { db } = services;
  const row = await exportRow(db, caller, id);
  const exported = toExport(row);
  const render = async (invoiceId: number) => {
    // Scope is checked again: it may have shrunk since the export was made.
    const invoice = await findInvoice(db, caller, { id: invoiceId }).catch(() => null);
    return invoice ? renderDocument(row.format, await loadInvoiceData(db, invoice)) : null;
  };
  if (row.invoice_ids.length === 1) {
    const document = await render(row.invoice_ids[0]!);
    if (!document) throw notFound();
    await db.query(`update document_exports set done = 1, status = 'completed' where id = $1`, [id]);
    return fileResponse(document.bytes as Uint8Array<ArrayBuffer>, exported.filename, document.contentType);
  }
  await db.query(`update document_exports set done = 0, status = 'running' where id = $1`, [id]);
  let index = 0;
  let reported = 0;
  const report = async (status: 'running' | 'completed') => {
    reported = index;
    await db.query('update document_exports set done = $2, status = $3 where id = $1', [id, index, status]);
  };
  const body = zipStream(async () => {
    while (index < row.invoice_ids.length) {
      const document = await render(row.invoice_ids[index++]!);
      // Progress is written every few invoices: often enough to watch, cheap enough to ignore.
      if (index - reported >= 10) await report('running');
      if (document) return document;
    }
    await report('completed');
    return null;
  });
  return fileResponse(body, exported.filename, 'application/zip');
}
