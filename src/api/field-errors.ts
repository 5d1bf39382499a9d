/**
 * Turns zod issues into `fieldErrors` (path → field code). The server uses it
 * for problem documents and the client for checks before sending, so one bad
 * value gets the same code, and thus the same message, on both sides.
 */
import type * as z from 'zod/mini';
import type { FieldCode } from './schemas/problem.js';

type Issue = z.core.$ZodIssue;

/** Parse options for request data: the issue must carry the input to tell "missing" from "wrong". */
export const PARSE_OPTIONS = { reportInput: true } as const;

function codeOf(issue: Issue): FieldCode {
  // A check may name its own code (`z.refine(…, { params: { fieldCode } })`) when the generic one
  // would not tell the user what to type, e.g. `amount_format` for an amount with a currency sign.
  const own = (issue as { params?: { fieldCode?: FieldCode } }).params?.fieldCode;
  if (own) return own;
  switch (issue.code) {
    case 'invalid_type':
      // Needs parsing with `reportInput: true` (see PARSE_OPTIONS) to tell absent from wrong.
      return issue.input === undefined ? 'required' : 'invalid_type';
    case 'too_small':
      if (issue.origin !== 'string') return 'too_small';
      return issue.minimum === 1 ? 'required' : 'too_short';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_big';
    case 'invalid_format':
      return 'invalid_format';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid_value';
  }
}

export function toFieldErrors(issues: readonly Issue[]): Record<string, FieldCode> {
  const out: Record<string, FieldCode> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out[[...issue.path, key].join('.')] ??= 'unknown_field';
      continue;
    }
    const path = issue.path.map(String).join('.') || '_';
    // The first problem of a field is the one worth telling the user.
    out[path] ??= codeOf(issue);
  }
  return out;
}
