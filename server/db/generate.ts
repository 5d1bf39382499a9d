/**
 * Realistic invoices in bulk: the demo seed uses it for ~2,000 invoices and
 * the benchmark script for 1,000,000. Rows go in with one INSERT per table
 * per batch over `unnest()` arrays — two orders of magnitude faster than a
 * statement per row on PGlite.
 */
import { controlIdRequired } from '../../src/api/schemas/invoice-proof.js';
import type { Db, Sql } from './db.js';

export interface GenAccount {
  id: string;
  number: string;
  country: string;
  currency: string;
  planId: string | null;
  /** Invoices of this account are paid by AutoPay. */
  autopay?: boolean;
}

export interface GenerateOptions {
  companyId: string;
  accounts: readonly GenAccount[];
  count: number;
  /** First and last invoice dates, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Statuses are relative to this day (`YYYY-MM-DD`). */
  today: string;
  seed: number;
  /** `full`: 1–12 shipments per delivery invoice; `light`: one, for million-row benchmarks. */
  lines: 'full' | 'light';
  batchSize?: number;
  onProgress?: (done: number) => void;
}

/** Small, fast, deterministic PRNG (mulberry32): the same seed gives the same demo. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const toDate = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const CITIES: Record<string, string[]> = {
  US: ['Atlanta', 'Chicago', 'Dallas', 'Newark', 'Denver', 'Seattle', 'Miami', 'Boston', 'Louisville', 'Phoenix'],
  FR: ['Paris', 'Lyon', 'Lille', 'Marseille', 'Toulouse', 'Nantes', 'Bordeaux', 'Strasbourg'],
  DE: ['Köln', 'Berlin', 'München', 'Hamburg'],
  CN: ['Shenzhen', 'Shanghai'],
  GB: ['London', 'Manchester'],
};
const SERVICES: Record<string, string[]> = {
  US: ['UPS Ground', 'UPS Next Day Air', 'UPS 2nd Day Air', 'UPS 3 Day Select', 'UPS Worldwide Express'],
  FR: ['UPS Standard', 'UPS Express Saver', 'UPS Express', 'UPS Express Plus'],
};
const CHARGE_TEXT: Record<string, string> = {
  freight: 'Transportation',
  fuel_surcharge: 'Fuel surcharge',
  residential_surcharge: 'Residential surcharge',
  delivery_area_surcharge: 'Delivery area surcharge',
  address_correction: 'Address correction',
  additional_handling: 'Additional handling',
  duties: 'Import duties',
  taxes: 'Import VAT',
  brokerage: 'Customs brokerage',
  service_charge: 'Paper invoice fee',
  adjustment: 'Billing adjustment credit',
};

interface Batch {
  invoices: { cols: unknown[][] };
  shipments: { cols: unknown[][] };
  charges: { cols: unknown[][] };
  payments: { cols: unknown[][] };
  allocations: { cols: unknown[][] };
}

const newBatch = (): Batch => ({
  invoices: { cols: Array.from({ length: 18 }, () => []) },
  shipments: { cols: Array.from({ length: 12 }, () => []) },
  charges: { cols: Array.from({ length: 6 }, () => []) },
  payments: { cols: Array.from({ length: 14 }, () => []) },
  allocations: { cols: Array.from({ length: 3 }, () => []) },
});

/** Payment methods people pay with, as the server keeps them: no full numbers. */
const METHODS: Record<string, [type: string, brand: string | null, last4: string][]> = {
  US: [
    ['card', 'visa', '4242'],
    ['card', 'mastercard', '4444'],
    ['ach', null, '6789'],
    ['paypal', null, ''],
  ],
  FR: [
    ['card', 'visa', '1881'],
    ['sepa', null, '3000'],
    ['card', 'cartes_bancaires', '0004'],
  ],
};

/** Letters and digits without look-alikes, for confirmation numbers read over the phone. */
const CONFIRMATION_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function confirmationNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => CONFIRMATION_ALPHABET[b % CONFIRMATION_ALPHABET.length]).join('');
}

function push(cols: unknown[][], values: unknown[]): void {
  values.forEach((v, i) => cols[i]!.push(v));
}

/** Reserves `n` consecutive ids of a table's identity sequence. */
async function reserveIds(sql: Sql, table: string, n: number): Promise<number> {
  const [row] = await sql.query<{ first: number }>(`select nextval(pg_get_serial_sequence('${table}', 'id')) as first`);
  const first = row!.first;
  if (n > 1) await sql.query(`select setval(pg_get_serial_sequence('${table}', 'id'), $1)`, [first + n - 1]);
  return first;
}

const BULK_LOCK = 7_242_002;

