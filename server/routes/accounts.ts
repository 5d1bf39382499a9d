import { listAccounts, listPlans } from '../../src/api/endpoints/index.js';
import { listAccounts as accountsOf, listPlans as plansOf } from '../domain/accounts.js';
import { defineRoute } from '../http/route.js';

export const listAccountsRoute = defineRoute({
  endpoint: listAccounts,
  summary: 'Shipping accounts in the caller’s scope',
  tags: ['accounts'],
  capability: 'invoices:read',
  handler: async (ctx) => ({ items: await accountsOf(ctx.db, ctx.caller) }),
});

export const listPlansRoute = defineRoute({
  endpoint: listPlans,
  summary: 'Billing plans in the caller’s scope',
  tags: ['accounts'],
  capability: 'invoices:read',
  handler: async (ctx) => ({ items: await plansOf(ctx.db, ctx.caller) }),
});
