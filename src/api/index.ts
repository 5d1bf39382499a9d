/** The API contract and client, for hosts and for the reference server. */
export * from './client.js';
export * from './endpoint.js';
export * as endpoints from './endpoints/index.js';
export * from './errors.js';
export * from './field-errors.js';
export * from './schemas/account.js';
export * from './schemas/common.js';
export * from './schemas/invoice.js';
export * from './schemas/problem.js';
export * from './schemas/session.js';
