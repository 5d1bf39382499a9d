/** The accounts message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import accounts from './en/accounts.js';

export const accountsMessages: MessageBundle = {
  id: 'accounts',
  en: accounts,
  load: { fr: () => import('./fr/accounts.js') },
};
