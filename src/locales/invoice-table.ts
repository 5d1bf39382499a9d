/** The invoice-table message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import invoiceTable from './en/invoice-table.js';

export const invoiceTableMessages: MessageBundle = {
  id: 'invoice-table',
  en: invoiceTable,
  load: { fr: () => import('./fr/invoice-table.js') },
};
