/** The payment-activity message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import activity from './en/payment-activity.js';

export const paymentActivityMessages: MessageBundle = {
  id: 'payment-activity',
  en: activity,
  load: { fr: () => import('./fr/payment-activity.js') },
};
