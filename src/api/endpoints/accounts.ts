/**
 * Accounts and billing plans. Endpoints under `/api/v1`; see `index.ts`.
 *
 * Account administration follows SPEC's roles table: administrators add
 * accounts, cancel their enrolment and name them; managers change XML
 * enrolment of the accounts in their scope; everyone else only reads. An
 * account the caller may not see is "not found" (404) whatever the role.
 */
import { endpoint } from '../endpoint.js';
import {
  Account,
  AccountList,
  AccountParams,
  CancelEnrollmentRequest,
  PlanList,
  UpdateAccountRequest,
  XmlEnrollmentRequest,
} from '../schemas/account.js';
import { InvoiceProof } from '../schemas/invoice-proof.js';

/** Shipping accounts the caller may see. */
export const listAccounts = endpoint('GET', '/accounts', { response: AccountList });

/** Billing plans the caller may see. */
export const listPlans = endpoint('GET', '/plans', { response: PlanList });

/** Names an account (administrators). */
export const updateAccount = endpoint('PATCH', '/accounts/{number}', {
  params: AccountParams,
  body: UpdateAccountRequest,
  response: Account,
});

/** XML invoices on or off for one account (administrators; managers for accounts in their scope). */
export const setXmlEnrollment = endpoint('PUT', '/accounts/{number}/xml-enrollment', {
  params: AccountParams,
  body: XmlEnrollmentRequest,
  response: Account,
});

/**
 * Adds an account to the caller's company, proved by one of its invoices of
 * the last 45 days (see `schemas/invoice-proof.ts`). Refusals:
 * `invoice_date_out_of_window` (422), `invoice_mismatch` (422, counted),
 * `rate_limited` (429, `retryAfter`; `detail`: the instant the lock ends),
 * `account_already_enrolled` (409),
 * `account_in_other_company` (409, `detail`: that company's name).
 */
export const addAccount = endpoint('POST', '/accounts', { body: InvoiceProof, response: Account, status: 201 });

/**
 * The company stops managing the account: it leaves every user's scope, its
 * AutoPay rule ends, its inbound-charge settings go, and its invoices are no
 * longer the company's. A reason is required; a comment when it is `other`.
 * Refusals: `account_in_plan` (409), `payments_in_progress` (409).
 */
export const cancelEnrollment = endpoint('POST', '/accounts/{number}/cancel-enrollment', {
  params: AccountParams,
  body: CancelEnrollmentRequest,
  response: null,
});
