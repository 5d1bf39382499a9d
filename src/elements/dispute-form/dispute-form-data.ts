/**
 * What <ups-dispute-form> reads from the server and works out from it: the
 * line a form was started from, what the chosen lines charged, and which
 * lines open disputes already cover.
 */
import type { BillingClient } from '../../api/client.js';
import { listInvoiceShipments } from '../../api/endpoints/invoices.js';
import type { Money } from '../../api/schemas/common.js';
import type { DisputeSummary } from '../../api/schemas/dispute.js';
import type { Charge, InvoiceDetail, Shipment } from '../../api/schemas/invoice.js';
import type { Draft } from './dispute-form-check.js';
import type { OpenLines } from './dispute-form-lines.js';

/** The line the form was started from: an invoice-level charge has no shipment. */
export interface StartLine {
  shipment: Shipment | null;
  charge: Charge | null;
}

/** The largest page of shipments the API serves. */
const LARGEST_PAGE = 200;

/** Finds the shipment or charge line a form starts from, on whichever page of the invoice it is. */
export async function findStartLine(
  client: BillingClient,
  detail: InvoiceDetail,
  shipmentId: string | undefined,
  chargeId: string | undefined,
  signal: AbortSignal,
): Promise<StartLine | null> {
  const charge = chargeId ? detail.charges.find((c) => c.id === chargeId) : undefined;
  if (charge) return { shipment: null, charge };
  // Few invoices hold more than one page at the largest size: walk them rather than add a look-up route.
  for (let page = 1; ; page++) {
    const query = { page, pageSize: LARGEST_PAGE };
    const result = await client.call(listInvoiceShipments, { params: { number: detail.number }, query }, { signal });
    for (const shipment of result.items) {
      const found = chargeId ? shipment.charges.find((c) => c.id === chargeId) : undefined;
      if (found || (!chargeId && shipment.id === shipmentId)) return { shipment, charge: found ?? null };
    }
    if (page * LARGEST_PAGE >= result.total) return null;
  }
}

const sum = (amounts: readonly Money[], currency: string): Money => ({
  amount: amounts.reduce((total, money) => total + money.amount, 0),
  currency,
});

/** What the chosen lines charged: the invoice's total for the whole invoice; null while nothing is chosen. */
export function chargedBy(draft: Draft, detail: InvoiceDetail, chosen: readonly Shipment[]): Money | null {
  const currency = detail.amount.currency;
  if (draft.scope === 'invoice') return detail.amount;
  const shipments = chosen.filter((s) => draft.shipmentIds.includes(s.id));
  if (draft.scope === 'shipments')
    return shipments.length
      ? sum(
          shipments.map((s) => s.total),
          currency,
        )
      : null;
  const charges = [...detail.charges, ...shipments.flatMap((s) => s.charges)].filter((c) =>
    draft.chargeIds.includes(c.id),
  );
  return charges.length
    ? sum(
        charges.map((c) => c.amount),
        currency,
      )
    : null;
}

/**
 * Lines under an open dispute, by id. A shipment counts only when disputed
 * as a whole: a dispute of one of its charges leaves its other charges free.
 */
export function openLines(disputes: readonly DisputeSummary[]): OpenLines {
  const shipments = new Map<string, string>();
  const charges = new Map<string, string>();
  for (const dispute of disputes) {
    if (dispute.scope === 'shipments') for (const id of dispute.shipmentIds) shipments.set(id, dispute.number);
    for (const id of dispute.chargeIds) charges.set(id, dispute.number);
  }
  return { shipments, charges };
}
