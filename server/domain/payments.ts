/**
 * The payment routes' logic: who pays (a signed-in user, or a guest who
 * identified one invoice), idempotency around the whole of it, and the
 * activity list. The money rules themselves are in `payments/payments.ts`.
 */
import type {
  CreatePaymentRequest,
  GuestInvoice,
  GuestLookupRequest,
  GuestPaymentRequest,
  PaymentListQuery,
  PaymentPage,
  PaymentReceipt,
  PaymentTypes,
} from '../../src/api/schemas/payment.js';
import { ProblemError, notFound, problemResponse } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { signToken, verifyToken } from '../http/tokens.js';
import { paymentTypesFor } from '../payments/config.js';
import {
  claimKey,
  completeKey,
  idempotencyKeyOf,
  releaseKey,
  requestHash,
  type Claim,
} from '../payments/idempotency.js';
import {
  RECEIPT_COLUMNS,
  cancelScheduled,
  chargePayment,
  chargeProblem,
  preparePayment,
  receiptOf,
  toReceipts,
  type Payer,
} from '../payments/payments.js';
import { assertUnderLimit, recordFailure } from './attempts.js';
import type { Caller } from './caller.js';
import { Where, visibleTo } from './invoice-filter.js';

const today = (services: Services) => services.now().toISOString().slice(0, 10);

