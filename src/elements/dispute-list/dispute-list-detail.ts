/**
 * A disclosed dispute in <ups-dispute-list>: the lines, comment, contact,
 * attachments, the decision, and the history of its steps, oldest first;
 * Withdraw while it is open and the caller may.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  OPEN_DISPUTE_STATUSES,
  type Dispute,
  type DisputeAttachment,
  type DisputeSummary,
} from '../../api/schemas/dispute.js';
import type { I18n } from '../../internal/i18n.js';
import { renderLoadFailure, renderLoading } from '../../internal/load-views.js';

/** A disclosed row's dispute: on its way, here, or failed with a problem code. */
export type DetailsState = { loading: true } | { dispute: Dispute } | { error: string };

export interface DetailsProps {
  i18n: I18n;
  dispute: DisputeSummary;
  state: DetailsState;
  /** The caller's role may withdraw at all (not a viewer); the server still says per dispute. */
  mayWithdraw: boolean;
  onRetry: () => void;
  onWithdraw: (dispute: Dispute, opener: HTMLElement) => void;
  onDownload: (dispute: Dispute, attachment: DisputeAttachment) => void;
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** A moment of the history, in the reader's locale and time zone. */
export function dateTime(i18n: I18n, iso: string): string {
  let format = dateTimes.get(i18n.locale);
  if (!format) {
    format = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimes.set(i18n.locale, format);
  }
  return format.format(new Date(iso));
}

const size = (i18n: I18n, bytes: number) =>
  bytes >= 1024 * 1024
    ? i18n.t('disputeList.details.fileSize.mb', { size: i18n.number(Math.round(bytes / 104857.6) / 10) })
    : i18n.t('disputeList.details.fileSize.kb', { size: i18n.number(Math.ceil(bytes / 1024)) });

export function renderDetails(props: DetailsProps): TemplateResult {
  const { i18n, state } = props;
  if ('loading' in state) return renderLoading(i18n.t('disputeList.details.loading'), 'details-loading');
  if ('error' in state) return renderLoadFailure(i18n, i18n.t('disputeList.details.error'), state.error, props.onRetry);
  const dispute = state.dispute;
  const none = i18n.t('disputeList.details.none');
  const amount = i18n.t(
    dispute.amountKind === 'expected' ? 'disputeList.details.amountExpected' : 'disputeList.details.amountDisputed',
    { amount: i18n.money(dispute.amount) },
  );
  const withdrawable = props.mayWithdraw && dispute.canWithdraw && OPEN_DISPUTE_STATUSES.includes(dispute.status);
  return html`<div class="details" part="details">
    <dl class="facts">
      <div>
        <dt>${i18n.t('disputeList.details.amount')}</dt>
        <dd>${amount}</dd>
      </div>
      <div>
        <dt>${i18n.t('disputeList.details.createdBy')}</dt>
        <dd>${dispute.createdBy}</dd>
      </div>
      <div>
        <dt>${i18n.t('disputeList.details.contact')}</dt>
        <dd>${dispute.contactEmail}</dd>
      </div>
      <div>
        <dt>${i18n.t('disputeList.details.comment')}</dt>
        <dd class="comment">${dispute.comment ?? none}</dd>
      </div>
      ${
        dispute.outcome?.note
          ? html`<div>
              <dt>${i18n.t('disputeList.details.outcomeNote')}</dt>
              <dd class="comment">${dispute.outcome.note}</dd>
            </div>`
          : nothing
      }
    </dl>
    ${renderLines(i18n, dispute)} ${renderAttachments(props, dispute)} ${renderHistory(i18n, dispute)}
    ${
      withdrawable
        ? html`<div class="details-actions">
            <button
              type="button"
              class="button danger"
              data-withdraw=${dispute.id}
              @click=${(e: Event) => props.onWithdraw(dispute, e.currentTarget as HTMLElement)}
            >
              ${i18n.t('disputeList.withdraw')}
              <span class="visually-hidden">${dispute.number}</span>
            </button>
          </div>`
        : nothing
    }
  </div>`;
}

function renderLines(i18n: I18n, dispute: Dispute): TemplateResult {
  const none = i18n.t('disputeList.details.none');
  const title = html`<h3>${i18n.t('disputeList.details.lines')}</h3>`;
  if (!dispute.lines.length) {
    // A whole-invoice dispute may still name the shipment the user had in mind.
    return html`${title}
      <p>
        ${i18n.t('disputeList.details.wholeInvoice')}
        ${dispute.trackingNumber ? html`${i18n.t('disputeList.details.tracking')}: ${dispute.trackingNumber}` : nothing}
        ${dispute.shipDate ? html`(${i18n.date(dispute.shipDate)})` : nothing}
      </p>`;
  }
  return html`${title}
    <table class="lines">
      <thead>
        <tr>
          <th scope="col">${i18n.t('disputeList.details.tracking')}</th>
          <th scope="col">${i18n.t('disputeList.details.shipDate')}</th>
          <th scope="col">${i18n.t('disputeList.details.description')}</th>
          <th scope="col" class="num">${i18n.t('disputeList.details.charged')}</th>
        </tr>
      </thead>
      <tbody>
        ${dispute.lines.map(
          (line) =>
            html`<tr>
              <td>${line.trackingNumber ?? none}</td>
              <td>${line.shipDate ? i18n.date(line.shipDate) : none}</td>
              <td>${line.description}</td>
              <td class="num">${i18n.money(line.charged)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function renderAttachments(props: DetailsProps, dispute: Dispute): TemplateResult | typeof nothing {
  const { i18n } = props;
  if (!dispute.attachments.length) return nothing;
  return html`<h3>${i18n.t('disputeList.details.attachments')}</h3>
    <ul class="attachments">
      ${dispute.attachments.map(
        (attachment) =>
          html`<li>
            <button type="button" class="link" @click=${() => props.onDownload(dispute, attachment)}>
              ${i18n.t('disputeList.details.download', { name: attachment.name })}
            </button>
            <span class="hint">${size(i18n, attachment.size)}</span>
          </li>`,
      )}
    </ul>`;
}

function renderHistory(i18n: I18n, dispute: Dispute): TemplateResult {
  return html`<h3>${i18n.t('disputeList.details.history')}</h3>
    <ol class="history" part="history">
      ${dispute.history.map(
        (step) =>
          html`<li>
            <span class="badge ${step.status}">${i18n.t(`dispute.status.${step.status}`)}</span>
            <time datetime=${step.at}>${dateTime(i18n, step.at)}</time>
            <span class="by">
              ${i18n.t('disputeList.details.by', { name: step.by ?? i18n.t('disputeList.details.byUps') })}
            </span>
            ${step.note ? html`<p class="note">${step.note}</p>` : nothing}
          </li>`,
      )}
    </ol>`;
}
