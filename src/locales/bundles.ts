/**
 * The message bundles, one per element plus the common one. Each names its
 * English catalog (bundled) and how to load each other locale (on demand).
 */
import type { MessageBundle } from '../internal/i18n.js';
import common from './en/common.js';
import invoiceTable from './en/invoice-table.js';

export const commonMessages: MessageBundle = {
  id: 'common',
  en: common,
  load: { fr: () => import('./fr/common.js') },
};

export const invoiceTableMessages: MessageBundle = {
  id: 'invoice-table',
  en: invoiceTable,
  load: { fr: () => import('./fr/invoice-table.js') },
};
