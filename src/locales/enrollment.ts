/** The enrolment message bundle: English bundled, other locales loaded on first use. */
import type { MessageBundle } from '../internal/i18n.js';
import enrollment from './en/enrollment.js';

export const enrollmentMessages: MessageBundle = {
  id: 'enrollment',
  en: enrollment,
  load: { fr: () => import('./fr/enrollment.js') },
};
