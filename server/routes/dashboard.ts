import { getDashboard } from '../../src/api/endpoints/index.js';
import { dashboard } from '../domain/dashboard.js';
import { defineRoute } from '../http/route.js';

export const getDashboardRoute = defineRoute({
  endpoint: getDashboard,
  summary: 'Balance due, past due, due this week, aging buckets and alerts',
  tags: ['dashboard'],
  capability: 'invoices:read',
  handler: (ctx) => dashboard(ctx.db, ctx.caller, ctx.services.now().toISOString().slice(0, 10)),
});
