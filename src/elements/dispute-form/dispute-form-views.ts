/**
 * The views of <ups-dispute-form>: the form, the confirmation once the
 * dispute is recorded, and the notices shown instead of a form (a viewer, a
 * credit invoice, an invoice already in dispute). The element owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Money } from '../../api/schemas/common.js';
import {
  DISPUTE_REASONS,
  MAX_DISPUTE_COMMENT,
  type Dispute,
  type DisputeAmountKind,
} from '../../api/schemas/dispute.js';
import type { InvoiceDetail } from '../../api/schemas/invoice.js';
import type { I18n } from '../../internal/i18n.js';
import type { Draft, FieldErrors } from './dispute-form-check.js';
import { renderFiles } from './dispute-form-files.js';
import { renderError, renderLines, type LinesProps } from './dispute-form-lines.js';

export function renderNotice(message: string, kind = ''): TemplateResult {
  // Focusable, for focus to land on it when it replaces the form.
  return html`<p class="notice ${kind}" part="notice" tabindex="-1">${message}</p>`;
}

/** What disputing does and does not do to the invoice: the same words before and after. */
const creditNotice = (i18n: I18n, detail: InvoiceDetail) =>
  i18n.t(detail.type === 'import' ? 'disputeForm.noticeImport' : 'disputeForm.notice');

export interface FormProps {
  i18n: I18n;
  detail: InvoiceDetail;
  draft: Draft;
  errors: FieldErrors;
  summary: TemplateResult | typeof nothing;
  files: readonly File[];
  busy: boolean;
  charged: Money | null;
  lines: Omit<LinesProps, 'i18n' | 'draft' | 'errors' | 'invoice' | 'onChange'>;
  onChange: (patch: Partial<Draft>) => void;
  onChoose: (input: HTMLInputElement) => void;
  onRemove: (index: number) => void;
  onSubmit: (event: Event) => void;
}

