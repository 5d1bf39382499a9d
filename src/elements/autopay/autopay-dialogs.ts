/**
 * What <ups-autopay> shows around its list: the notice after a rule is set
 * up, the cancel confirmation, and the pay form on a scope's open invoices.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AutopayRule } from '../../api/schemas/autopay.js';
import type { Invoice } from '../../api/schemas/invoice.js';
import type { I18n } from '../../internal/i18n.js';
import { scopeLabel, type ScopeInfo } from './autopay-format.js';

/** A new rule pays invoices issued from now on: the notice says so, and offers to pay what is open already. */
export function renderCreated(props: {
  i18n: I18n;
  rule: AutopayRule;
  canPay: boolean;
  finding: boolean;
  onPayNow: (opener: HTMLElement) => void;
  onDismiss: () => void;
}): TemplateResult {
  const { i18n } = props;
  return html`<div class="notice created" part="created">
    <h3 id="created-title" tabindex="-1">
      ${i18n.t('autopay.created.title', { scope: scopeLabel(i18n, props.rule.scope) })}
    </h3>
    <p>${i18n.t('autopay.created.text')}</p>
    <div class="actions">
      ${
        props.canPay
          ? html`<button
              type="button"
              class="button primary"
              data-pay-created
              aria-disabled=${props.finding ? 'true' : 'false'}
              @click=${(e: Event) => props.onPayNow(e.currentTarget as HTMLElement)}
            >
              ${i18n.t('autopay.payNow')}
            </button>`
          : nothing
      }
      <button type="button" class="button" @click=${props.onDismiss}>${i18n.t('autopay.created.dismiss')}</button>
    </div>
  </div>`;
}

/** "Keep AutoPay" comes first and has the focus: Enter alone never cancels. */
export function renderCancelConfirm(props: {
  i18n: I18n;
  rule: AutopayRule;
  busy: boolean;
  error: string | null;
  onKeep: () => void;
  onConfirm: () => void;
}): TemplateResult {
  const { i18n } = props;
  return html`<h3 id="confirm-title">
      ${i18n.t('autopay.cancel.title', { scope: scopeLabel(i18n, props.rule.scope) })}
    </h3>
    <p id="confirm-text">${i18n.t('autopay.cancel.text')}</p>
    <p class="dialog-error" role="alert">${props.error ? i18n.error(props.error) : nothing}</p>
    <div class="dialog-actions">
      <button type="button" class="button" autofocus @click=${props.onKeep}>${i18n.t('autopay.cancel.keep')}</button>
      <button
        type="button"
        class="button primary danger"
        aria-disabled=${props.busy ? 'true' : 'false'}
        @click=${props.onConfirm}
      >
        ${i18n.t(props.busy ? 'autopay.cancel.busy' : 'autopay.cancel.confirm')}
      </button>
    </div>`;
}

/** The pay form (loaded on demand by the element) on the open invoices of one account or plan. */
export function renderPayNow(props: {
  i18n: I18n;
  scope: ScopeInfo;
  invoices: readonly Invoice[];
  locale: string | undefined;
  onClose: () => void;
}): TemplateResult {
  const { i18n } = props;
  return html`<div class="dialog-head">
      <h3 id="pay-title">${i18n.t('autopay.payNow.title', { scope: scopeLabel(i18n, props.scope) })}</h3>
      <button type="button" class="button" @click=${props.onClose}>${i18n.t('autopay.payNow.close')}</button>
    </div>
    <ups-pay-form .invoices=${props.invoices} locale=${props.locale ?? nothing}></ups-pay-form>`;
}
