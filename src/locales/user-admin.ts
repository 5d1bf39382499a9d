/** The <ups-user-admin> message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import userAdmin from './en/user-admin.js';

export const userAdminMessages: MessageBundle = {
  id: 'user-admin',
  en: userAdmin,
  load: { fr: () => import('./fr/user-admin.js') },
};
