/** How the server's field paths and codes land on the wallet dialogs' fields. */
import { firstMessage, placeFieldErrors } from '../../internal/field-errors.js';
import type { I18n } from '../../internal/i18n.js';

/**
 * The server's field path → the dialog field that shows its message. Bank
 * numbers are typed when adding; when editing they are one read-only field.
 */
function fieldFor(path: string, dialog: 'add' | 'edit'): string {
  if (path === 'expMonth' || path === 'expYear' || path === 'expiry') return 'expiry';
  if (path.startsWith('rules.')) return `rule-${path.split('.')[1]}`;
  if (path === 'billingAddress.postalCode') return 'postal-code';
  if (path.startsWith('billingAddress.')) return path.slice('billingAddress.'.length);
  if (path === 'mandateVersion') return 'mandate';
  const bank: Record<string, string> = { routingNumber: 'routing', accountNumber: 'account-number', iban: 'iban' };
  if (bank[path]) return dialog === 'edit' ? 'bank-number' : bank[path];
  return path;
}

/** The message of a field code: the wallet's own wording first, then the common one. */
function fieldMessage(i18n: I18n, code: string): string {
  return firstMessage(i18n, [`wallet.field.${code}`, `field.${code}`]);
}

/**
 * Where a refusal's field codes go: beside the fields the dialog shows
 * (`has`), or as loose messages for the summary. A rule the dialog does not
 * show means AutoPay changed since the list loaded.
 */
export function placeProblem(
  i18n: I18n,
  code: string,
  fieldErrors: Readonly<Record<string, string>>,
  dialog: 'add' | 'edit',
  has: (id: string) => boolean,
): { errors: Record<string, string>; loose: string[]; unknownRule: boolean } {
  const paths = { ...fieldErrors };
  if (code === 'expiry_in_past' && !Object.keys(paths).length) paths['expiry'] = 'in_past';
  if (code === 'bank_details_not_editable' && !Object.keys(paths).length) paths['accountNumber'] = code;
  const { errors, loose } = placeFieldErrors(
    paths,
    (path) => {
      const id = fieldFor(path, dialog);
      return has(id) ? id : null;
    },
    // The server says `not_editable` of each bank number; the wallet says why and what to do.
    (fieldCode) => fieldMessage(i18n, code === 'bank_details_not_editable' ? code : fieldCode),
  );
  const rule = (path: string) => path.startsWith('rules.');
  return {
    errors,
    loose: loose.filter(({ path }) => !rule(path)).map(({ message }) => message),
    unknownRule: loose.some(({ path }) => rule(path)),
  };
}
