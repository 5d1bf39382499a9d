/** AutoPay rules. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint } from '../endpoint.js';
import {
  AutopayAgreement,
  AutopayPreview,
  AutopayRule,
  AutopayRuleList,
  AutopayRuleRequest,
  RuleParams,
} from '../schemas/autopay.js';

/** Rules on the accounts and plans the caller may see, and where a new one may go. */
export const listAutopayRules = endpoint('GET', '/autopay-rules', { response: AutopayRuleList });

/** The agreement text a user accepts when creating or changing a rule. */
export const getAutopayAgreement = endpoint('GET', '/autopay-agreement', { response: AutopayAgreement });

/** What a rule would do on its next run, without saving it. */
export const previewAutopayRule = endpoint('POST', '/autopay-rules/preview', {
  body: AutopayRuleRequest,
  response: AutopayPreview,
});

/** Creates a rule: one active rule per account or plan. */
export const createAutopayRule = endpoint('POST', '/autopay-rules', {
  body: AutopayRuleRequest,
  response: AutopayRule,
  status: 201,
});

/** Changes a rule (not its scope); a suspended rule with a usable method becomes active again. */
export const updateAutopayRule = endpoint('PUT', '/autopay-rules/{id}', {
  params: RuleParams,
  body: AutopayRuleRequest,
  response: AutopayRule,
});

/** Cancels a rule. Invoices it already paid stay paid. */
export const cancelAutopayRule = endpoint('DELETE', '/autopay-rules/{id}', { params: RuleParams, response: null });
