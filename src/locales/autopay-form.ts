/** The AutoPay form's message bundle, loaded with the form: English bundled with it, other locales on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import form from './en/autopay-form.js';

export const autopayFormMessages: MessageBundle = {
  id: 'autopay-form',
  en: form,
  load: { fr: () => import('./fr/autopay-form.js') },
};
