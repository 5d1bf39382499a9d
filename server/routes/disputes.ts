import {
  createDispute,
  downloadDisputeAttachment,
  getDispute,
  listDisputes,
  withdrawDispute,
} from '../../src/api/endpoints/index.js';
import { createDispute as create } from '../disputes/create.js';
import * as disputes from '../domain/disputes.js';
import { defineRoute } from '../http/route.js';

export const listDisputesRoute = defineRoute({
  endpoint: listDisputes,
  summary: 'Disputes of the invoices the caller may see, filtered, newest first',
  tags: ['disputes'],
  capability: 'invoices:read',
  handler: (ctx) => disputes.listDisputes(ctx.db, ctx.caller, ctx.query ?? {}),
});

export const getDisputeRoute = defineRoute({
  endpoint: getDispute,
  summary: 'One dispute with its lines, attachments and history',
  tags: ['disputes'],
  capability: 'invoices:read',
  handler: async (ctx) => {
    const dispute = await disputes.getDispute(ctx.db, ctx.caller, ctx.params.id);
    ctx.require('invoices:read');
    return dispute;
  },
});

export const createDisputeRoute = defineRoute({
  endpoint: createDispute,
  summary: 'Dispute an invoice, some of its shipments or charge lines (multipart: JSON `body` and `files`)',
  tags: ['disputes'],
  // Checked before the handler (the route has no path params); the invoice is then looked up in scope (404).
  capability: 'disputes:write',
  handler: (ctx) => create(ctx.services, ctx.caller, ctx.body, ctx.files),
});

export const withdrawDisputeRoute = defineRoute({
  endpoint: withdrawDispute,
  summary: 'Withdraw an open dispute',
  tags: ['disputes'],
  capability: 'disputes:write',
  handler: (ctx) =>
    disputes.withdrawDispute(ctx.services, ctx.caller, ctx.params.id, ctx.body, () => ctx.require('disputes:write')),
});

export const downloadDisputeAttachmentRoute = defineRoute({
  endpoint: downloadDisputeAttachment,
  summary: 'One file attached to a dispute, as uploaded',
  tags: ['disputes'],
  capability: 'invoices:read',
  handler: async (ctx) => {
    const response = await disputes.downloadAttachment(ctx.db, ctx.caller, ctx.params.id, ctx.params.attachmentId);
    ctx.require('invoices:read');
    return response;
  },
});
