/** The wallet message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import wallet from './en/wallet.js';

export const walletMessages: MessageBundle = {
  id: 'wallet',
  en: wallet,
  load: { fr: () => import('./fr/wallet.js') },
};
