/** The <ups-inbound-charges> message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import inboundCharges from './en/inbound-charges.js';

export const inboundChargesMessages: MessageBundle = {
  id: 'inbound-charges',
  en: inboundCharges,
  load: { fr: () => import('./fr/inbound-charges.js') },
};
