/**
 * The wallet's "Add a payment method" form: the method entry it shares with
 * the sign-up (internal/method-entry.ts: a card through the isolated card
 * frame, a bank account as the country allows, or a PayPal link), then a
 * nickname and whether it becomes the default.
 */
import { html, type nothing, type TemplateResult } from 'lit';
import type { PaymentTypes } from '../../api/schemas/payment.js';
import type { I18n } from '../../internal/i18n.js';
import { renderCheckbox, renderField, type FieldContext } from '../../internal/fields.js';
import { renderMethodEntry, type AddType } from '../../internal/method-entry.js';
import { renderHelpLinks } from '../../internal/help-links.js';

export { addTypes, bankTokenRequest, checkAdd, type AddType } from '../../internal/method-entry.js';

export interface AddProps {
  ctx: FieldContext;
  types: PaymentTypes;
  type: AddType | null;
  busy: boolean;
  summary: TemplateResult | typeof nothing;
  /** The card frame's `<iframe>`, rendered by the card-frame controller. */
  frame: () => TemplateResult;
  onType: (type: AddType) => void;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
}

export function renderAdd(props: AddProps): TemplateResult {
  const { ctx, type, busy } = props;
  const { i18n } = ctx;
  return html`<form class="dialog-form" novalidate @submit=${props.onSubmit}>
    <h3 id="add-title">${i18n.t('wallet.add.title')}</h3>
    ${props.summary} ${renderMethodEntry({ ctx, types: props.types, type, frame: props.frame, onType: props.onType })}
    ${renderField(ctx, 'nickname', 'wallet.add.nickname', { hint: 'wallet.add.nicknameHint', maxlength: 40 })}
    ${renderCheckbox(ctx, 'make-default', i18n.t('wallet.add.makeDefault'))}
    <div class="dialog-actions">
      <button type="button" class="button" @click=${props.onCancel}>${i18n.t('wallet.cancel')}</button>
      <button type="submit" class="button primary" aria-disabled=${busy ? 'true' : 'false'}>
        ${i18n.t(busy ? 'wallet.add.busy' : 'wallet.add.submit')}
      </button>
    </div>
  </form>`;
}

/** The add form before it can show: the ways to pay are loading, or failed to (`error`: its code). */
export function renderAddWaiting(
  i18n: I18n,
  error: string | null,
  actions: { onCancel: () => void; onRetry: () => void },
): TemplateResult {
  const title = html`<h3 id="add-title">${i18n.t('wallet.add.title')}</h3>`;
  if (error === null)
    return html`${title}
      <p role="status">${i18n.t('wallet.add.loading')}</p>`;
  return html`${title}
    <div class="notice error" role="alert">
      <p>${i18n.t('wallet.add.typesError')} ${i18n.error(error)}</p>
      ${renderHelpLinks(i18n, 'common.helpLead')}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${actions.onCancel}>${i18n.t('wallet.cancel')}</button>
        <button type="button" class="button primary" @click=${actions.onRetry}>${i18n.t('common.retry')}</button>
      </div>
    </div>`;
}
