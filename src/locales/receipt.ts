/** The receipt message bundle, shared by the elements that show receipts: English bundled, others loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import receipt from './en/receipt.js';

export const receiptMessages: MessageBundle = {
  id: 'receipt',
  en: receipt,
  load: { fr: () => import('./fr/receipt.js') },
};
