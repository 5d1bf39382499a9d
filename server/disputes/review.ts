/**
 * UPS's side of a dispute: review starts, then a decision. Not a public
 * API: operations run it (`npm run ops -- review-dispute`), and so do the
 * browser-test server and the in-page Storybook server, through this one
 * function, so that every way of moving a dispute applies the same rules.
 *
 * - `start`: submitted → in review.
 * - `approve`: credits the disputed amount; `partial`: credits `amount`
 *   (more than zero, less than disputed); `deny`: credits nothing. From
 *   submitted or in review.
 * Anything else is `dispute_closed`. The credit lands at once on an import
 * invoice that still owes it, else on the account's next issued invoice.
 */
import type { CreditTarget, DisputeStatus } from '../../src/api/schemas/dispute.js';
import type { Db } from '../db/db.js';
import { refreshInDispute } from '../domain/disputes.js';
import { ProblemError } from '../http/problem.js';
import { applyCredit, takesCreditAtOnce } from './credits.js';

export const REVIEW_ACTIONS = ['start', 'approve', 'partial', 'deny'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface ReviewOptions {
  /** The dispute number, `D` and eight digits. */
  number: string;
  action: ReviewAction;
  /** For `partial`: the credit, in minor units of the dispute's currency. */
  amount?: number;
  note?: string;
  /** When it happens (history, decision date); now by default. */
  now?: Date;
}

export interface ReviewOutcome {
  number: string;
  invoiceNumber: string;
  status: DisputeStatus;
  disputed: number;
  credited: number | null;
  currency: string;
  target: CreditTarget | null;
  /** The invoice that took the credit; `null` while it waits for the next invoice. */
  creditInvoiceNumber: string | null;
}

const DECISIONS: Record<Exclude<ReviewAction, 'start'>, DisputeStatus> = {
  approve: 'approved',
  partial: 'partially_approved',
  deny: 'denied',
};

export async function reviewDispute(db: Db, options: ReviewOptions): Promise<ReviewOutcome> {
  const at = (options.now ?? new Date()).toISOString();
  return db.transaction(async (tx) => {
    const [found] = await tx.query<{ invoice_id: number }>('select invoice_id from disputes where number = $1', [
      options.number.trim().toUpperCase(),
    ]);
    if (!found) throw new ProblemError(404, 'not_found', { detail: options.number });
    // The invoice first, as creating and withdrawing do.
    const [invoice] = await tx.query<{ number: string }>('select number from invoices where id = $1 for update', [
      found.invoice_id,
    ]);
    const [dispute] = await tx.query<{
      id: string;
      number: string;
      company_id: string;
      status: DisputeStatus;
      disputed: number;
      currency: string;
    }>(
      'select id, number, company_id, status, disputed, currency from disputes where invoice_id = $1 and number = $2 for update',
      [found.invoice_id, options.number.trim().toUpperCase()],
    );
    const d = dispute!;
    const allowed: DisputeStatus[] = options.action === 'start' ? ['submitted'] : ['submitted', 'in_review'];
    if (!allowed.includes(d.status)) throw new ProblemError(409, 'dispute_closed', { detail: d.status });

    let status: DisputeStatus = 'in_review';
    let credited: number | null = null;
    let target: CreditTarget | null = null;
    let creditInvoiceNumber: string | null = null;
    if (options.action !== 'start') {
      status = DECISIONS[options.action];
      if (options.action === 'partial') {
        const amount = options.amount;
        if (amount === undefined || !Number.isInteger(amount) || amount <= 0 || amount >= d.disputed) {
          throw new ProblemError(422, 'validation_failed', {
            detail: `A partial credit is more than 0 and less than ${d.disputed}`,
            fieldErrors: { amount: amount !== undefined && amount >= d.disputed ? 'too_big' : 'not_positive' },
          });
        }
        credited = amount;
      } else {
        credited = options.action === 'approve' ? d.disputed : 0;
      }
    }
    await tx.query(
      `update disputes set status = $2, updated_at = $3,
              decided_at = case when $4::bigint is null then null else $3::timestamptz end,
              credited = $4, outcome_note = case when $4::bigint is null then outcome_note else $5 end
        where id = $1`,
      [d.id, status, at, credited, options.note ?? null],
    );
    if (credited !== null && credited > 0) {
      if (await takesCreditAtOnce(tx, found.invoice_id, credited)) {
        target = 'same_invoice';
        await tx.query(`update disputes set credit_target = 'same_invoice' where id = $1`, [d.id]);
        await applyCredit(tx, d, found.invoice_id, credited);
        creditInvoiceNumber = invoice!.number;
      } else {
        target = 'next_invoice';
        await tx.query(`update disputes set credit_target = 'next_invoice', credit_pending = $2 where id = $1`, [
          d.id,
          credited,
        ]);
      }
    }
    await tx.query('insert into dispute_events (dispute_id, status, at, by_user, note) values ($1, $2, $3, null, $4)', [
      d.id,
      status,
      at,
      options.note ?? null,
    ]);
    await refreshInDispute(tx, found.invoice_id);
    // UPS acts, not a user of the company: no actor.
    await tx.query(
      `insert into audit_log (company_id, actor_id, action, target, data, at) values ($1, null, 'dispute.review', $2, $3, $4)`,
      [d.company_id, d.number, JSON.stringify({ action: options.action, status, credited, target }), at],
    );
    return {
      number: d.number,
      invoiceNumber: invoice!.number,
      status,
      disputed: d.disputed,
      credited,
      currency: d.currency,
      target,
      creditInvoiceNumber,
    };
  });
}
