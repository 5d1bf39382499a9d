/** The invoice-detail message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import invoiceDetail from './en/invoice-detail.js';

export const invoiceDetailMessages: MessageBundle = {
  id: 'invoice-detail',
  en: invoiceDetail,
  load: { fr: () => import('./fr/invoice-detail.js') },
};
