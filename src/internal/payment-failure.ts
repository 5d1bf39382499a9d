/**
 * A payment's failure code as a sentence. Decline codes have their own
 * message; any other code (the server adds some over time) reads as "did not
 * go through" with the code, rather than as a raw key.
 * Elements using it list `paymentFailureMessages` among their bundles.
 */
import type { MessageKey } from '../locales/types.js';
import type { I18n } from './i18n.js';

export function paymentFailure(i18n: I18n, code: string): string {
  const key = `paymentFailure.${code}` as MessageKey;
  const text = i18n.t(key);
  return text === key ? i18n.t('paymentFailure.unknown', { code }) : text;
}
