/**
 * Problem documents (RFC 9457). Domain code throws `ProblemError`; the app's
 * error handler turns it into `application/problem+json`. Anything else that
 * escapes is logged and answered with a bare `internal_error`: never a stack.
 */
import type { Problem, ProblemCode } from '../../src/api/schemas/problem.js';

const TITLES: Record<ProblemCode, string> = {
  validation_failed: 'The request has invalid values',
  malformed_json: 'The request body is not valid JSON',
  unsupported_media_type: 'The request body must be application/json',
  payload_too_large: 'The request body is too large',
  unauthenticated: 'Sign-in required',
  token_invalid: 'The session token is not valid',
  token_expired: 'The session has expired',
  invalid_credentials: 'User ID or password is incorrect',
  forbidden: 'Your role does not allow this action',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  rate_limited: 'Too many attempts',
  conflict: 'The request conflicts with the current state',
  internal_error: 'Something went wrong on our side',
  xml_not_enrolled: 'This account is not enrolled in XML invoices',
  too_many_invoices: 'Too many invoices for one download',
};

export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(status: number, code: ProblemCode | (string & {}), extras: Partial<Problem> = {}) {
    const title = TITLES[code as ProblemCode] ?? code;
    super(title);
    this.problem = { type: `urn:ups-billing:problem:${code}`, title, status, code, ...extras };
  }
}

export const notFound = () => new ProblemError(404, 'not_found');
export const forbidden = () => new ProblemError(403, 'forbidden');

export function problemBody(problem: Problem): string {
  return JSON.stringify(problem);
}

export function problemResponse(problem: Problem): Response {
  const headers = new Headers({ 'content-type': 'application/problem+json' });
  if (problem.retryAfter !== undefined) headers.set('retry-after', String(problem.retryAfter));
  return new Response(problemBody(problem), { status: problem.status, headers });
}
