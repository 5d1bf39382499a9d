/** Names of dispute statuses and reasons, shared by the dispute elements: English bundled, other locales on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import dispute from './en/dispute.js';

export const disputeMessages: MessageBundle = {
  id: 'dispute',
  en: dispute,
  load: { fr: () => import('./fr/dispute.js') },
};
