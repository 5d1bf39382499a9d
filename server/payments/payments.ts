/**
 * Paying invoices. A payment goes through three short transactions, so the
 * gateway is never called while invoice rows are locked:
 *
 * 1. prepare — lock the invoices, check every rule, reserve them (status
 *    `payment_pending` or `payment_scheduled`) and write the payment with
 *    its allocations: a second payment for the same invoice now fails;
 * 2. charge — ask the gateway, with the payment's id as its idempotency key;
 * 3. finish — record the outcome: apply the allocations, or free the invoices.
 *
 * A crash between 1 and 3 leaves a payment `authorizing`; the recovery sweep
 * (and a retry with the same Idempotency-Key) runs 2 and 3 again, and the
 * gateway's idempotency makes that the same charge, never a second.
 */
import type { InvoiceType } from '../../src/api/schemas/invoice.js';
import type { CreatePaymentRequest, PaymentReceipt } from '../../src/api/schemas/payment.js';
import type { Sql } from '../db/db.js';
import { confirmationNumber } from '../db/generate.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { methodAllowed } from './config.js';
import { GatewayUnavailable, type ChargeResult } from './gateway.js';
import { consumeToken, type UsableToken } from './tokens.js';

const PAYABLE = new Set(['open', 'past_due', 'payment_returned']);
/** Money leaves at once by card and PayPal; bank debits settle later. */
const SETTLES_AT_ONCE = new Set(['card', 'paypal']);

export interface Payer {
  /** Null for a guest paying an invoice of an account no company has enrolled. */
  companyId: string | null;
  /** The signed-in user; null for a guest. */
  userId: string | null;
  kind: 'one_time' | 'guest' | 'autopay';
  /** Restricts which invoices exist for this payer (visibility); ids outside are "not found". */
  visibleInvoiceIds: (numbers: string[]) => Promise<Map<string, number>>;
}

interface LockedInvoice {
  id: number;
  number: string;
  account_number: string;
  type: InvoiceType;
  status: string;
  currency: string;
  amount: number;
  amount_due: number;
  due_date: string;
  invoice_date: string;
  country: string;
}

const today = (services: Services) => services.now().toISOString().slice(0, 10);

/** The processing date window: today, through the earliest due date of the debits (today when one is due already). */
export function processingWindow(
  invoices: { amount: number; due_date: string }[],
  day: string,
): { from: string; to: string } {
  const dues = invoices.filter((i) => i.amount > 0).map((i) => i.due_date);
  const earliest = dues.length ? dues.reduce((a, b) => (a < b ? a : b)) : day;
  return { from: day, to: earliest > day ? earliest : day };
}

export interface PreparedPayment {
  paymentId: string;
  status: 'scheduled' | 'authorizing';
}

