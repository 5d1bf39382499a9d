/**
 * Creating a dispute: the invoice must be one the caller sees, the lines
 * its own, the amount no more than they charged, and no open dispute may
 * already cover them. The invoice's row is locked for the whole check and
 * write, so two users disputing the same line at once get one dispute and
 * one `dispute_exists`, never two. Everything — dispute, lines, files, the
 * first history step, the invoice's mark and the audit record — is one
 * transaction; a refusal writes nothing. The amount due never changes.
 */
import type { Dispute, DisputeRequest } from '../../src/api/schemas/dispute.js';
import type { Sql } from '../db/db.js';
import type { Caller } from '../domain/caller.js';
import { getDispute, OPEN_SQL } from '../domain/disputes.js';
import { visibleTo, Where } from '../domain/invoice-filter.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { UploadedFile } from '../http/route.js';
import type { Services } from '../http/services.js';

interface NewLine {
  shipmentId: number | null;
  chargeId: number | null;
  trackingNumber: string | null;
  shipDate: string | null;
  description: string;
  charged: number;
  /** Where a refusal about this line points: `shipmentIds.2`, `chargeIds.0`. */
  field: string;
}

const notOnInvoice = (fields: string[]) =>
  new ProblemError(422, 'line_not_on_invoice', {
    fieldErrors: Object.fromEntries(fields.map((f) => [f, 'not_on_invoice'])),
  });

/** The lines a request names, as they are on the invoice; 422 for any that is not one of its lines. */
async function linesOf(sql: Sql, invoiceId: number, body: DisputeRequest): Promise<NewLine[]> {
  const extra = body.scope === 'shipments' ? 'chargeIds' : body.scope === 'charges' ? 'shipmentIds' : null;
  for (const field of ['shipmentIds', 'chargeIds'] as const) {
    // Ids that do not go with the scope would be silently dropped: say so instead.
    if ((body.scope === 'invoice' || field === extra) && body[field]?.length) {
      throw new ProblemError(400, 'validation_failed', { fieldErrors: { [field]: 'invalid_value' } });
    }
  }
  if (body.scope === 'shipments') {
    const ids = body.shipmentIds!;
    const rows = await sql.query<{
      id: number;
      tracking_number: string;
      ship_date: string;
      service: string;
      charged: number;
    }>(
      `select s.id, s.tracking_number, s.ship_date, s.service,
              (select coalesce(sum(c.amount), 0) from charges c where c.shipment_id = s.id)::bigint as charged
         from shipments s where s.invoice_id = $1 and s.id = any($2::bigint[])`,
      [invoiceId, ids],
    );
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const missing = ids.flatMap((id, i) => (byId.has(String(Number(id))) ? [] : [`shipmentIds.${i}`]));
    if (missing.length) throw notOnInvoice(missing);
    const seen = new Set<string>();
    return ids.flatMap((id, i) => {
      const r = byId.get(String(Number(id)))!;
      if (seen.has(String(r.id))) return [];
      seen.add(String(r.id));
      return [
        {
          shipmentId: r.id,
          chargeId: null,
          trackingNumber: r.tracking_number,
          shipDate: r.ship_date,
          description: r.service,
          charged: r.charged,
          field: `shipmentIds.${i}`,
        },
      ];
    });
  }
  if (body.scope === 'charges') {
    const ids = body.chargeIds!;
    const rows = await sql.query<{
      id: number;
      shipment_id: number | null;
      description: string;
      amount: number;
      tracking_number: string | null;
      ship_date: string | null;
    }>(
      `select c.id, c.shipment_id, c.description, c.amount, s.tracking_number, s.ship_date
         from charges c left join shipments s on s.id = c.shipment_id
        where c.invoice_id = $1 and c.id = any($2::bigint[])`,
      [invoiceId, ids],
    );
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const missing = ids.flatMap((id, i) => (byId.has(String(Number(id))) ? [] : [`chargeIds.${i}`]));
    if (missing.length) throw notOnInvoice(missing);
    const seen = new Set<string>();
    return ids.flatMap((id, i) => {
      const r = byId.get(String(Number(id)))!;
      if (seen.has(String(r.id))) return [];
      seen.add(String(r.id));
      return [
        {
          shipmentId: r.shipment_id,
          chargeId: r.id,
          trackingNumber: r.tracking_number,
          shipDate: r.ship_date,
          description: r.description,
          charged: r.amount,
          field: `chargeIds.${i}`,
        },
      ];
    });
  }
  return [];
}

/**
 * An open dispute already covering what `lines` (or, with none, the whole
 * invoice) would: a whole-invoice dispute covers everything; a disputed
 * shipment covers its charges; a new whole-invoice dispute overlaps any open one.
 */
