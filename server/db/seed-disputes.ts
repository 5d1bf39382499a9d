/**
 * Disputes of the demo: Demo Co gets one in every state, each with its
 * history — submitted on a shipment, in review on a whole invoice,
 * approved with its credit already on a later invoice, partially approved
 * and waiting for the next invoice, denied, withdrawn —, some with a small
 * PDF or PNG. The generator marks a few invoices "in dispute" at random:
 * each of those gets a real open dispute, so that the flag and the records
 * always agree (and a credit invoice, which cannot be disputed, loses it).
 */
import { applyCredit } from '../disputes/credits.js';
import type { Sql } from './db.js';

const DAY = 86_400_000;
const at = (today: string, daysAgo: number, hour = 10) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * DAY + hour * 3_600_000).toISOString();

/** A one-page PDF and a 1×1 PNG: enough for a viewer to open, small enough to seed in no time. */
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 100]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const RANDOM_REASONS = ['incorrect_rate', 'incorrect_weight', 'surcharge', 'duplicate_charge', 'late_delivery'];

interface Step {
  status: string;
  daysAgo: number;
  by: string | null;
  note?: string;
}

interface SeedDispute {
  invoiceId: number;
  scope: 'invoice' | 'shipments' | 'charges';
  reason: string;
  disputed: number;
  /** Shipments (scope `shipments`) or charges (scope `charges`). */
  lineIds?: number[];
  author: string;
  comment?: string;
  steps: Step[];
  files?: { name: string; type: string; bytes: Uint8Array }[];
  credited?: number;
  target?: 'same_invoice' | 'next_invoice';
  outcomeNote?: string;
}