export function paymentTypes(services: Services, country: string): PaymentTypes {
  return {
    country,
    types: paymentTypesFor(country),
    cardFrameUrl: services.config.cardFrameUrl,
    partialPayments: services.config.allowPartialPayments,
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Runs a payment under an idempotency key: a replay answers what the first
 * request answered; a refusal before anything was written frees the key; a
 * decline is kept (the same retry gets the same decline).
 */
async function idempotent(
  services: Services,
  claim: Claim,
  run: (resume: string | null) => Promise<string>,
): Promise<Response> {
  const claimed = await claimKey(services.db, claim, services.now());
  if (claimed.kind === 'replay') {
    const body = claimed.body as { status?: number };
    return claimed.status >= 400 ? problemResponse(body as never) : json(claimed.status, body);
  }
  let paymentId: string;
  try {
    // A takeover finishes the payment its crashed first request started, if it got that far.
    const [started] =
      claimed.kind === 'takeover'
        ? await services.db.query<{ id: string }>('select id from payments where idempotency_key = $1', [
            `${claim.scope}:${claim.key}`,
          ])
        : [];
    paymentId = await run(started?.id ?? null);
  } catch (error) {
    // Free the key only if nothing was written under it; otherwise the lease
    // runs out and a retry resumes the payment that exists.
    const [written] = await services.db.query('select 1 from payments where idempotency_key = $1', [
      `${claim.scope}:${claim.key}`,
    ]);
    if (!written) await releaseKey(services.db, claim);
    throw error;
  }
  const receipt = await receiptOf(services, paymentId);
  if (receipt.status === 'failed') {
    const problem = chargeProblem(
      receipt.failureCode === 'gateway_unavailable'
        ? 'unavailable'
        : { outcome: 'declined', code: receipt.failureCode as never, reference: '' },
    )!;
    // The gateway never answered: the payer may try again with the same key.
    if (problem.problem.code === 'gateway_unavailable') await releaseKey(services.db, claim);
    else await completeKey(services.db, claim, problem.problem.status, problem.problem);
    return problemResponse(problem.problem);
  }
  await completeKey(services.db, claim, 201, receipt);
  return json(201, receipt);
}

/** Drives a prepared (or resumed) payment to its outcome. */
async function runPayment(
  services: Services,
  payer: Payer,
  request: CreatePaymentRequest,
  key: string,
  resume: string | null,
) {
  let paymentId = resume;
  if (!paymentId) paymentId = (await preparePayment(services, payer, request, key)).paymentId;
  const [row] = await services.db.query<{ status: string }>('select status from payments where id = $1', [paymentId]);
  if (row?.status === 'authorizing') await chargePayment(services, paymentId);
  return paymentId;
}

/** POST /payments */
export async function payAsUser(
  services: Services,
  caller: Caller,
  request: CreatePaymentRequest,
  keyHeader: string | undefined,
  requireCapability: () => void,
): Promise<Response> {
  const key = idempotencyKeyOf(keyHeader);
  const claim: Claim = { scope: `user:${caller.id}`, key, hash: await requestHash(request) };
  const payer: Payer = {
    companyId: caller.companyId,
    userId: caller.id,
    kind: 'one_time',
    visibleInvoiceIds: async (numbers) => {
      const where = visibleTo(new Where(), caller);
      where.clauses.push(`i.number = any(${where.param(numbers)}::text[])`);
      const rows = await services.db.query<{ id: number; number: string }>(
        `select i.id, i.number from invoices i where ${where}`,
        where.params,
      );
      // Invoices the caller may see, found: now the role decides (403 rather than 404).
      if (rows.length === numbers.length) requireCapability();
      return new Map(rows.map((r) => [r.number, r.id]));
    },
  };
  return idempotent(services, claim, (resume) => runPayment(services, payer, request, `${claim.scope}:${key}`, resume));
}

// ── guests ─────────────────────────────────────────────────────────────

const GUEST_TOKEN_MINUTES = 15;

/**
 * POST /guest/invoice-lookup. Every mismatch gets the same answer, whatever
 * field was wrong; failures count per address and per invoice number.
 */
export async function guestLookup(services: Services, request: GuestLookupRequest, ip: string): Promise<GuestInvoice> {
  const now = services.now();
  const { config, db } = services;
  if ((request.amountDue === undefined) === (request.invoiceDate === undefined)) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { amountDue: 'required' } });
  }
  const number = request.invoiceNumber.toUpperCase();
  const limits = [
    { bucket: 'guest:ip', key: ip, max: config.guestMaxFailures * 4, windowSeconds: config.guestWindowSeconds },
    { bucket: 'guest:invoice', key: number, max: config.guestMaxFailures, windowSeconds: config.guestWindowSeconds },
  ];
  for (const limit of limits) await assertUnderLimit(db, limit, now);
  const [invoice] = await db.query<{
    id: number;
    number: string;
    account_number: string;
    invoice_date: string;
    due_date: string;
    type: GuestInvoice['type'];
    currency: string;
    amount_due: number;
    country: string;
  }>(
    `select i.id, i.number, i.account_number, i.invoice_date, i.due_date, i.type, i.currency, i.amount_due, a.country
       from invoices i join accounts a on a.id = i.account_id where i.number = $1`,
    [number],
  );
  const matches =
    invoice &&
    invoice.account_number === request.accountNumber.toUpperCase() &&
    (request.amountDue !== undefined
      ? invoice.amount_due === request.amountDue
      : invoice.invoice_date === request.invoiceDate);
  if (!invoice || !matches) {
    await db.transaction(async (tx) => {
      for (const limit of limits) await recordFailure(tx, limit.bucket, limit.key, now);
    });
    throw new ProblemError(422, 'identification_failed');
  }
  const { token } = await signToken(
    String(invoice.id),
    'guest',
    await services.tokenSecret(),
    GUEST_TOKEN_MINUTES * 60,
    now,
  );
  return {
    lookupToken: token,
    number: invoice.number,
    accountNumber: invoice.account_number,
    invoiceDate: invoice.invoice_date,
    dueDate: invoice.due_date,
    type: invoice.type,
    amountDue: { amount: invoice.amount_due, currency: invoice.currency },
    country: invoice.country,
  };
}

