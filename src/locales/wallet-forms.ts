/**
 * The message bundle of the wallet's dialogs (add, edit, remove): registered
 * when the dialogs' code loads, so a page that only lists methods never
 * carries it. English bundled with the dialogs, other locales on first use.
 */
import type { MessageBundle } from '../internal/i18n.js';
import forms from './en/wallet-forms.js';

export const walletFormMessages: MessageBundle = {
  id: 'wallet-forms',
  en: forms,
  load: { fr: () => import('./fr/wallet-forms.js') },
};
