import {
  addPaymentMethod,
  listPaymentMethods,
  removePaymentMethod,
  updatePaymentMethod,
} from '../../src/api/endpoints/index.js';
import * as wallet from '../domain/wallet.js';
import { defineRoute } from '../http/route.js';

export const listPaymentMethodsRoute = defineRoute({
  endpoint: listPaymentMethods,
  summary: 'The payment methods the caller saved',
  tags: ['wallet'],
  capability: 'invoices:read',
  handler: async (ctx) => ({ items: await wallet.listWallet(ctx.db, ctx.caller, ctx.services.now()) }),
});

export const addPaymentMethodRoute = defineRoute({
  endpoint: addPaymentMethod,
  summary: 'Save a method entered now (card-frame or bank token) to the wallet',
  tags: ['wallet'],
  capability: 'wallet:write',
  handler: (ctx) => wallet.addMethod(ctx.services, ctx.caller, ctx.body),
});

export const updatePaymentMethodRoute = defineRoute({
  endpoint: updatePaymentMethod,
  summary: 'Rename a method, make it the default, or correct a card’s expiry, holder or billing address',
  tags: ['wallet'],
  capability: 'wallet:write',
  handler: (ctx) =>
    wallet.updateMethod(ctx.services, ctx.caller, ctx.params.id, ctx.body, () => ctx.require('wallet:write')),
});

export const removePaymentMethodRoute = defineRoute({
  endpoint: removePaymentMethod,
  summary: 'Remove a method; each AutoPay rule using it is switched to another method or suspended',
  tags: ['wallet'],
  capability: 'wallet:write',
  handler: async (ctx) => {
    await wallet.removeMethod(ctx.services, ctx.caller, ctx.params.id, ctx.body, () => ctx.require('wallet:write'));
    return undefined;
  },
});
