import {
  cancelAutopayRule,
  createAutopayRule,
  getAutopayAgreement,
  listAutopayRules,
  previewAutopayRule,
  updateAutopayRule,
} from '../../src/api/endpoints/index.js';
import { AUTOPAY_AGREEMENT } from '../autopay/agreement.js';
import * as autopay from '../domain/autopay.js';
import { defineRoute } from '../http/route.js';

export const listAutopayRulesRoute = defineRoute({
  endpoint: listAutopayRules,
  summary: 'AutoPay rules on the caller’s accounts and plans, and where a new one may go',
  tags: ['autopay'],
  capability: 'invoices:read',
  handler: (ctx) => autopay.listRules(ctx.services, ctx.caller),
});

export const getAutopayAgreementRoute = defineRoute({
  endpoint: getAutopayAgreement,
  summary: 'The AutoPay agreement text, versioned',
  tags: ['autopay'],
  capability: 'invoices:read',
  handler: async () => AUTOPAY_AGREEMENT,
});

export const previewAutopayRuleRoute = defineRoute({
  endpoint: previewAutopayRule,
  summary: 'What a rule would do on its next run, without saving it',
  tags: ['autopay'],
  capability: 'autopay:write',
  handler: (ctx) => autopay.previewRule(ctx.services, ctx.caller, ctx.body),
});

export const createAutopayRuleRoute = defineRoute({
  endpoint: createAutopayRule,
  summary: 'Create an AutoPay rule on an account or a plan',
  tags: ['autopay'],
  capability: 'autopay:write',
  handler: (ctx) => autopay.createRule(ctx.services, ctx.caller, ctx.body),
});

export const updateAutopayRuleRoute = defineRoute({
  endpoint: updateAutopayRule,
  summary: 'Change an AutoPay rule; a suspended rule with a usable method resumes',
  tags: ['autopay'],
  capability: 'autopay:write',
  handler: (ctx) =>
    autopay.updateRule(ctx.services, ctx.caller, ctx.params.id, ctx.body, () => ctx.require('autopay:write')),
});

export const cancelAutopayRuleRoute = defineRoute({
  endpoint: cancelAutopayRule,
  summary: 'Cancel an AutoPay rule',
  tags: ['autopay'],
  capability: 'autopay:write',
  handler: async (ctx) => {
    await autopay.cancelRule(ctx.services, ctx.caller, ctx.params.id, () => ctx.require('autopay:write'));
    return undefined;
  },
});
