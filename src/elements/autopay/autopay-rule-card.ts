/**
 * One AutoPay rule as <ups-autopay> lists it: what it pays and when, who
 * accepted the agreement, what its next run would do, what it did lately —
 * with a skipped invoice and a suspension made plain, and the way to fix it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AutopayRule, InvoiceOutcome, NextRun } from '../../api/schemas/autopay.js';
import type { I18n } from '../../internal/i18n.js';
import { renderMethod } from '../../internal/receipt.js';
import type { MessageKey } from '../../locales/types.js';
import { amountText, scheduleText, scopeLabel, untilText } from './autopay-format.js';
import type { Field } from './autopay-rule-check.js';
import { paymentFailure } from '../../internal/payment-failure.js';

export interface RuleCardProps {
  i18n: I18n;
  rule: AutopayRule;
  /** The user's role may create, change and cancel rules. */
  canManage: boolean;
  /** The user's role may pay invoices. */
  canPay: boolean;
  walletHref: string | null;
  /** Open invoices are being fetched for this rule's "pay now". */
  finding: boolean;
  onEdit: (rule: AutopayRule, opener: HTMLElement, focus?: Field) => void;
  onCancel: (rule: AutopayRule, opener: HTMLElement) => void;
  onPayNow: (rule: AutopayRule, opener: HTMLElement) => void;
}

