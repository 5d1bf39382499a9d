/**
 * Cancelling an account's enrolment: what it takes away is said before the
 * user confirms, and a reason from UPS's fixed list is required — with a
 * comment when the reason is "Other".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { CANCEL_REASONS, type Account, type CancelEnrollmentRequest } from '../../api/schemas/account.js';
import { renderFieldError, type FieldContext } from '../../internal/fields.js';

/** The request, or the field codes of what is missing. */
export function readCancel(ctx: FieldContext): {
  body: CancelEnrollmentRequest | null;
  errors: Record<string, string>;
} {
  const reason = CANCEL_REASONS.find((r) => r === ctx.value('reason'));
  const comment = ctx.value('comment').trim();
  const errors: Record<string, string> = {};
  if (!reason) errors['reason'] = 'required';
  if (reason === 'other' && !comment) errors['comment'] = 'required';
  if (comment.length > 500) errors['comment'] = 'too_long';
  if (!reason || Object.keys(errors).length) return { body: null, errors };
  return { body: { reason, ...(comment ? { comment } : {}) }, errors };
}

export interface CancelProps {
  ctx: FieldContext;
  account: Account;
  busy: boolean;
  summary: TemplateResult | typeof nothing;
  onSubmit: (event: Event) => void;
  onKeep: () => void;
}

export function renderCancel(props: CancelProps): TemplateResult {
  const { ctx, account, busy } = props;
  const { i18n } = ctx;
  const reasonInvalid = Boolean(ctx.error('reason'));
  const commentInvalid = Boolean(ctx.error('comment'));
  const chosen = ctx.value('reason');
  return html`<form class="dialog-form" novalidate @submit=${props.onSubmit}>
    <h3 id="cancel-title">${i18n.t('accounts.cancelForm.title', { number: account.number })}</h3>
    ${props.summary}
    <div id="cancel-text" class="consequences">
      <p>${i18n.t('accounts.cancelForm.consequences')}</p>
      <ul>
        <li>${i18n.t('accounts.cancelForm.invoices')}</li>
        <li>${i18n.t('accounts.cancelForm.scope')}</li>
        <li>${i18n.t('accounts.cancelForm.autopay')}</li>
        <li>${i18n.t('accounts.cancelForm.inbound')}</li>
        <li>${i18n.t('accounts.cancelForm.again')}</li>
      </ul>
    </div>
    <fieldset id="reason" aria-describedby=${reasonInvalid ? 'reason-error' : nothing}>
      <legend>${i18n.t('accounts.cancelForm.reason')}</legend>
      ${CANCEL_REASONS.map(
        (reason) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="reason"
              value=${reason}
              .checked=${live(chosen === reason)}
              aria-invalid=${reasonInvalid ? 'true' : 'false'}
              @change=${(event: Event) => ctx.onInput('reason', event)}
            />
            ${i18n.t(`accounts.cancelForm.reason.${reason}`)}</label
          >`,
      )}
      ${renderFieldError(ctx, 'reason')}
    </fieldset>
    <div class="field">
      <label for="comment">${i18n.t('accounts.cancelForm.comment')}</label>
      <span class="hint" id="comment-hint">${i18n.t('accounts.cancelForm.commentHint')}</span>
      <textarea
        id="comment"
        rows="3"
        maxlength="500"
        .value=${live(ctx.value('comment'))}
        aria-invalid=${commentInvalid ? 'true' : 'false'}
        aria-describedby=${commentInvalid ? 'comment-hint comment-error' : 'comment-hint'}
        @input=${(event: Event) => ctx.onInput('comment', event)}
      ></textarea>
      ${renderFieldError(ctx, 'comment')}
    </div>
    <div class="dialog-actions">
      <button type="button" class="button" @click=${props.onKeep}>${i18n.t('accounts.cancelForm.keep')}</button>
      <button type="submit" class="button primary danger" aria-disabled=${busy ? 'true' : 'false'}>
        ${i18n.t(busy ? 'accounts.cancelForm.busy' : 'accounts.cancelForm.confirm')}
      </button>
    </div>
  </form>`;
}
