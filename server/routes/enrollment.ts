import { checkEnrollmentInvoice, enrollCompany } from '../../src/api/endpoints/index.js';
import * as enrollment from '../domain/enrollment.js';
import { defineRoute } from '../http/route.js';

export const checkEnrollmentInvoiceRoute = defineRoute({
  endpoint: checkEnrollmentInvoice,
  summary: 'Check the invoice values of a sign-up and name the account they prove',
  tags: ['enrollment'],
  capability: null,
  handler: (ctx) => enrollment.checkEnrollmentInvoice(ctx.services, ctx.body, ctx.ip),
});

export const enrollCompanyRoute = defineRoute({
  endpoint: enrollCompany,
  summary: 'Sign a company up with one of its accounts; its first user becomes administrator and is signed in',
  tags: ['enrollment'],
  capability: null,
  handler: (ctx) => enrollment.enrollCompany(ctx.services, ctx.body, ctx.ip),
});
