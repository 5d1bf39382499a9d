/** The AutoPay message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import autopay from './en/autopay.js';

export const autopayMessages: MessageBundle = {
  id: 'autopay',
  en: autopay,
  load: { fr: () => import('./fr/autopay.js') },
};
