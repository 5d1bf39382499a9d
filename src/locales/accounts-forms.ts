/**
 * The message bundle of <ups-accounts>' dialogs (nickname, XML enrolment,
 * Add account, cancel enrolment): registered when the dialogs' code loads,
 * so a page that only lists accounts — or a viewer's — never carries it.
 */
import type { MessageBundle } from '../internal/i18n.js';
import forms from './en/accounts-forms.js';

export const accountsFormMessages: MessageBundle = {
  id: 'accounts-forms',
  en: forms,
  load: { fr: () => import('./fr/accounts-forms.js') },
};
