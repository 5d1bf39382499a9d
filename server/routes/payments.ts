import {
  cancelPayment,
  createBankToken,
  createCardToken,
  createGuestPayment,
  createPayment,
  getPayment,
  getPaymentTypes,
  guestLookup,
  listPayments,
} from '../../src/api/endpoints/index.js';
import * as payments from '../domain/payments.js';
import { defineRoute } from '../http/route.js';
import { createBankToken as bankToken, createCardToken as cardToken } from '../payments/tokens.js';

export const getPaymentTypesRoute = defineRoute({
  endpoint: getPaymentTypes,
  summary: 'The ways to pay offered in a country, and where the card frame is served',
  tags: ['payments'],
  capability: null,
  handler: async (ctx) => payments.paymentTypes(ctx.services, ctx.query.country),
});

export const createCardTokenRoute = defineRoute({
  endpoint: createCardToken,
  summary: 'Tokenize a card (called by the isolated card frame only)',
  tags: ['payments'],
  capability: null,
  handler: (ctx) => cardToken(ctx.services, ctx.body, ctx.ip),
});

export const createBankTokenRoute = defineRoute({
  endpoint: createBankToken,
  summary: 'Tokenize a bank account (ACH, SEPA) or link PayPal',
  tags: ['payments'],
  capability: null,
  handler: (ctx) => bankToken(ctx.services, ctx.body, ctx.ip),
});

export const createPaymentRoute = defineRoute({
  endpoint: createPayment,
  summary: 'Pay invoices now, or schedule the payment for its processing date',
  tags: ['payments'],
  // Checked by the domain once the invoices are found in scope: out of scope stays 404.
  capability: 'payments:write',
  handler: (ctx) =>
    payments.payAsUser(ctx.services, ctx.caller, ctx.body, ctx.hono.req.header('idempotency-key'), () =>
      ctx.require('payments:write'),
    ),
});

export const listPaymentsRoute = defineRoute({
  endpoint: listPayments,
  summary: 'Payments touching the caller’s invoices',
  tags: ['payments'],
  capability: 'invoices:read',
  handler: (ctx) => payments.listPayments(ctx.services, ctx.caller, ctx.query ?? {}),
});

export const getPaymentRoute = defineRoute({
  endpoint: getPayment,
  summary: 'One payment’s receipt',
  tags: ['payments'],
  capability: 'invoices:read',
  handler: async (ctx) => {
    const receipt = await payments.getPayment(ctx.services, ctx.caller, ctx.params.confirmation);
    ctx.require('invoices:read');
    return receipt;
  },
});

export const cancelPaymentRoute = defineRoute({
  endpoint: cancelPayment,
  summary: 'Cancel a scheduled payment before its date',
  tags: ['payments'],
  capability: 'payments:write',
  handler: (ctx) =>
    payments.cancelPayment(ctx.services, ctx.caller, ctx.params.confirmation, () => ctx.require('payments:write')),
});

export const guestLookupRoute = defineRoute({
  endpoint: guestLookup,
  summary: 'Identify one invoice to pay without signing in',
  tags: ['guest'],
  capability: null,
  handler: (ctx) => payments.guestLookup(ctx.services, ctx.body, ctx.ip),
});

export const createGuestPaymentRoute = defineRoute({
  endpoint: createGuestPayment,
  summary: 'Pay the identified invoice in full, now',
  tags: ['guest'],
  capability: null,
  handler: (ctx) => payments.payAsGuest(ctx.services, ctx.body, ctx.hono.req.header('idempotency-key')),
});
