/**
 * Every route of the billing API, under `/api/v1`. The export name is the
 * OpenAPI `operationId`; the server must register a handler for each one
 * (its route table is typed against this module), so a route cannot exist
 * without a contract, nor a contract without a route.
 *
 * Endpoints live in one module per domain, and elements import the module
 * they need: a bundler then ships only those schemas (the guest page never
 * carries the invoice lists' schemas, nor the admin API's).
 */
export * from './accounts.js';
export * from './autopay.js';
export * from './dashboard.js';
export * from './disputes.js';
export * from './documents.js';
export * from './enrollment.js';
export * from './guest.js';
export * from './inbound-charges.js';
export * from './invoices.js';
export * from './payment-methods.js';
export * from './payments.js';
export * from './session.js';
export * from './signup.js';
export * from './users.js';
export * from './wallet.js';
