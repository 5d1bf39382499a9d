/** The dispute form's message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import disputeForm from './en/dispute-form.js';

export const disputeFormMessages: MessageBundle = {
  id: 'dispute-form',
  en: disputeForm,
  load: { fr: () => import('./fr/dispute-form.js') },
};
