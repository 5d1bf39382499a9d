/**
 * Inbound charges ("frais internes"). Endpoints under `/api/v1`; see
 * `index.ts` and `schemas/inbound-charges.ts`.
 *
 * Anyone who sees an account may read its settings. Changing them is
 * account administration: SPEC's roles table has no row of its own for it,
 * and treats XML enrolment, the closest per-account setting, as open to
 * administrators and to managers for their own scope; inbound charges follow
 * that row (payers and viewers: 403).
 */
import { endpoint } from '../endpoint.js';
import { AccountParams } from '../schemas/account.js';
import {
  AddInboundExceptionRequest,
  ImportInboundExceptionsRequest,
  ImportReport,
  InboundChargeList,
  InboundChargeSettings,
  InboundException,
  InboundExceptionParams,
  UpdateInboundChargesRequest,
} from '../schemas/inbound-charges.js';

/** Every account the caller may see, with its default rule, toggle and number of exceptions. */
export const listInboundCharges = endpoint('GET', '/inbound-charges', { response: InboundChargeList });

/** One account's settings with its exceptions. */
export const getInboundCharges = endpoint('GET', '/accounts/{number}/inbound-charges', {
  params: AccountParams,
  response: InboundChargeSettings,
});

/** Changes the default rule and/or the "contact me before billing" toggle. */
export const updateInboundCharges = endpoint('PATCH', '/accounts/{number}/inbound-charges', {
  params: AccountParams,
  body: UpdateInboundChargesRequest,
  response: InboundChargeSettings,
});

/** Adds one shipper account as an exception. Refusals: `exception_exists` (409), `too_many_exceptions` (422). */
export const addInboundException = endpoint('POST', '/accounts/{number}/inbound-charges/exceptions', {
  params: AccountParams,
  body: AddInboundExceptionRequest,
  response: InboundException,
  status: 201,
});

/** Removes one exception; 404 when the shipper is not in the list. */
export const removeInboundException = endpoint('DELETE', '/accounts/{number}/inbound-charges/exceptions/{shipper}', {
  params: InboundExceptionParams,
  response: null,
});

/** Checks a CSV of exceptions (`commit: false`), or adds its good rows once the user confirmed (`commit: true`). */
export const importInboundExceptions = endpoint('POST', '/accounts/{number}/inbound-charges/exceptions/import', {
  params: AccountParams,
  body: ImportInboundExceptionsRequest,
  response: ImportReport,
});
