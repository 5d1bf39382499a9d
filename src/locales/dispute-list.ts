/** The dispute-list message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import disputeList from './en/dispute-list.js';

export const disputeListMessages: MessageBundle = {
  id: 'dispute-list',
  en: disputeList,
  load: { fr: () => import('./fr/dispute-list.js') },
};