const described = (errors: FieldErrors, field: keyof FieldErrors, ...others: string[]) =>
  [...others, errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;

const valueOf = (e: Event) => (e.target as HTMLInputElement).value;

function renderHead(i18n: I18n, detail: InvoiceDetail): TemplateResult {
  return html`<h2 id="title" tabindex="-1">${i18n.t('disputeForm.title', { number: detail.number })}</h2>
    <p class="facts">
      ${i18n.t('disputeForm.facts', {
        number: detail.number,
        account: detail.accountNumber,
        date: i18n.date(detail.invoiceDate),
        amount: i18n.money(detail.amount),
      })}
    </p>`;
}

function renderAmount(props: FormProps): TemplateResult {
  const { i18n, draft, errors, detail, charged } = props;
  const radio = (kind: DisputeAmountKind) =>
    html`<label class="choice" for="amount-${kind}">
      <input
        type="radio"
        name="amount-kind"
        id="amount-${kind}"
        .checked=${live(draft.amountKind === kind)}
        @change=${() => props.onChange({ amountKind: kind })}
      />
      <span>${i18n.t(`disputeForm.amount.${kind}`)}</span>
    </label>`;
  return html`<fieldset id="amount-kind">
    <legend>${i18n.t('disputeForm.amount')}</legend>
    ${radio('disputed')} ${radio('expected')}
    <div class="field">
      <label for="amount">${i18n.t('disputeForm.amountInput', { currency: detail.amount.currency })}</label>
      <span class="hint" id="amount-hint"
        >${charged ? i18n.t('disputeForm.charged', { total: i18n.money(charged) }) : nothing}</span
      >
      <input
        id="amount"
        inputmode="decimal"
        autocomplete="off"
        .value=${live(draft.amount)}
        aria-invalid=${errors.amount ? 'true' : 'false'}
        aria-describedby=${described(errors, 'amount', 'amount-hint')}
        @input=${(e: Event) => props.onChange({ amount: valueOf(e) })}
      />
      ${renderError(errors, 'amount')}
    </div>
  </fieldset>`;
}

function renderText(props: FormProps): TemplateResult {
  const { i18n, draft, errors } = props;
  const other = draft.reason === 'other';
  return html`<div class="field">
      <label for="reason">${i18n.t('disputeForm.reason')}</label>
      <select
        id="reason"
        aria-invalid=${errors.reason ? 'true' : 'false'}
        aria-describedby=${described(errors, 'reason')}
        @change=${(e: Event) => props.onChange({ reason: valueOf(e) as Draft['reason'] })}
      >
        <option value="" ?selected=${!draft.reason}>${i18n.t('disputeForm.reasonChoose')}</option>
        ${DISPUTE_REASONS.map(
          (reason) =>
            html`<option value=${reason} ?selected=${draft.reason === reason}>
              ${i18n.t(`dispute.reason.${reason}`)}
            </option>`,
        )}
      </select>
      ${renderError(errors, 'reason')}
    </div>
    ${renderAmount(props)}
    <div class="field">
      <label for="comment">${i18n.t(other ? 'disputeForm.commentRequired' : 'disputeForm.comment')}</label>
      <textarea
        id="comment"
        rows="4"
        maxlength=${MAX_DISPUTE_COMMENT}
        aria-required=${other ? 'true' : 'false'}
        .value=${live(draft.comment)}
        aria-invalid=${errors.comment ? 'true' : 'false'}
        aria-describedby=${described(errors, 'comment', 'comment-count')}
        @input=${(e: Event) => props.onChange({ comment: valueOf(e) })}
      ></textarea>
      <span class="hint" id="comment-count"
        >${i18n.t('disputeForm.commentCount', {
          count: i18n.number(draft.comment.length),
          max: i18n.number(MAX_DISPUTE_COMMENT),
        })}</span
      >
      ${renderError(errors, 'comment')}
    </div>
    <div class="field">
      <label for="email">${i18n.t('disputeForm.email')}</label>
      <span class="hint" id="email-hint">${i18n.t('disputeForm.emailHint')}</span>
      <input
        id="email"
        type="email"
        autocomplete="email"
        spellcheck="false"
        maxlength="254"
        .value=${live(draft.contactEmail)}
        aria-invalid=${errors.email ? 'true' : 'false'}
        aria-describedby=${described(errors, 'email', 'email-hint')}
        @input=${(e: Event) => props.onChange({ contactEmail: valueOf(e) })}
      />
      ${renderError(errors, 'email')}
    </div>`;
}

export function renderForm(props: FormProps): TemplateResult {
  const { i18n, detail, busy } = props;
  return html`<section class="dispute" aria-labelledby="title">
    ${renderHead(i18n, detail)}
    <p class="notice" part="notice" id="notice">${creditNotice(i18n, detail)}</p>
    <form
      novalidate
      part="form"
      aria-busy=${busy ? 'true' : 'false'}
      aria-describedby="notice"
      @submit=${props.onSubmit}
    >
      ${props.summary}
      ${renderLines({ ...props.lines, i18n, draft: props.draft, errors: props.errors, invoice: detail, onChange: props.onChange })}
      ${renderText(props)}
      ${renderFiles({
        i18n,
        files: props.files,
        error: props.errors.files,
        onChoose: props.onChoose,
        onRemove: props.onRemove,
      })}
      <div class="actions">
        <button type="submit" class="button primary" id="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${i18n.t(busy ? 'disputeForm.busy' : 'disputeForm.submit')}
        </button>
      </div>
    </form>
  </section>`;
}

export function renderDone(i18n: I18n, detail: InvoiceDetail, dispute: Dispute, onAgain: () => void): TemplateResult {
  const fact = (term: string, value: string, className = '') =>
    html`<div>
      <dt>${term}</dt>
      <dd class=${className}>${value}</dd>
    </div>`;
  return html`<section class="done" part="confirmation" aria-labelledby="done-title">
    <h2 id="done-title" tabindex="-1">${i18n.t('disputeForm.done')}</h2>
    <dl class="done-facts">
      ${fact(i18n.t('disputeForm.doneNumber'), dispute.number, 'number')}
      ${fact(i18n.t('disputeForm.doneStatus'), i18n.t(`dispute.status.${dispute.status}`), 'status')}
      ${fact(i18n.t('disputeForm.doneLines'), i18n.money(dispute.disputed), 'disputed')}
    </dl>
    <p class="notice" part="notice">${creditNotice(i18n, detail)}</p>
    <button type="button" class="button" id="again" @click=${onAgain}>${i18n.t('disputeForm.again')}</button>
  </section>`;
}