async function insertDispute(tx: Sql, today: string, d: SeedDispute): Promise<{ id: string; number: string }> {
  const created = d.steps[0]!;
  const last = d.steps.at(-1)!;
  const decided = ['approved', 'partially_approved', 'denied'].includes(last.status);
  const [row] = await tx.query<{ id: string; number: string }>(
    `insert into disputes (company_id, invoice_id, account_id, scope, reason, amount_kind, amount, disputed, currency,
                           comment, contact_email, status, created_by, created_at, updated_at, decided_at, credited,
                           credit_target, credit_pending, outcome_note)
     select i.company_id, i.id, i.account_id, $2, $3, 'disputed', $4, $4, i.currency, $5, u.email, $6, u.id, $7, $8,
            $9, $10, $11, $12, $13
       from invoices i, users u where i.id = $1 and u.user_id = $14
     returning id, number`,
    [
      d.invoiceId,
      d.scope,
      d.reason,
      d.disputed,
      d.comment ?? null,
      last.status,
      at(today, created.daysAgo),
      at(today, last.daysAgo),
      decided ? at(today, last.daysAgo) : null,
      decided ? (d.credited ?? 0) : null,
      d.target ?? null,
      d.target === 'next_invoice' ? d.credited : 0,
      d.outcomeNote ?? null,
      d.author,
    ],
  );
  const id = row!.id;
  if (d.scope === 'shipments') {
    await tx.query(
      `insert into dispute_lines (dispute_id, shipment_id, charge_id, tracking_number, ship_date, description, charged)
       select $1, s.id, null, s.tracking_number, s.ship_date, s.service,
              (select coalesce(sum(c.amount), 0) from charges c where c.shipment_id = s.id)
         from shipments s where s.id = any($2::bigint[])`,
      [id, d.lineIds],
    );
    await tx.query(
      `update disputes set (tracking_number, ship_date) = (select tracking_number, ship_date from dispute_lines
                                                             where dispute_id = $1 limit 1) where id = $1`,
      [id],
    );
  } else if (d.scope === 'charges') {
    await tx.query(
      `insert into dispute_lines (dispute_id, shipment_id, charge_id, tracking_number, ship_date, description, charged)
       select $1, c.shipment_id, c.id, s.tracking_number, s.ship_date, c.description, c.amount
         from charges c left join shipments s on s.id = c.shipment_id where c.id = any($2::bigint[])`,
      [id, d.lineIds],
    );
  }
  for (const [position, file] of (d.files ?? []).entries()) {
    await tx.query(
      `insert into dispute_attachments (dispute_id, name, media_type, size, position, content, created_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [id, file.name, file.type, file.bytes.byteLength, position, file.bytes, at(today, created.daysAgo)],
    );
  }
  for (const step of d.steps) {
    await tx.query(
      `insert into dispute_events (dispute_id, status, at, by_user, note)
       values ($1, $2, $3, (select id from users where user_id = $4), $5)`,
      [id, step.status, at(today, step.daysAgo), step.by, step.note ?? null],
    );
  }
  return row!;
}

/** An invoice of `account` matching `where` (on `i`), the most recent first; throws when the demo data has none. */
async function pick(tx: Sql, account: string, where: string, offset = 0): Promise<{ id: number; amount: number }> {
  const [row] = await tx.query<{ id: number; amount: number }>(
    `select i.id, i.amount from invoices i
      where i.account_number = $1 and i.amount > 0 and not i.in_dispute and ${where}
        and not exists (select 1 from disputes d where d.invoice_id = i.id)
      order by i.invoice_date desc, i.id desc offset $2 limit 1`,
    [account, offset],
  );
  if (!row) throw new Error(`seed: no invoice of ${account} where ${where}`);
  return row;
}

async function shipmentOf(tx: Sql, invoiceId: number): Promise<{ id: number; charged: number }> {
  const [row] = await tx.query<{ id: number; charged: number }>(
    `select s.id, (select sum(amount) from charges c where c.shipment_id = s.id)::bigint as charged
       from shipments s where s.invoice_id = $1 order by s.id limit 1`,
    [invoiceId],
  );
  return row!;
}

/** Open disputes for the invoices the generator marked, in every company; then the flag follows the records. */
async function reconcileFlags(tx: Sql, today: string): Promise<void> {
  await tx.query(
    `with flagged as (
       select i.id, i.company_id, i.account_id, i.currency, i.amount, i.invoice_date,
              row_number() over (order by i.id) as n,
              (select u.id from users u where u.company_id = i.company_id and u.role = 'administrator'
                order by u.created_at, u.user_id limit 1) as author
         from invoices i where i.in_dispute and i.amount > 0)
     insert into disputes (company_id, invoice_id, account_id, scope, reason, amount_kind, amount, disputed, currency,
                           contact_email, status, created_by, created_at, updated_at)
     select f.company_id, f.id, f.account_id, 'invoice', ($2::text[])[1 + f.n % array_length($2::text[], 1)],
            'disputed', greatest(1, f.amount / 10), greatest(1, f.amount / 10), f.currency,
            (select email from users where id = f.author), case when f.n % 3 = 0 then 'in_review' else 'submitted' end,
            f.author, f.at, f.at
       from (select *, greatest(f.invoice_date::timestamptz,
                                least(f.invoice_date + 5, $1::date - 1)::timestamptz + interval '9 hours') as at
               from flagged f) f
      -- Never after the seed's day began: a dispute made by a user today is the newest.
      where f.author is not null`,
    [today, RANDOM_REASONS],
  );
  await tx.query(
    `insert into dispute_events (dispute_id, status, at, by_user)
     select d.id, 'submitted', d.created_at, d.created_by from disputes d
     union all
     select d.id, 'in_review', d.created_at + interval '1 hour', null from disputes d where d.status = 'in_review'`,
  );
  await tx.query(
    `update invoices i set in_dispute = exists (select 1 from disputes d where d.invoice_id = i.id
                                                   and d.status in ('submitted', 'in_review'))
      where i.in_dispute or exists (select 1 from disputes d where d.invoice_id = i.id)`,
  );
}

export async function seedDisputes(tx: Sql, today: string): Promise<void> {
  await reconcileFlags(tx, today);

  // Submitted: one shipment of Atlanta's latest delivery invoice, by the payer, with the weight ticket.
  const atlanta = await pick(tx, '4R7X21', `i.type = 'delivery_service'`);
  const shipment = await shipmentOf(tx, atlanta.id);
  await insertDispute(tx, today, {
    invoiceId: atlanta.id,
    scope: 'shipments',
    reason: 'incorrect_weight',
    disputed: Math.max(1, Math.round(shipment.charged / 2)),
    lineIds: [shipment.id],
    author: 'payer1',
    comment: 'Billed weight is twice what we shipped; scale ticket attached.',
    steps: [{ status: 'submitted', daysAgo: 2, by: 'payer1' }],
    files: [{ name: 'scale-ticket.pdf', type: 'application/pdf', bytes: PDF }],
  });

  // In review: a whole Paris invoice, by the administrator, with a photo of the label.
  const paris = await pick(tx, 'F3R901', `i.type <> 'import'`);
  await insertDispute(tx, today, {
    invoiceId: paris.id,
    scope: 'invoice',
    reason: 'incorrect_rate',
    disputed: Math.max(1, Math.round(paris.amount / 5)),
    author: 'admin1',
    comment: 'Our contract rate was not applied.',
    steps: [
      { status: 'submitted', daysAgo: 9, by: 'admin1' },
      { status: 'in_review', daysAgo: 7, by: null },
    ],
    files: [{ name: 'label.png', type: 'image/png', bytes: PNG }],
  });

  // Approved, its credit already on a later invoice of the same account that still owed it (Chicago's, or
  // another US account's should the generator leave Chicago nothing open on some day).
  const [approvedPair] = await tx.query<{ carrier: number; carrier_date: string; disputed: number }>(
    `select c.id as carrier, c.invoice_date::text as carrier_date, d.id as disputed
       from invoices c
       join lateral (select i.id from invoices i
                      where i.account_id = c.account_id and i.type = 'delivery_service' and i.amount >= 1000
                        and not i.in_dispute and i.invoice_date < c.invoice_date - 14
                        and not exists (select 1 from disputes x where x.invoice_id = i.id)
                      order by i.invoice_date desc, i.id desc limit 1) d on true
      where c.account_number = any($1::text[]) and c.status in ('open', 'past_due') and c.amount_due >= 1000
        and not c.in_dispute and not exists (select 1 from disputes x where x.invoice_id = c.id)
      order by array_position($1::text[], c.account_number), c.invoice_date desc, c.id desc
      limit 1`,
    [['W9E530', '8F2K44', 'K2M8Q5', 'Y67V08']],
  );
  if (!approvedPair) throw new Error('seed: no open invoice to carry an approved credit');
  const carrier = { id: approvedPair.carrier };
  const carrierDate = approvedPair.carrier_date;
  const chicago = { id: approvedPair.disputed };
  const decidedDaysAgo = Math.max(1, Math.round((Date.parse(today) - Date.parse(carrierDate)) / DAY) + 1);
  const approved = await insertDispute(tx, today, {
    invoiceId: chicago.id,
    scope: 'invoice',
    reason: 'residential_surcharge',
    disputed: 1000,
    author: 'manager1',
    comment: 'Commercial address billed as residential.',
    steps: [
      { status: 'submitted', daysAgo: decidedDaysAgo + 6, by: 'manager1' },
      { status: 'in_review', daysAgo: decidedDaysAgo + 4, by: null },
      { status: 'approved', daysAgo: decidedDaysAgo, by: null, note: 'Address confirmed commercial.' },
    ],
    credited: 1000,
    target: 'next_invoice',
    outcomeNote: 'Address confirmed commercial.',
  });
  await applyCredit(tx, approved, carrier.id, 1000);
  await tx.query('update disputes set credit_pending = 0 where id = $1', [approved.id]);

  // Partially approved, waiting for Atlanta's next invoice.
  const partial = await pick(tx, '4R7X21', `i.type = 'delivery_service'`, 1);
  const partialShipment = await shipmentOf(tx, partial.id);
  const partialCharge = await tx.query<{ id: number; amount: number }>(
    `select id, amount from charges where shipment_id = $1 and amount > 0 order by amount desc limit 1`,
    [partialShipment.id],
  );
  const disputedCharge = partialCharge[0]!;
  await insertDispute(tx, today, {
    invoiceId: partial.id,
    scope: 'charges',
    reason: 'surcharge',
    disputed: disputedCharge.amount,
    lineIds: [disputedCharge.id],
    author: 'payer1',
    steps: [
      { status: 'submitted', daysAgo: 12, by: 'payer1' },
      { status: 'in_review', daysAgo: 10, by: null },
      { status: 'partially_approved', daysAgo: 4, by: null, note: 'Fuel surcharge stands; the rest is credited.' },
    ],
    credited: Math.max(1, Math.floor(disputedCharge.amount / 2)),
    target: 'next_invoice',
    outcomeNote: 'Fuel surcharge stands; the rest is credited.',
  });

  // Denied: a Dallas returns invoice.
  const dallas = await pick(tx, '8F2K44', `i.type <> 'import'`);
  await insertDispute(tx, today, {
    invoiceId: dallas.id,
    scope: 'invoice',
    reason: 'late_delivery',
    disputed: Math.max(1, Math.round(dallas.amount / 4)),
    author: 'manager1',
    steps: [
      { status: 'submitted', daysAgo: 25, by: 'manager1' },
      { status: 'in_review', daysAgo: 23, by: null },
      { status: 'denied', daysAgo: 18, by: null, note: 'Delivered within the guaranteed time.' },
    ],
    credited: 0,
    outcomeNote: 'Delivered within the guaranteed time.',
  });

  // Withdrawn by its author.
  const withdrawn = await pick(tx, '4R7X21', `i.type = 'import'`);
  await insertDispute(tx, today, {
    invoiceId: withdrawn.id,
    scope: 'invoice',
    reason: 'duties_and_taxes',
    disputed: Math.max(1, Math.round(withdrawn.amount / 3)),
    author: 'payer1',
    steps: [
      { status: 'submitted', daysAgo: 16, by: 'payer1' },
      { status: 'withdrawn', daysAgo: 15, by: 'payer1', note: 'Duties were right after all.' },
    ],
    files: [{ name: 'customs-entry.pdf', type: 'application/pdf', bytes: PDF }],
  });

  // The hand-made open disputes mark their invoices too.
  await tx.query(
    `update invoices i set in_dispute = true
      where exists (select 1 from disputes d where d.invoice_id = i.id and d.status in ('submitted', 'in_review'))`,
  );
}