/** POST /guest/payments: the identified invoice, in full, today; nothing saved. */
export async function payAsGuest(
  services: Services,
  request: GuestPaymentRequest,
  keyHeader: string | undefined,
): Promise<Response> {
  const key = idempotencyKeyOf(keyHeader);
  const claims = await verifyToken(request.lookupToken, 'guest', await services.tokenSecret(), services.now());
  if (!claims || claims === 'expired') throw new ProblemError(422, 'identification_failed');
  const invoiceId = Number(claims.sub);
  // company_id is null for an account enrolled nowhere: guests pay those invoices too, and the payment has no company.
  const [invoice] = await services.db.query<{ number: string; amount_due: number; company_id: string | null }>(
    'select number, amount_due, company_id from invoices where id = $1',
    [invoiceId],
  );
  if (!invoice) throw new ProblemError(422, 'identification_failed');
  const claim: Claim = { scope: `guest:${invoiceId}`, key, hash: await requestHash(request) };
  const payer: Payer = {
    companyId: invoice.company_id,
    userId: null,
    kind: 'guest',
    visibleInvoiceIds: async (numbers) =>
      new Map(numbers.filter((n) => n === invoice.number).map((n) => [n, invoiceId])),
  };
  const payment: CreatePaymentRequest = {
    invoices: [{ number: invoice.number, amount: invoice.amount_due }],
    processingDate: today(services),
    source: { token: request.token },
  };
  return idempotent(services, claim, (resume) => runPayment(services, payer, payment, `${claim.scope}:${key}`, resume));
}

// ── activity ───────────────────────────────────────────────────────────

/** Payments the caller may see: any payment touching an invoice in scope (all, for administrators). */
function visiblePayments(where: Where, caller: Caller): void {
  where.clauses.push(`p.company_id = ${where.param(caller.companyId)}`);
  if (!caller.scopeAll) {
    where.clauses.push(`exists (select 1 from payment_allocations a join invoices i on i.id = a.invoice_id
      where a.payment_id = p.id and i.account_id = any(${where.param(caller.visibleAccountIds)}::uuid[]))`);
  }
}

export async function listPayments(services: Services, caller: Caller, query: PaymentListQuery): Promise<PaymentPage> {
  if (query.from && query.to && query.from > query.to) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { to: 'range_inverted' } });
  }
  const where = new Where();
  visiblePayments(where, caller);
  // Credit applications are bookkeeping, not payments a person made.
  where.clauses.push(`p.kind <> 'credit'`);
  if (query.status) {
    const statuses = query.status === 'processing' ? ['processing', 'authorizing'] : [query.status];
    where.clauses.push(`p.status = any(${where.param(statuses)}::text[])`);
  }
  if (query.from) where.clauses.push(`p.processing_date >= ${where.param(query.from)}::date`);
  if (query.to) where.clauses.push(`p.processing_date <= ${where.param(query.to)}::date`);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const filter = [...where.params];
  const rows = await services.db.query<Parameters<typeof toReceipts>[1][number]>(
    `select ${RECEIPT_COLUMNS} from payments p where ${where}
      order by p.processing_date desc, p.created_at desc limit ${where.param(pageSize)} offset ${where.param((page - 1) * pageSize)}`,
    where.params,
  );
  const [count] = await services.db.query<{ n: number }>(
    `select count(*)::int as n from payments p where ${where}`,
    filter,
  );
  return { items: await toReceipts(services.db, rows, today(services)), page, pageSize, total: count!.n };
}

async function findPayment(services: Services, caller: Caller, confirmation: string): Promise<string> {
  const where = new Where();
  visiblePayments(where, caller);
  where.clauses.push(`p.confirmation_number = ${where.param(confirmation)}`);
  const [row] = await services.db.query<{ id: string }>(`select p.id from payments p where ${where}`, where.params);
  if (!row) throw notFound();
  return row.id;
}

export async function getPayment(services: Services, caller: Caller, confirmation: string): Promise<PaymentReceipt> {
  return receiptOf(services, await findPayment(services, caller, confirmation));
}

export async function cancelPayment(
  services: Services,
  caller: Caller,
  confirmation: string,
  requireCapability: () => void,
): Promise<PaymentReceipt> {
  const id = await findPayment(services, caller, confirmation);
  requireCapability();
  await cancelScheduled(services, id, caller.id);
  return receiptOf(services, id);
}
