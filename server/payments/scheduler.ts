/**
 * Payment work that runs on its own: scheduled payments on their date, bank
 * debits that have settled, and payments a crashed server left half-way.
 * Every step claims its rows with `FOR UPDATE SKIP LOCKED` and moves them to
 * another status in the same transaction, so with several server instances
 * over one database each payment is run exactly once; the gateway's
 * idempotency key (the payment's id) covers a crash in between.
 */
import { runAutopay } from '../autopay/runner.js';
import type { Services } from '../http/services.js';
import { applyAllocations, chargePayment } from './payments.js';

export interface SchedulerRun {
  charged: number;
  settled: number;
  recovered: number;
}

const BATCH = 50;
/** An `authorizing` payment untouched this long belongs to a server that died. */
const STALE_SECONDS = 60;

/** Runs scheduled payments due on or before `day`. */
export async function runDuePayments(services: Services, day: string): Promise<number> {
  let charged = 0;
  for (;;) {
    const ids = await services.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `select id from payments where status = 'scheduled' and processing_date <= $1::date
          order by processing_date, created_at limit ${BATCH} for update skip locked`,
        [day],
      );
      if (rows.length) {
        await tx.query(`update payments set status = 'authorizing', updated_at = now() where id = any($1::uuid[])`, [
          rows.map((r) => r.id),
        ]);
        await tx.query(
          `update invoices set status = 'payment_pending'
            where id in (select invoice_id from payment_allocations where payment_id = any($1::uuid[]))`,
          [rows.map((r) => r.id)],
        );
      }
      return rows.map((r) => r.id);
    });
    for (const id of ids) await chargePayment(services, id);
    charged += ids.length;
    if (ids.length < BATCH) return charged;
  }
}

/** Bank debits settle the business day after their processing date (in the test gateway: the next day). */
export async function settleBankDebits(services: Services, day: string): Promise<number> {
  return services.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `select id from payments where status = 'processing' and processing_date < $1::date for update skip locked`,
      [day],
    );
    for (const { id } of rows) {
      await tx.query(
        `update payments set status = 'completed', completed_at = now(), updated_at = now() where id = $1`,
        [id],
      );
      await applyAllocations(tx, id, day);
    }
    return rows.length;
  });
}

/** Finishes payments left `authorizing` by a server that stopped between charging and recording. */
export async function recoverStalePayments(services: Services): Promise<number> {
  const cutoff = new Date(services.now().getTime() - STALE_SECONDS * 1000).toISOString();
  const rows = await services.db.query<{ id: string }>(
    `select id from payments where status = 'authorizing' and updated_at < $1 order by updated_at limit ${BATCH}`,
    [cutoff],
  );
  for (const { id } of rows) await chargePayment(services, id);
  return rows.length;
}

export async function runScheduler(
  services: Services,
  day = services.now().toISOString().slice(0, 10),
): Promise<SchedulerRun> {
  const recovered = await recoverStalePayments(services);
  const charged = await runDuePayments(services, day);
  const settled = await settleBankDebits(services, day);
  return { charged, settled, recovered };
}

/**
 * Runs the scheduler, then AutoPay, every `intervalMs` in this process;
 * returns a stop function. Every instance runs both: AutoPay's claims make
 * that safe, and an instance that stops leaves nothing undone for long.
 */
export function startScheduler(services: Services, intervalMs: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const run = await runScheduler(services);
      if (run.charged || run.settled || run.recovered) services.log.info('payment scheduler', { ...run });
    } catch (error) {
      services.log.error('payment scheduler failed', { error: String((error as Error)?.message ?? error) });
    }
    // Apart from the payments above: a failure of one must not hold up the other.
    try {
      const run = await runAutopay(services, undefined, { recordIdle: false });
      if (run.runId) {
        const count = (outcome: string) => run.invoices.filter((i) => i.outcome === outcome).length;
        services.log.info('autopay', {
          day: run.day,
          paid: count('paid'),
          skipped: count('skipped_over_maximum'),
          failed: count('failed'),
          suspended: run.suspended.length,
          ended: run.ended.length,
        });
      }
    } catch (error) {
      services.log.error('autopay run failed', { error: String((error as Error)?.message ?? error) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  void tick();
  return () => clearInterval(timer);
}
