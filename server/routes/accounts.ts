import {
  addAccount,
  cancelEnrollment,
  listAccounts,
  listPlans,
  setXmlEnrollment,
  updateAccount,
} from '../../src/api/endpoints/index.js';
import * as accounts from '../domain/accounts.js';
import { defineRoute } from '../http/route.js';

export const listAccountsRoute = defineRoute({
  endpoint: listAccounts,
  summary: 'Shipping accounts in the caller’s scope',
  tags: ['accounts'],
  capability: 'invoices:read',
  handler: async (ctx) => ({ items: await accounts.listAccounts(ctx.db, ctx.caller) }),
});

export const listPlansRoute = defineRoute({
  endpoint: listPlans,
  summary: 'Billing plans in the caller’s scope',
  tags: ['accounts'],
  capability: 'invoices:read',
  handler: async (ctx) => ({ items: await accounts.listPlans(ctx.db, ctx.caller) }),
});

export const updateAccountRoute = defineRoute({
  endpoint: updateAccount,
  summary: 'Name an account (its nickname)',
  tags: ['accounts'],
  // SPEC gives managers only XML enrolment among account administration; naming stays with administrators.
  capability: 'accounts:write',
  handler: (ctx) =>
    accounts.updateAccount(ctx.services, ctx.caller, ctx.params.number, ctx.body, () => ctx.require('accounts:write')),
});

export const setXmlEnrollmentRoute = defineRoute({
  endpoint: setXmlEnrollment,
  summary: 'Turn XML invoices on or off for an account',
  tags: ['accounts'],
  capability: 'accounts:xml',
  handler: (ctx) =>
    accounts.setXmlEnrollment(ctx.services, ctx.caller, ctx.params.number, ctx.body, () => ctx.require('accounts:xml')),
});

export const addAccountRoute = defineRoute({
  endpoint: addAccount,
  summary: 'Add an account, proved by one of its invoices of the last 45 days',
  tags: ['accounts'],
  capability: 'accounts:write',
  handler: (ctx) => accounts.addAccount(ctx.services, ctx.caller, ctx.body),
});

export const cancelEnrollmentRoute = defineRoute({
  endpoint: cancelEnrollment,
  summary: 'Stop managing an account in the billing center, with a reason',
  tags: ['accounts'],
  capability: 'accounts:write',
  handler: async (ctx) => {
    await accounts.cancelEnrollment(ctx.services, ctx.caller, ctx.params.number, ctx.body, () =>
      ctx.require('accounts:write'),
    );
    return undefined;
  },
});
