/**
 * `npm run ops -- review-dispute <number> --start | --approve | --partial <amount> | --deny [--note "…"]`:
 * UPS's review of a dispute in the reference server, through the same
 * function the test servers use (server/disputes/review.ts).
 */
import { parseArgs } from 'node:util';
import type { Db } from '../db/db.js';
import { reviewDispute, type ReviewAction, type ReviewOutcome } from '../disputes/review.js';
import { ProblemError } from '../http/problem.js';
import type { CommandOutput } from './recovery.js';

export const DISPUTE_USAGE = `  review-dispute <number> --start | --approve | --partial <amount> | --deny [--note "…"]
                                    move a dispute through UPS's review: start it, approve it (credits
                                    the disputed amount), approve part of it (e.g. --partial 12.50),
                                    or deny it; the credit lands on the same import invoice, or else
                                    on the account's next issued invoice`;

const DECIMAL = /^\d+(?:[.,]\d{1,3})?$/;

const digitsOf = (currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount / 10 ** digitsOf(currency));

/** "12.50" in minor units of `currency`; null when it has more decimals than the currency. */
export function toMinorUnits(text: string, currency: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const [whole, fraction = ''] = text.replace(',', '.').split('.');
  const digits = digitsOf(currency);
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export function describeOutcome(outcome: ReviewOutcome): string[] {
  const lines = [
    `Dispute ${outcome.number} (invoice ${outcome.invoiceNumber}) is now ${outcome.status.replace('_', ' ')}.`,
  ];
  if (outcome.credited === null) return lines;
  if (outcome.credited === 0) {
    lines.push(`Nothing credited (disputed: ${money(outcome.disputed, outcome.currency)}).`);
  } else if (outcome.target === 'same_invoice') {
    lines.push(
      `Credited ${money(outcome.credited, outcome.currency)} on the same invoice, ${outcome.creditInvoiceNumber}.`,
    );
  } else {
    lines.push(
      `Credited ${money(outcome.credited, outcome.currency)}: it lands on the account's next issued invoice (npm run ops -- issue-invoices).`,
    );
  }
  return lines;
}

export async function runReviewDisputeCommand(
  db: Db,
  args: readonly string[],
  out: CommandOutput = console,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        start: { type: 'boolean' },
        approve: { type: 'boolean' },
        partial: { type: 'string' },
        deny: { type: 'boolean' },
        note: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    out.error((error as Error).message);
    return 2;
  }
  const { values, positionals } = parsed;
  const actions = (['start', 'approve', 'partial', 'deny'] as const).filter((a) => values[a] !== undefined);
  const number = positionals[0]?.toUpperCase();
  if (positionals.length !== 1 || !/^D\d{8}$/.test(number ?? '') || actions.length !== 1) {
    out.error(
      'review-dispute takes one dispute number (D and eight digits) and one of --start, --approve, --partial <amount>, --deny',
    );
    return 2;
  }
  const action: ReviewAction = actions[0]!;
  let amount: number | undefined;
  if (action === 'partial') {
    const [row] = await db.query<{ currency: string }>('select currency from disputes where number = $1', [number]);
    if (!row) {
      out.error(`No dispute ${number}.`);
      return 1;
    }
    const minor = toMinorUnits(values.partial!, row.currency);
    if (minor === null) {
      out.error(`--partial takes an amount in ${row.currency} such as 12.50, not "${values.partial}"`);
      return 2;
    }
    amount = minor;
  }
  try {
    const outcome = await reviewDispute(db, {
      number: number!,
      action,
      ...(amount === undefined ? {} : { amount }),
      ...(values.note ? { note: values.note } : {}),
    });
    for (const line of describeOutcome(outcome)) out.log(line);
    return 0;
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const { code, detail } = error.problem;
    const text: Record<string, string> = {
      not_found: `No dispute ${number}.`,
      dispute_closed: `Dispute ${number} is ${detail?.replace('_', ' ')}: it cannot be ${action === 'start' ? 'started' : 'decided'} now.`,
      validation_failed: `${detail ?? 'Invalid amount'}.`,
    };
    out.error(text[code] ?? error.message);
    return 1;
  }
}
