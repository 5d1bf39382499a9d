import { listServedCountries, openPaymentAccount, signUp } from '../../src/api/endpoints/index.js';
import * as signup from '../domain/signup.js';
import { defineRoute } from '../http/route.js';

export const signUpRoute = defineRoute({
  endpoint: signUp,
  summary: 'Create a user ID without an invoice; its owner is signed in, with no company yet',
  tags: ['signup'],
  capability: null,
  handler: (ctx) => signup.signUp(ctx.services, ctx.body, ctx.ip),
});

export const openPaymentAccountRoute = defineRoute({
  endpoint: openPaymentAccount,
  summary: 'Open a payment account: a new company with the caller as administrator and a first payment method',
  tags: ['signup'],
  // Only for a caller without a company, who has no role yet: the domain checks that.
  capability: null,
  handler: (ctx) => signup.openPaymentAccount(ctx.services, ctx.caller, ctx.body),
});

export const listServedCountriesRoute = defineRoute({
  endpoint: listServedCountries,
  summary: 'The countries a payment account may be opened in',
  tags: ['signup'],
  capability: null,
  handler: async () => ({ items: signup.servedCountries() }),
});
