import {
  addInboundException,
  getInboundCharges,
  importInboundExceptions,
  listInboundCharges,
  removeInboundException,
  updateInboundCharges,
} from '../../src/api/endpoints/index.js';
import * as inbound from '../domain/inbound-charges.js';
import { defineRoute } from '../http/route.js';

export const listInboundChargesRoute = defineRoute({
  endpoint: listInboundCharges,
  summary: 'Inbound-charge settings of every account in the caller’s scope',
  tags: ['inbound-charges'],
  capability: 'invoices:read',
  handler: (ctx) => inbound.listInboundCharges(ctx.db, ctx.caller),
});

export const getInboundChargesRoute = defineRoute({
  endpoint: getInboundCharges,
  summary: 'One account’s inbound-charge settings and exceptions',
  tags: ['inbound-charges'],
  capability: 'invoices:read',
  handler: async (ctx) => {
    const settings = await inbound.getInboundCharges(ctx.db, ctx.caller, ctx.params.number);
    ctx.require('invoices:read');
    return settings;
  },
});

export const updateInboundChargesRoute = defineRoute({
  endpoint: updateInboundCharges,
  summary: 'Change an account’s default rule or “contact me before billing”',
  tags: ['inbound-charges'],
  capability: 'inbound:write',
  handler: (ctx) =>
    inbound.updateInboundCharges(ctx.services, ctx.caller, ctx.params.number, ctx.body, () =>
      ctx.require('inbound:write'),
    ),
});

export const addInboundExceptionRoute = defineRoute({
  endpoint: addInboundException,
  summary: 'Add a shipper account as an exception to the default rule',
  tags: ['inbound-charges'],
  capability: 'inbound:write',
  handler: (ctx) =>
    inbound.addInboundException(ctx.services, ctx.caller, ctx.params.number, ctx.body, () =>
      ctx.require('inbound:write'),
    ),
});

export const removeInboundExceptionRoute = defineRoute({
  endpoint: removeInboundException,
  summary: 'Remove a shipper account from the exceptions',
  tags: ['inbound-charges'],
  capability: 'inbound:write',
  handler: async (ctx) => {
    await inbound.removeInboundException(ctx.services, ctx.caller, ctx.params.number, ctx.params.shipper, () =>
      ctx.require('inbound:write'),
    );
    return undefined;
  },
});

export const importInboundExceptionsRoute = defineRoute({
  endpoint: importInboundExceptions,
  summary: 'Check a CSV of exceptions, or add its good rows once confirmed',
  tags: ['inbound-charges'],
  capability: 'inbound:write',
  handler: (ctx) =>
    inbound.importInboundExceptions(ctx.services, ctx.caller, ctx.params.number, ctx.body, () =>
      ctx.require('inbound:write'),
    ),
});