/** Step 1. Every refusal happens here, before anything is written. */
export async function preparePayment(
  services: Services,
  payer: Payer,
  request: CreatePaymentRequest,
  idempotencyKey: string,
): Promise<PreparedPayment> {
  const day = today(services);
  const numbers = request.invoices.map((line) => line.number.toUpperCase());
  if (new Set(numbers).size !== numbers.length) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { invoices: 'invalid_value' } });
  }
  const ids = await payer.visibleInvoiceIds(numbers);
  if (ids.size !== numbers.length) throw notFound();
  return services.db.transaction(async (tx) => {
    // Rows locked in id order: two payments on overlapping carts cannot deadlock.
    const invoices = await tx.query<LockedInvoice>(
      `select i.id, i.number, i.account_number, i.type, i.status, i.currency, i.amount, i.amount_due, i.due_date,
              i.invoice_date, a.country
         from invoices i join accounts a on a.id = i.account_id
        where i.id = any($1::bigint[]) order by i.id for update of i`,
      [[...ids.values()]],
    );
    const byNumber = new Map(invoices.map((i) => [i.number, i]));
    const lines = request.invoices.map((line) => ({ line, invoice: byNumber.get(line.number.toUpperCase())! }));

    const settled = lines.flatMap(({ invoice }, index) =>
      !PAYABLE.has(invoice.status) || invoice.amount_due === 0 ? [{ index, number: invoice.number }] : [],
    );
    if (settled.length) {
      throw new ProblemError(409, 'already_paid', {
        detail: settled.map((line) => line.number).join(', '),
        // Which lines of the request, so that a client can take them out of its cart.
        fieldErrors: Object.fromEntries(settled.map((line) => [`invoices.${line.index}.number`, 'already_paid'])),
      });
    }
    const currency = lines[0]!.invoice.currency;
    if (lines.some(({ invoice }) => invoice.currency !== currency)) throw new ProblemError(422, 'mixed_currencies');
    const amountErrors: Record<string, string> = {};
    lines.forEach(({ line, invoice }, index) => {
      const full = line.amount === invoice.amount_due;
      const partial =
        services.config.allowPartialPayments &&
        invoice.amount_due > 0 &&
        line.amount > 0 &&
        line.amount <= invoice.amount_due;
      if (!full && !partial) amountErrors[`invoices.${index}.amount`] = 'amount_mismatch';
    });
    if (Object.keys(amountErrors).length) throw new ProblemError(422, 'amount_mismatch', { fieldErrors: amountErrors });
    const total = lines.reduce((sum, { line }) => sum + line.amount, 0);
    if (total <= 0) throw new ProblemError(422, 'total_not_positive');
    const window = processingWindow(invoices, day);
    if (request.processingDate < window.from || request.processingDate > window.to) {
      throw new ProblemError(422, 'processing_date_out_of_window', {
        fieldErrors: { processingDate: 'out_of_window' },
        detail: `${window.from}..${window.to}`,
      });
    }

    const method = await methodFor(tx, services, payer, request);
    const country = lines[0]!.invoice.country;
    const refused = lines.filter(
      ({ invoice }) => invoice.amount > 0 && !methodAllowed(country, method.type, invoice.type),
    );
    if (refused.length) {
      throw new ProblemError(422, 'payment_method_not_allowed', {
        detail: refused.map(({ invoice }) => invoice.number).join(', '),
      });
    }

    let methodId = method.methodId;
    if (!methodId && request.saveMethod && payer.userId) {
      const [saved] = await tx.query<{ id: string }>(
        `insert into payment_methods (company_id, user_id, type, brand, last4, exp_month, exp_year, holder, gateway_token)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          payer.companyId,
          payer.userId,
          method.type,
          method.brand,
          method.last4,
          method.expMonth,
          method.expYear,
          method.holder,
          method.gatewayToken,
        ],
      );
      methodId = saved!.id;
    }

    const status = request.processingDate > day ? 'scheduled' : 'authorizing';
    const [payment] = await tx.query<{ id: string }>(
      `insert into payments (company_id, created_by, kind, confirmation_number, status, processing_date, currency, amount,
                             method_type, method_brand, method_last4, method_id, gateway_token, idempotency_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
      [
        payer.companyId,
        payer.userId,
        payer.kind,
        confirmationNumber(),
        status,
        request.processingDate,
        currency,
        total,
        method.type,
        method.brand,
        method.last4,
        methodId,
        method.gatewayToken,
        idempotencyKey,
      ],
    );
    await tx.query(
      `insert into payment_allocations (payment_id, invoice_id, amount) select $1, * from unnest($2::bigint[], $3::bigint[])`,
      [payment!.id, lines.map(({ invoice }) => invoice.id), lines.map(({ line }) => line.amount)],
    );
    await tx.query(`update invoices set status = $2 where id = any($1::bigint[])`, [
      lines.map(({ invoice }) => invoice.id),
      status === 'scheduled' ? 'payment_scheduled' : 'payment_pending',
    ]);
    await services.audit(tx, {
      companyId: payer.companyId,
      actorId: payer.userId,
      action: status === 'scheduled' ? 'payment.schedule' : 'payment.create',
      target: payment!.id,
      data: { invoices: numbers, total, currency, processingDate: request.processingDate, method: method.type },
    });
    return { paymentId: payment!.id, status };
  });
}

interface ResolvedMethod extends UsableToken {
  methodId: string | null;
}

async function methodFor(
  tx: Sql,
  services: Services,
  payer: Payer,
  request: CreatePaymentRequest,
): Promise<ResolvedMethod> {
  if ('token' in request.source) {
    return { ...(await consumeToken(tx, request.source.token, services.now())), methodId: null };
  }
  // A wallet method is the payer's own: another user's is "not found".
  const [row] = await tx.query<{
    id: string;
    type: UsableToken['type'];
    brand: string | null;
    last4: string | null;
    exp_month: number | null;
    exp_year: number | null;
    holder: string | null;
    gateway_token: string;
  }>(`select * from payment_methods where id = $1 and user_id = $2 and removed_at is null`, [
    request.source.methodId,
    payer.userId,
  ]);
  if (!row) throw new ProblemError(404, 'not_found', { fieldErrors: { 'source.methodId': 'invalid_value' } });
  return {
    methodId: row.id,
    gatewayToken: row.gateway_token,
    type: row.type,
    brand: row.brand,
    last4: row.last4,
    expMonth: row.exp_month,
    expYear: row.exp_year,
    holder: row.holder,
  };
}

/** The status an unpaid invoice goes back to when its payment does not happen. */
const RESTORED_STATUS = `case when amount > 0 and due_date < $2::date then 'past_due' else 'open' end`;

/**
 * Steps 2 and 3 for an `authorizing` payment. Safe to run again for the same
 * payment: the gateway answers a repeated charge with the first result, and
 * a payment already finished is left as it is.
 */
export async function chargePayment(services: Services, paymentId: string): Promise<ChargeResult | 'unavailable'> {
  const [payment] = await services.db.query<{
    status: string;
    gateway_token: string;
    amount: number;
    currency: string;
  }>('select status, gateway_token, amount, currency from payments where id = $1', [paymentId]);
  if (!payment || payment.status !== 'authorizing') return 'unavailable';
  let result: ChargeResult | 'unavailable';
  try {
    result = await services.gateway.charge({
      gatewayToken: payment.gateway_token,
      amount: payment.amount,
      currency: payment.currency,
      idempotencyKey: paymentId,
    });
  } catch (error) {
    if (!(error instanceof GatewayUnavailable)) throw error;
    result = 'unavailable';
  }
  await finishPayment(services, paymentId, result);
  return result;
}

async function finishPayment(
  services: Services,
  paymentId: string,
  result: ChargeResult | 'unavailable',
): Promise<void> {
  const day = today(services);
  await services.db.transaction(async (tx) => {
    const [payment] = await tx.query<{ status: string; method_type: string; company_id: string }>(
      'select status, method_type, company_id from payments where id = $1 for update',
      [paymentId],
    );
    if (!payment || payment.status !== 'authorizing') return;
    const invoiceIds = `select invoice_id from payment_allocations where payment_id = $1`;
    if (result === 'unavailable' || result.outcome === 'declined') {
      const code = result === 'unavailable' ? 'gateway_unavailable' : result.code;
      await tx.query(`update payments set status = 'failed', failure_code = $2, updated_at = now() where id = $1`, [
        paymentId,
        code,
      ]);
      await tx.query(`update invoices set status = ${RESTORED_STATUS} where id in (${invoiceIds})`, [paymentId, day]);
      await services.audit(tx, {
        companyId: payment.company_id,
        actorId: null,
        action: 'payment.failed',
        target: paymentId,
        data: { code },
      });
      return;
    }
    if (SETTLES_AT_ONCE.has(payment.method_type)) {
      await tx.query(
        `update payments set status = 'completed', gateway_reference = $2, completed_at = now(), updated_at = now() where id = $1`,
        [paymentId, result.reference],
      );
      await applyAllocations(tx, paymentId, day);
    } else {
      // A bank debit is on its way: the invoices stay "payment pending" until it settles.
      await tx.query(
        `update payments set status = 'processing', gateway_reference = $2, updated_at = now() where id = $1`,
        [paymentId, result.reference],
      );
    }
  });
}

/** The money arrived: each invoice owes its allocation less; paid in full means paid (or closed, for a credit). */
export async function applyAllocations(tx: Sql, paymentId: string, day: string): Promise<void> {
  await tx.query(
    `update invoices i
        set amount_due = i.amount_due - a.amount,
            status = case when i.amount_due - a.amount = 0 then (case when i.amount < 0 then 'closed' else 'paid' end)
                          when i.due_date < $2::date then 'past_due' else 'open' end
       from payment_allocations a
      where a.payment_id = $1 and a.invoice_id = i.id`,
    [paymentId, day],
  );
}

/** Cancels a scheduled payment before its date; its invoices are payable again. */
export async function cancelScheduled(services: Services, paymentId: string, actorId: string): Promise<void> {
  const day = today(services);
  await services.db.transaction(async (tx) => {
    const [payment] = await tx.query<{ status: string; processing_date: string; company_id: string }>(
      'select status, processing_date, company_id from payments where id = $1 for update',
      [paymentId],
    );
    if (!payment || payment.status !== 'scheduled' || payment.processing_date <= day) {
      throw new ProblemError(409, 'not_cancellable');
    }
    await tx.query(`update payments set status = 'cancelled', updated_at = now() where id = $1`, [paymentId]);
    await tx.query(
      `update invoices set status = ${RESTORED_STATUS} where id in (select invoice_id from payment_allocations where payment_id = $1)`,
      [paymentId, day],
    );
    await services.audit(tx, { companyId: payment.company_id, actorId, action: 'payment.cancel', target: paymentId });
  });
}

/** The problem a finished charge answers the payer with, when it did not succeed. */
export function chargeProblem(result: ChargeResult | 'unavailable'): ProblemError | null {
  if (result === 'unavailable') return new ProblemError(503, 'gateway_unavailable', { retryAfter: 5 });
  if (result.outcome === 'declined') return new ProblemError(402, `declined_${result.code}`);
  return null;
}

interface ReceiptRow {
  id: string;
  confirmation_number: string;
  status: string;
  processing_date: string;
  created_at: string;
  currency: string;
  amount: number;
  method_type: PaymentReceipt['method']['type'];
  method_brand: string | null;
  method_last4: string | null;
  failure_code: string | null;
  [key: string]: unknown;
}

export const RECEIPT_COLUMNS = `p.id, p.confirmation_number, p.status, p.processing_date, p.created_at, p.currency, p.amount,
  p.method_type, p.method_brand, p.method_last4, p.failure_code`;

/** Receipts for payment rows, with their invoice lines in one query. */
export async function toReceipts(sql: Sql, rows: ReceiptRow[], day: string): Promise<PaymentReceipt[]> {
  if (!rows.length) return [];
  const lines = await sql.query<{ payment_id: string; number: string; account_number: string; amount: number }>(
    `select a.payment_id, i.number, i.account_number, a.amount from payment_allocations a
       join invoices i on i.id = a.invoice_id where a.payment_id = any($1::uuid[]) order by i.number`,
    [rows.map((r) => r.id)],
  );
  return rows.map((row) => ({
    confirmationNumber: row.confirmation_number,
    // 'authorizing' is our own step; to the payer the money is being processed.
    status: (row.status === 'authorizing' ? 'processing' : row.status) as PaymentReceipt['status'],
    processingDate: row.processing_date,
    createdAt: row.created_at,
    total: { amount: row.amount, currency: row.currency },
    method: { type: row.method_type, brand: row.method_brand, last4: row.method_last4 },
    invoices: lines
      .filter((line) => line.payment_id === row.id)
      .map((line) => ({
        number: line.number,
        accountNumber: line.account_number,
        amount: { amount: line.amount, currency: row.currency },
      })),
    failureCode: row.failure_code,
    cancellable: row.status === 'scheduled' && row.processing_date > day,
  }));
}

export async function receiptOf(services: Services, paymentId: string): Promise<PaymentReceipt> {
  const rows = await services.db.query<ReceiptRow>(`select ${RECEIPT_COLUMNS} from payments p where p.id = $1`, [
    paymentId,
  ]);
  const [receipt] = await toReceipts(services.db, rows, today(services));
  return receipt!;
}
