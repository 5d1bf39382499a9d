/** The common message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import common from './en/common.js';

export const commonMessages: MessageBundle = {
  id: 'common',
  en: common,
  load: { fr: () => import('./fr/common.js') },
};
