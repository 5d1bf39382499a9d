import { listPaymentMethods } from '../../src/api/endpoints/index.js';
import { listWallet } from '../domain/wallet.js';
import { defineRoute } from '../http/route.js';

export const listPaymentMethodsRoute = defineRoute({
  endpoint: listPaymentMethods,
  summary: 'The payment methods the caller saved',
  tags: ['wallet'],
  capability: 'invoices:read',
  handler: async (ctx) => ({ items: await listWallet(ctx.db, ctx.caller, ctx.services.now()) }),
});