/**
 * Inserts `count` invoices with shipments and charges. Given a `Db`, each
 * batch is its own transaction holding an advisory lock, so concurrent
 * generators never interleave id reservations; given a transaction, every
 * batch joins it (the demo seed is all or nothing).
 */
export async function generateInvoices(target: Db | Sql, options: GenerateOptions): Promise<void> {
  const inTransaction = <T>(fn: (tx: Sql) => Promise<T>): Promise<T> =>
    'transaction' in target ? target.transaction(fn) : fn(target);
  const random = rng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo));
  const start = toDate(options.from);
  const span = Math.max(1, toDate(options.to) - start);
  const today = toDate(options.today);
  const batchSize = options.batchSize ?? 10_000;

  for (let done = 0; done < options.count;) {
    const n = Math.min(batchSize, options.count - done);
    await inTransaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [BULK_LOCK]);
      // Shipments and charges per invoice are bounded, so reserve generously and waste the rest.
      const maxShipments = options.lines === 'full' ? 12 : 1;
      let invoiceId = await reserveIds(tx, 'invoices', n);
      let shipmentId = await reserveIds(tx, 'shipments', n * maxShipments);
      let chargeId = await reserveIds(tx, 'charges', n * (maxShipments * 4 + 1));
      const batch = newBatch();
      for (let k = 0; k < n; k++) {
        const account = pick(options.accounts);
        const roll = random();
        const type = roll < 0.36 ? 'delivery_service' : roll < 0.8 ? 'import' : roll < 0.92 ? 'freight' : 'adjustment';
        let day = start + Math.floor((random() * span) / DAY) * DAY;
        // Weekly delivery invoices are issued on Saturdays.
        if (type === 'delivery_service') day -= ((new Date(day).getUTCDay() + 1) % 7) * DAY;
        if (day < start) day += 7 * DAY;
        const fr = account.country !== 'US';
        const terms =
          type === 'adjustment'
            ? 0
            : type === 'import'
              ? random() < 0.5
                ? 0
                : 10
              : fr
                ? 30
                : type === 'freight'
                  ? 30
                  : 15;
        const due = day + terms * DAY;
        const id = invoiceId++;
        const number = `${account.number}${id.toString(36).toUpperCase().padStart(6, '0')}`;
        const cities = CITIES[account.country] ?? CITIES['US']!;
        const services = SERVICES[account.country] ?? SERVICES['FR']!;
        let total = 0;
        const charge = (shipment: number | null, code: string, amount: number) => {
          total += amount;
          push(batch.charges.cols, [chargeId++, id, shipment, code, CHARGE_TEXT[code], amount]);
        };
        const shipment = (origin: string, originCountry: string, destination: string, service: string) => {
          const sid = shipmentId++;
          const tracking = `1Z${account.number}${String(between(1, 99)).padStart(2, '0')}${String(
            Math.floor(random() * 1e8),
          ).padStart(8, '0')}`;
          const weight = Math.round((0.5 + random() * 40) * 10) / 10;
          push(batch.shipments.cols, [
            sid,
            id,
            tracking,
            iso(day - between(1, 6) * DAY),
            service,
            weight,
            fr ? 'kg' : 'lb',
            origin,
            originCountry,
            destination,
            account.country,
            random() < 0.3 ? `PO-${between(10000, 99999)}` : null,
          ]);
          return sid;
        };

        if (type === 'adjustment') {
          charge(null, 'adjustment', -between(500, 25_000));
        } else if (type === 'import') {
          const origin = pick(['DE', 'CN', 'GB'] as const);
          const sid = shipment(pick(CITIES[origin]!), origin, pick(cities), pick(services));
          const duties = between(1_000, 60_000);
          charge(sid, 'duties', duties);
          charge(sid, 'taxes', Math.round(duties * (fr ? 0.2 : 0.08)));
          if (options.lines === 'full') charge(sid, 'brokerage', between(1_500, 3_500));
        } else {
          const count = type === 'freight' || options.lines === 'light' ? 1 : between(1, 12);
          for (let s = 0; s < count; s++) {
            const sid = shipment(pick(cities), account.country, pick(cities), pick(services));
            const freight = type === 'freight' ? between(20_000, 250_000) : between(800, 9_000);
            charge(sid, 'freight', freight);
            charge(sid, 'fuel_surcharge', Math.round(freight * 0.16));
            if (options.lines === 'full') {
              if (random() < 0.3) charge(sid, 'residential_surcharge', 550);
              if (random() < 0.05) charge(sid, 'address_correction', 2_300);
            }
          }
          if (options.lines === 'full' && random() < 0.05) charge(null, 'service_charge', 200);
        }

        const overdue = Math.floor((today - due) / DAY);
        const r = random();
        let status: string;
        if (type === 'adjustment') status = today - day > 60 * DAY ? 'closed' : 'open';
        else if (overdue > 30)
          status = r < 0.92 ? 'paid' : r < 0.97 ? 'past_due' : r < 0.99 ? 'payment_returned' : 'closed';
        else if (overdue > 0)
          status = account.autopay
            ? 'paid'
            : r < 0.55
              ? 'paid'
              : r < 0.9
                ? 'past_due'
                : r < 0.95
                  ? 'payment_returned'
                  : 'payment_pending';
        else if (account.autopay) status = r < 0.7 ? 'payment_scheduled' : 'open';
        else status = r < 0.5 ? 'open' : r < 0.65 ? 'payment_scheduled' : r < 0.75 ? 'payment_pending' : 'paid';
        const amountDue = status === 'paid' || status === 'closed' ? 0 : total;
        // Every status but open/past due has the payment that explains it, so
        // that amount due = amount − completed allocations, always.
        const paymentStatus = {
          paid: 'completed',
          closed: 'completed',
          payment_scheduled: 'scheduled',
          payment_pending: 'processing',
          payment_returned: 'returned',
        }[status as 'paid'];
        if (paymentStatus) {
          const credit = total < 0;
          const [methodType, brand, last4] = credit
            ? ['credit', null, null]
            : pick(METHODS[account.country] ?? METHODS['FR']!);
          const processing =
            paymentStatus === 'scheduled'
              ? Math.min(due, today + between(1, 10) * DAY)
              : paymentStatus === 'processing'
                ? today - between(0, 2) * DAY
                : Math.min(today, Math.max(day, due - between(0, 12) * DAY));
          const paymentId = crypto.randomUUID();
          push(batch.payments.cols, [
            paymentId,
            options.companyId,
            credit ? 'credit' : account.autopay ? 'autopay' : 'one_time',
            confirmationNumber(),
            paymentStatus,
            iso(processing),
            account.currency,
            total,
            methodType,
            brand,
            last4 || null,
            new Date(Math.min(processing, today) - DAY).toISOString(),
            paymentStatus === 'completed' ? new Date(processing + 12 * 3_600_000).toISOString() : null,
            'tg_seeded_approve',
          ]);
          push(batch.allocations.cols, [paymentId, id, total]);
        }
        push(batch.invoices.cols, [
          id,
          options.companyId,
          account.id,
          account.number,
          account.planId,
          number,
          iso(day),
          iso(due),
          type,
          account.currency,
          total,
          amountDue,
          status,
          type !== 'adjustment' && random() < 0.02,
          Boolean(account.autopay),
          random() < 0.35 ? `PO-${between(10000, 99999)}` : null,
          // Printed where the country's invoices carry one: enrolment asks for it there.
          controlIdRequired(account.country)
            ? `C${Math.floor(random() * 36 ** 4)
                .toString(36)
                .toUpperCase()
                .padStart(4, '0')}`
            : null,
          new Date(day).toISOString(),
        ]);
      }
      await tx.query(
        `insert into invoices (id, company_id, account_id, account_number, plan_id, number, invoice_date, due_date, type,
                               currency, amount, amount_due, status, in_dispute, autopay, reference, control_id, created_at)
         select * from unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::date[],
                              $8::date[], $9::text[], $10::char(3)[], $11::bigint[], $12::bigint[], $13::text[],
                              $14::boolean[], $15::boolean[], $16::text[], $17::text[], $18::timestamptz[])`,
        batch.invoices.cols,
      );
      await tx.query(
        `insert into payments (id, company_id, kind, confirmation_number, status, processing_date, currency, amount,
                               method_type, method_brand, method_last4, created_at, completed_at, gateway_token)
         select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::char(3)[],
                              $8::bigint[], $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[],
                              $14::text[])`,
        batch.payments.cols,
      );
      await tx.query(
        `insert into payment_allocations (payment_id, invoice_id, amount)
         select * from unnest($1::uuid[], $2::bigint[], $3::bigint[])`,
        batch.allocations.cols,
      );
      await tx.query(
        `insert into shipments (id, invoice_id, tracking_number, ship_date, service, billed_weight, weight_unit,
                                sender_city, sender_country, receiver_city, receiver_country, reference)
         select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::date[], $5::text[], $6::numeric[],
                              $7::text[], $8::text[], $9::char(2)[], $10::text[], $11::char(2)[], $12::text[])`,
        batch.shipments.cols,
      );
      await tx.query(
        `insert into charges (id, invoice_id, shipment_id, code, description, amount)
         select * from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[])`,
        batch.charges.cols,
      );
    });
    done += n;
    options.onProgress?.(done);
  }
}
