/**
 * What the dispute tests share: sample files (real signatures), typed
 * answers, and requests made the way the element makes them — multipart,
 * the JSON as the part `body`, files as parts `files`.
 */
import assert from 'node:assert/strict';
import type { TestServer } from './server.js';

export interface Dispute {
  id: string;
  number: string;
  invoiceNumber: string;
  status: string;
  scope: string;
  disputed: { amount: number; currency: string };
  amount: { amount: number; currency: string };
  shipmentIds: string[];
  chargeIds: string[];
  lines: {
    shipmentId: string | null;
    chargeId: string | null;
    trackingNumber: string | null;
    charged: { amount: number };
  }[];
  trackingNumber: string | null;
  attachments: { id: string; name: string; mediaType: string; size: number }[];
  history: { status: string; by: string | null; note: string | null }[];
  canWithdraw: boolean;
  createdBy: string;
  createdAt: string;
  accountNumber: string;
  outcome: null | {
    credited: { amount: number; currency: string };
    target: string | null;
    creditInvoiceNumber: string | null;
    note: string | null;
  };
}
export interface Problem {
  code: string;
  status: number;
  detail?: string;
  fieldErrors?: Record<string, string>;
}

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
]);
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);

export const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type = 'application/pdf') =>
  new File([bytes], name, { type });

/**
 * Delivery-service invoices of 4R7X21 (payer1's and manager1's scope; paid or not, a paid invoice
 * may be disputed too) with at least two shipments and no dispute yet: one per test, so that tests
 * do not see each other's disputes.
 */
export async function invoicePool(server: TestServer, size: number) {
  const invoices = await server.db.query<{ number: string; id: number; amount: number; currency: string }>(
    `select i.number, i.id, i.amount, i.currency from invoices i
      where i.account_number = '4R7X21' and i.type = 'delivery_service' and i.amount > 0
        and not exists (select 1 from disputes d where d.invoice_id = i.id)
        and (select count(*) from shipments s where s.invoice_id = i.id) >= 2
      order by i.number limit $1`,
    [size],
  );
  assert.equal(invoices.length, size, 'enough invoices to dispute');
  let next = 0;
  return { all: invoices, fresh: () => invoices[next++]! };
}

export function disputeHelpers(server: TestServer) {
  const shipmentsOf = (invoiceId: number) =>
    server.db.query<{ id: string; tracking_number: string; ship_date: string; charged: number }>(
      `select s.id::text, s.tracking_number, s.ship_date,
              (select sum(amount) from charges c where c.shipment_id = s.id)::bigint as charged
         from shipments s where s.invoice_id = $1 order by s.id`,
      [invoiceId],
    );
  const chargesOf = (invoiceId: number) =>
    server.db.query<{ id: string; shipment_id: string | null; amount: number }>(
      'select id::text, shipment_id::text, amount from charges where invoice_id = $1 order by id',
      [invoiceId],
    );

  const body = (invoiceNumber: string, extra: Record<string, unknown> = {}) => ({
    invoiceNumber,
    scope: 'invoice',
    reason: 'incorrect_rate',
    amountKind: 'disputed',
    amount: { amount: 100, currency: 'USD' },
    contactEmail: 'payer1@demo-co.example',
    ...extra,
  });

  const create = async (json: unknown, files: File[] = [], user = 'payer1') => {
    const form = new FormData();
    form.append('body', JSON.stringify(json));
    for (const f of files) form.append('files', f);
    return server.api('/disputes', { method: 'POST', body: form, token: await server.tokenFor(user) });
  };
  const created = async (json: unknown, files: File[] = [], user = 'payer1') => {
    const response = await create(json, files, user);
    const text = await response.text();
    assert.equal(response.status, 201, text);
    return JSON.parse(text) as Dispute;
  };
  const get = async (id: string, user = 'payer1') => {
    const response = await server.api(`/disputes/${id}`, { token: await server.tokenFor(user) });
    assert.equal(response.status, 200);
    return (await response.json()) as Dispute;
  };
  const withdraw = async (id: string, user: string, reason?: string) =>
    server.api(`/disputes/${id}/withdraw`, {
      method: 'POST',
      json: reason ? { reason } : {},
      token: await server.tokenFor(user),
    });

  /** Everything a refused request must leave as it was. */
  const state = async (invoiceId: number) => {
    const [counts] = await server.db.query(
      `select (select count(*)::int from disputes) as disputes,
              (select count(*)::int from dispute_lines) as lines,
              (select count(*)::int from dispute_attachments) as attachments,
              (select count(*)::int from dispute_events) as events,
              (select count(*)::int from audit_log where action like 'dispute.%') as audits`,
    );
    const [invoice] = await server.db.query(
      'select in_dispute, amount, amount_due, status from invoices where id = $1',
      [invoiceId],
    );
    return { counts, invoice };
  };
  const refused = async (
    invoiceId: number,
    request: () => Promise<Response>,
    status: number,
    code: string,
    fieldErrors?: Record<string, string>,
  ): Promise<Problem> => {
    const before = await state(invoiceId);
    const response = await request();
    const problem = (await response.json()) as Problem;
    assert.equal(response.status, status, JSON.stringify(problem));
    assert.equal(problem.code, code);
    if (fieldErrors) assert.deepEqual(problem.fieldErrors, fieldErrors);
    assert.deepEqual(await state(invoiceId), before, 'nothing stored');
    return problem;
  };
  return { shipmentsOf, chargesOf, body, create, created, get, withdraw, state, refused };
}
