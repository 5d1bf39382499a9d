/** Accounts and billing plans. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint } from '../endpoint.js';
import { AccountList, PlanList } from '../schemas/account.js';

/** Shipping accounts the caller may see. */
export const listAccounts = endpoint('GET', '/accounts', { response: AccountList });

/** Billing plans the caller may see. */
export const listPlans = endpoint('GET', '/plans', { response: PlanList });