async function overlapping(
  sql: Sql,
  invoiceId: number,
  lines: NewLine[],
): Promise<{ number: string; fields: string[] } | null> {
  const open = await sql.query<{ number: string; scope: string; shipment_id: number | null; charge_id: number | null }>(
    `select d.number, d.scope, l.shipment_id, l.charge_id
       from disputes d left join dispute_lines l on l.dispute_id = d.id
      where d.invoice_id = $1 and d.status in ${OPEN_SQL} order by d.created_at, d.number`,
    [invoiceId],
  );
  if (!open.length) return null;
  const whole = open.find((o) => o.scope === 'invoice');
  if (whole || !lines.length) return { number: (whole ?? open[0]!).number, fields: ['scope'] };
  const fields: string[] = [];
  let number: string | null = null;
  for (const line of lines) {
    const hit = open.find((o) =>
      line.chargeId === null
        ? // A new shipment covers the shipment itself and each of its charges.
          o.shipment_id === line.shipmentId
        : o.charge_id === line.chargeId ||
          (o.charge_id === null && line.shipmentId !== null && o.shipment_id === line.shipmentId),
    );
    if (hit) {
      fields.push(line.field);
      number ??= hit.number;
    }
  }
  return number ? { number, fields } : null;
}

export async function createDispute(
  services: Services,
  caller: Caller,
  body: DisputeRequest,
  files: UploadedFile[],
): Promise<Dispute> {
  return services.db.transaction(async (tx) => {
    // The invoice's row lock orders every dispute of the invoice: the duplicate check below stays true until commit.
    const where = visibleTo(new Where(), caller);
    where.clauses.push(`i.number = ${where.param(body.invoiceNumber.toUpperCase())}`);
    const [invoice] = await tx.query<{
      id: number;
      number: string;
      account_id: string;
      company_id: string;
      currency: string;
      amount: number;
    }>(
      `select i.id, i.number, i.account_id, i.company_id, i.currency, i.amount from invoices i where ${where}
        for update`,
      where.params,
    );
    if (!invoice) throw notFound();
    const lines = await linesOf(tx, invoice.id, body);
    if (body.amount.currency !== invoice.currency) {
      throw new ProblemError(422, 'currency_mismatch', { fieldErrors: { 'amount.currency': 'currency_mismatch' } });
    }
    const charged = body.scope === 'invoice' ? invoice.amount : lines.reduce((sum, l) => sum + l.charged, 0);
    const disputed = body.amountKind === 'disputed' ? body.amount.amount : charged - body.amount.amount;
    // A credit invoice, or lines that charged nothing, leave nothing to dispute.
    if (charged <= 0 || disputed <= 0 || disputed > charged) {
      throw new ProblemError(422, 'amount_above_charge', {
        detail: String(Math.max(0, charged)),
        fieldErrors: { amount: 'above_charge' },
      });
    }
    const overlap = await overlapping(tx, invoice.id, lines);
    if (overlap) {
      throw new ProblemError(409, 'dispute_exists', {
        detail: overlap.number,
        fieldErrors: Object.fromEntries(overlap.fields.map((f) => [f, 'dispute_exists'])),
      });
    }
    // Started from one line, the dispute carries that line's tracking number and ship date.
    const single = lines.length === 1 && lines[0]!.trackingNumber ? lines[0]! : null;
    const [created] = await tx.query<{ id: string; number: string }>(
      `insert into disputes (company_id, invoice_id, account_id, scope, reason, amount_kind, amount, disputed, currency,
                             tracking_number, ship_date, comment, contact_email, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id, number`,
      [
        invoice.company_id,
        invoice.id,
        invoice.account_id,
        body.scope,
        body.reason,
        body.amountKind,
        body.amount.amount,
        disputed,
        invoice.currency,
        body.trackingNumber?.toUpperCase() ?? single?.trackingNumber ?? null,
        body.shipDate ?? single?.shipDate ?? null,
        body.comment || null,
        body.contactEmail,
        caller.id,
      ],
    );
    const id = created!.id;
    if (lines.length) {
      await tx.query(
        `insert into dispute_lines (dispute_id, shipment_id, charge_id, tracking_number, ship_date, description, charged)
         select $1, * from unnest($2::bigint[], $3::bigint[], $4::text[], $5::date[], $6::text[], $7::bigint[])`,
        [
          id,
          lines.map((l) => l.shipmentId),
          lines.map((l) => l.chargeId),
          lines.map((l) => l.trackingNumber),
          lines.map((l) => l.shipDate),
          lines.map((l) => l.description),
          lines.map((l) => l.charged),
        ],
      );
    }
    for (const [position, file] of files.entries()) {
      await tx.query(
        `insert into dispute_attachments (dispute_id, name, media_type, size, position, content)
         values ($1, $2, $3, $4, $5, $6)`,
        [id, file.name, file.mediaType, file.size, position, file.bytes],
      );
    }
    await tx.query(`insert into dispute_events (dispute_id, status, by_user) values ($1, 'submitted', $2)`, [
      id,
      caller.id,
    ]);
    await tx.query('update invoices set in_dispute = true where id = $1', [invoice.id]);
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'dispute.create',
      target: created!.number,
      data: {
        invoice: invoice.number,
        scope: body.scope,
        reason: body.reason,
        disputed: { amount: disputed, currency: invoice.currency },
        lines: lines.length,
        files: files.map((f) => ({ name: f.name, mediaType: f.mediaType, size: f.size })),
      },
    });
    return getDispute(tx, caller, id);
  });
}
