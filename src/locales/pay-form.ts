/** The pay-form message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import payForm from './en/pay-form.js';

export const payFormMessages: MessageBundle = {
  id: 'pay-form',
  en: payForm,
  load: { fr: () => import('./fr/pay-form.js') },
};
