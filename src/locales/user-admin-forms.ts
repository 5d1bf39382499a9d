/**
 * The message bundle of <ups-user-admin>'s parts loaded on demand (dialogs,
 * recovery form, audit log): registered when one of them loads, so the list
 * alone never carries it. English bundled with them, other locales on first use.
 */
import type { MessageBundle } from '../internal/i18n.js';
import forms from './en/user-admin-forms.js';

export const userAdminFormMessages: MessageBundle = {
  id: 'user-admin-forms',
  en: forms,
  load: { fr: () => import('./fr/user-admin-forms.js') },
};