/** The invoices of a run, and what the run does with each. */
export function renderRunTable(i18n: I18n, run: NextRun, caption: string): TemplateResult {
  return html`<table class="lines">
    <caption class="visually-hidden">
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${i18n.t('autopay.col.invoice')}</th>
        <th scope="col">${i18n.t('autopay.col.dueDate')}</th>
        <th scope="col" class="num">${i18n.t('autopay.col.amount')}</th>
        <th scope="col">${i18n.t('autopay.col.action')}</th>
      </tr>
    </thead>
    <tbody>
      ${run.invoices.map(
        (line) =>
          html`<tr class=${line.action === 'pay' ? '' : 'skipped'}>
            <th scope="row">${line.invoiceNumber}</th>
            <td>${i18n.date(line.dueDate)}</td>
            <td class="num">${i18n.money(line.amountDue)}</td>
            <td>
              <span class="badge ${line.action === 'pay' ? 'pay' : 'skipped'}" part="outcome"
                >${i18n.t(`autopay.action.${line.action}`)}</span
              >
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function renderRecent(i18n: I18n, recent: readonly InvoiceOutcome[]): TemplateResult {
  if (!recent.length) return html`<p class="hint">${i18n.t('autopay.recent.none')}</p>`;
  return html`<table class="lines">
    <caption class="visually-hidden">
      ${i18n.t('autopay.recent.caption')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${i18n.t('autopay.col.invoice')}</th>
        <th scope="col">${i18n.t('autopay.col.date')}</th>
        <th scope="col" class="num">${i18n.t('autopay.col.amount')}</th>
        <th scope="col">${i18n.t('autopay.col.outcome')}</th>
        <th scope="col">${i18n.t('autopay.col.detail')}</th>
      </tr>
    </thead>
    <tbody>
      ${recent.map(
        (line) =>
          html`<tr class=${line.outcome === 'skipped_over_maximum' ? 'skipped' : ''}>
            <th scope="row">${line.invoiceNumber}</th>
            <td>${i18n.date(line.date)}</td>
            <td class="num">${i18n.money(line.amountDue)}</td>
            <td>
              <span class="badge ${line.outcome}" part="outcome">${i18n.t(`autopay.outcome.${line.outcome}`)}</span>
            </td>
            <td>${line.failureCode ? paymentFailure(i18n, line.failureCode) : (line.confirmationNumber ?? '')}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function renderSuspended(props: RuleCardProps): TemplateResult | typeof nothing {
  const { i18n, rule, walletHref } = props;
  if (rule.status !== 'suspended') return nothing;
  const reason = rule.suspendedReason ?? 'method_removed';
  const fixWallet = reason === 'method_expired';
  return html`<div class="suspended" part="suspended">
    <p><strong>${i18n.t(`autopay.suspended.${reason}`)}</strong> ${i18n.t('autopay.suspended.effect')}</p>
    <div class="fixes">
      ${
        rule.editable && props.canManage
          ? html`<button
              type="button"
              class="button primary"
              data-fix=${rule.id}
              @click=${(e: Event) => props.onEdit(rule, e.currentTarget as HTMLElement, 'method')}
            >
              ${i18n.t('autopay.fix.choose')}
            </button>`
          : html`<p class="hint">${i18n.t('autopay.fix.askOwner')}</p>`
      }
      ${
        fixWallet
          ? walletHref
            ? html`<a class="button" href=${walletHref}>${i18n.t('autopay.fix.wallet')}</a>`
            : html`<p class="hint">${i18n.t('autopay.fix.wallet')}</p>`
          : nothing
      }
    </div>
  </div>`;
}

export function renderRuleCard(props: RuleCardProps): TemplateResult {
  const { i18n, rule } = props;
  const id = rule.id;
  const label = scopeLabel(i18n, rule.scope);
  // The scope's number tells each rule's buttons apart for screen readers.
  const which = html`<span class="visually-hidden">${rule.scope.number}</span>`;
  const skipped = rule.recent.filter((line) => line.outcome === 'skipped_over_maximum').length;
  const facts: [MessageKey, string | TemplateResult][] = [
    ['autopay.fact.method', rule.method ? renderMethod(i18n, rule.method) : i18n.t('autopay.method.none')],
    ['autopay.fact.amount', amountText(i18n, rule.amount)],
    ['autopay.fact.schedule', scheduleText(i18n, rule.schedule)],
    ['autopay.fact.until', untilText(i18n, rule.effectiveUntil)],
    [
      'autopay.fact.agreement',
      i18n.t('autopay.agreement.accepted', {
        version: rule.agreement.version,
        name: rule.agreement.acceptedBy,
        date: i18n.date(rule.agreement.acceptedAt.slice(0, 10)),
      }),
    ],
    ['autopay.fact.applies', i18n.t('autopay.applies', { date: i18n.date(rule.createdAt.slice(0, 10)) })],
  ];
  const manage = props.canManage && rule.editable && rule.status !== 'ended';
  return html`<article class="rule ${rule.status}" part="rule" aria-labelledby="rule-${id}" data-rule=${id}>
    <header class="rule-head">
      <h3 id="rule-${id}" tabindex="-1">${label}</h3>
      <span class="badge ${rule.status}" part="status">${i18n.t(`autopay.status.${rule.status}`)}</span>
    </header>
    ${renderSuspended(props)}
    ${
      skipped
        ? html`<p class="flag" part="skipped">
            <span class="flag-icon" aria-hidden="true">!</span>${i18n.plural('autopay.skipped', skipped)}
          </p>`
        : nothing
    }
    <dl class="facts">
      ${facts.map(
        ([term, value]) =>
          html`<div>
            <dt>${i18n.t(term)}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
    </dl>
    ${
      // A suspended rule has no next run: its notice says so, and how to fix it.
      rule.status !== 'active'
        ? nothing
        : html`<div class="run">
            <h4>${i18n.t('autopay.next.title')}</h4>
            ${
              rule.nextRun
                ? html`<p>${i18n.t('autopay.next.on', { date: i18n.date(rule.nextRun.date) })}</p>
                    ${
                      rule.nextRun.invoices.length
                        ? renderRunTable(i18n, rule.nextRun, i18n.t('autopay.next.caption'))
                        : html`<p class="hint">${i18n.t('autopay.next.empty')}</p>`
                    }`
                : html`<p class="hint">${i18n.t('autopay.next.none')}</p>`
            }
          </div>`
    }
    <div class="run">
      <h4>${i18n.t('autopay.recent.title')}</h4>
      ${renderRecent(i18n, rule.recent)}
    </div>
    <div class="actions">
      ${
        manage
          ? html`<button
              type="button"
              class="button"
              data-edit=${id}
              @click=${(e: Event) => props.onEdit(rule, e.currentTarget as HTMLElement)}
            >
              ${i18n.t('autopay.edit')} ${which}
            </button>`
          : nothing
      }
      ${
        props.canPay && rule.status !== 'ended'
          ? html`<button
              type="button"
              class="button"
              data-pay=${id}
              aria-disabled=${props.finding ? 'true' : 'false'}
              @click=${(e: Event) => props.onPayNow(rule, e.currentTarget as HTMLElement)}
            >
              ${i18n.t('autopay.payNow')} ${which}
            </button>`
          : nothing
      }
      ${
        manage
          ? html`<button
              type="button"
              class="button danger"
              data-cancel=${id}
              @click=${(e: Event) => props.onCancel(rule, e.currentTarget as HTMLElement)}
            >
              ${i18n.t('autopay.cancelRule')} ${which}
            </button>`
          : nothing
      }
    </div>
  </article>`;
}
