/** The wallet: payment methods a user saved. */
import './zod-config.js';
import * as z from 'zod/mini';
import { MethodSummary } from './invoice.js';

export const WalletMethod = z.object({
  id: z.string(),
  method: MethodSummary,
  holder: z.nullable(z.string()),
  nickname: z.nullable(z.string()),
  expMonth: z.nullable(z.int()),
  expYear: z.nullable(z.int()),
  isDefault: z.boolean(),
  /** Cards past their expiry month; the pay form does not offer them. */
  expired: z.boolean(),
});
export type WalletMethod = z.infer<typeof WalletMethod>;

export const WalletList = z.object({ items: z.array(WalletMethod) });
export type WalletList = z.infer<typeof WalletList>;
