/** The one error type the client throws for anything but an abort. */
import type { Problem, ProblemCode } from './schemas/problem.js';

/**
 * Codes the client adds to the server's: the request never got a usable
 * answer, so there is no problem document to read a code from.
 */
export type ClientErrorCode = 'network_error' | 'timeout' | 'invalid_response';

export type BillingErrorCode = ProblemCode | ClientErrorCode;

export class BillingApiError extends Error {
  override readonly name = 'BillingApiError';
  /** Stable code; map it to a message with the locale catalog, never show `message`. */
  readonly code: BillingErrorCode | (string & {});
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Seconds to wait before retrying, when the server said so. */
  readonly retryAfter: number | undefined;
  /** A value the code's message needs, when the server gave one (e.g. the open dispute's number for `dispute_exists`). */
  readonly detail: string | undefined;

  constructor(problem: Pick<Problem, 'code' | 'status' | 'title'> & Partial<Problem>) {
    super(problem.detail ?? problem.title);
    this.code = problem.code;
    this.status = problem.status;
    this.fieldErrors = problem.fieldErrors ?? {};
    this.retryAfter = problem.retryAfter;
    this.detail = problem.detail;
  }
}

export function isBillingApiError(error: unknown): error is BillingApiError {
  return error instanceof BillingApiError;
}
