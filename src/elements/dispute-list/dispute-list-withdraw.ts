/** The confirmation before a dispute is withdrawn, with an optional reason. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Dispute } from '../../api/schemas/dispute.js';
import type { I18n } from '../../internal/i18n.js';

export interface WithdrawProps {
  i18n: I18n;
  dispute: Dispute;
  busy: boolean;
  /** The problem code of a failed attempt. */
  error: string | null;
  onKeep: () => void;
  onConfirm: () => void;
}

export function renderWithdraw(props: WithdrawProps): TemplateResult {
  const { i18n, dispute, error } = props;
  return html`<form class="dialog-form" @submit=${(e: Event) => (e.preventDefault(), props.onConfirm())}>
    <h3 id="withdraw-title">${i18n.t('disputeList.withdraw.title', { number: dispute.number })}</h3>
    <p id="withdraw-text">
      ${i18n.t('disputeList.withdraw.text', { amount: i18n.money(dispute.disputed), invoice: dispute.invoiceNumber })}
    </p>
    <div class="field">
      <label for="withdraw-reason">${i18n.t('disputeList.withdraw.reason')}</label>
      <textarea id="withdraw-reason" rows="3" maxlength="500"></textarea>
    </div>
    <p class="dialog-error" role="alert">${error ? i18n.error(error) : nothing}</p>
    <div class="dialog-actions">
      <button type="button" class="button" autofocus @click=${props.onKeep}>
        ${i18n.t('disputeList.withdraw.keep')}
      </button>
      <button type="submit" class="button primary danger" aria-disabled=${props.busy ? 'true' : 'false'}>
        ${i18n.t(props.busy ? 'disputeList.withdraw.busy' : 'disputeList.withdraw.confirm')}
      </button>
    </div>
  </form>`;
}
