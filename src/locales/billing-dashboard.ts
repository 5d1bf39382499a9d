/** The billing-dashboard message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import dashboard from './en/billing-dashboard.js';

export const dashboardMessages: MessageBundle = {
  id: 'billing-dashboard',
  en: dashboard,
  load: { fr: () => import('./fr/billing-dashboard.js') },
};
