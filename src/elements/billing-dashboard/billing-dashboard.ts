import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { getDashboard } from '../../api/endpoints/dashboard.js';
import { listInvoices } from '../../api/endpoints/invoices.js';
import { isBillingApiError } from '../../api/errors.js';
import type { Aging, CurrencySummary, Dashboard, DashboardAlert } from '../../api/schemas/dashboard.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { dashboardMessages } from '../../locales/billing-dashboard.js';
import type { MessageKey } from '../../locales/types.js';
import type {} from '../../events/pay-request.js';
import { billingDashboardStyles } from './billing-dashboard.styles.js';
import { renderLoadFailure } from '../../internal/load-views.js';

const BUCKETS: (keyof Aging)[] = ['current', 'days1to30', 'days31to60', 'days61to90', 'days90plus'];
/** Alert codes with a message of their own; others get the generic one (the server adds codes over time). */
const KNOWN_ALERTS = new Set(['past_due', 'autopay_suspended', 'autopay_skipped', 'card_expiring', 'dispute_resolved']);

/**
 * What the company owes at a glance: balance due, past due and due within a
 * week, per currency; the aging of amounts due; alerts to act on; and a Pay
 * button that asks the host to open the pay form with the invoices to pay.
 *
 * @summary Balance due, past due, due this week, aging and alerts, with a Pay button.
 * @fires ups-pay-request - The user pressed Pay. `detail.invoices`: the open and past-due invoices, oldest due first.
 * @csspart card - Each figure card.
 * @csspart alerts - The alerts list.
 * @csspart pay-button - The Pay button.
 * @csspart alert-link - The link of an alert to the page that acts on it (the disputes).
 */
export class UpsBillingDashboard extends UpsBillingElement {
  static override styles = [...UpsBillingElement.styles, billingDashboardStyles];
  static override messages = [...UpsBillingElement.messages, dashboardMessages];

  readonly #dashboard = new Task(this, {
    task: async ([client, signedIn], { signal }): Promise<Dashboard | null> => {
      if (!client || !signedIn) return null;
      return client.call(getDashboard, {}, { signal });
    },
    args: () => [this.billing?.client, this.billing?.session.status === 'ready'] as const,
  });

  @state() private preparingPay = false;

  /**
   * Where the host shows `<ups-dispute-list>`: the "disputes resolved" alert
   * links there. Without it the alert only tells.
   */
  @property({ attribute: 'disputes-href' }) disputesHref: string | undefined;

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#dashboard.status === TaskStatus.PENDING);
  }

  /** Loads the figures again. */
  refresh(): void {
    void this.#dashboard.run();
  }

  async #handlePay(): Promise<void> {
    const client = this.billing?.client;
    if (!client) return;
    this.preparingPay = true;
    try {
      const page = await client.call(listInvoices, {
        query: { status: 'outstanding', sort: 'dueDate', order: 'asc', pageSize: 200 },
      });
      emit(this, 'ups-pay-request', { invoices: page.items });
    } finally {
      this.preparingPay = false;
    }
  }

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (session.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return this.#renderError(session.code);
    return this.#dashboard.render({
      initial: () => this.#renderSkeleton(),
      pending: () => (this.#dashboard.value ? this.#renderDashboard(this.#dashboard.value) : this.#renderSkeleton()),
      complete: (dashboard) => (dashboard ? this.#renderDashboard(dashboard) : this.#renderSkeleton()),
      error: (error) => this.#renderError(isBillingApiError(error) ? error.code : 'unknown'),
    });
  }

  #renderError(code: string): TemplateResult {
    return renderLoadFailure(this.i18n, this.i18n.t('dashboard.error'), code, () => this.refresh());
  }

  /**
   * The dashboard's shape while it loads: its title row, three cards and an aging table of as many
   * rows, empty, so that the content below does not move when the figures arrive.
   */
  #renderSkeleton(): TemplateResult {
    return html`<section class="dashboard" aria-busy="true" aria-labelledby="title">
      <div class="title-row">
        <h2 id="title">${this.i18n.t('dashboard.title')}</h2>
      </div>
      <p role="status" class="visually-hidden">${this.i18n.t('dashboard.loading')}</p>
      <div class="currency" aria-hidden="true">
        <div class="cards">
          ${[1, 2, 3].map(
            () =>
              html`<div class="card skeleton" part="card">
                <span class="card-label">&nbsp;</span><span class="skeleton-value">&nbsp;</span
                ><span class="card-note">&nbsp;</span>
              </div>`,
          )}
        </div>
        <table class="aging skeleton">
          <caption>
            &nbsp;
          </caption>
          <tbody>
            ${[0, ...BUCKETS].map(
              () =>
                html`<tr>
                  <td></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  #alertText(alert: DashboardAlert): string {
    const { i18n } = this;
    if (!KNOWN_ALERTS.has(alert.code)) return i18n.t('dashboard.alert.unknown', { code: alert.code });
    const amounts = alert.amounts.map((m) => i18n.money(m)).join(' + ');
    if (alert.code === 'dispute_resolved') {
      // The amounts are credits, one per currency; denials count but credit nothing.
      const credited = amounts
        ? i18n.t('dashboard.alert.dispute_resolved.credited', { amounts })
        : i18n.t('dashboard.alert.dispute_resolved.noCredit');
      return i18n.plural('dashboard.alert.dispute_resolved', alert.count, { credited });
    }
    return `${i18n.plural(`dashboard.alert.${alert.code}`, alert.count)}${amounts ? ` (${amounts})` : ''}`;
  }

  #renderDashboard(dashboard: Dashboard): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    const canPay = session.status === 'ready' && session.session.user.role !== 'viewer';
    const owed = dashboard.currencies.some((c) => c.balanceDue.amount > 0);
    return html`<section class="dashboard" aria-labelledby="title">
      <div class="title-row">
        <h2 id="title">${i18n.t('dashboard.title')}</h2>
        <span class="as-of">${i18n.t('dashboard.asOf', { date: i18n.date(dashboard.asOf) })}</span>
        ${
          canPay
            ? html`<button
                type="button"
                class="button primary"
                part="pay-button"
                ?disabled=${!owed || this.preparingPay}
                aria-describedby=${this.preparingPay ? 'pay-status' : nothing}
                @click=${() => this.#handlePay()}
              >
                ${i18n.t('dashboard.pay')}
              </button>`
            : nothing
        }
      </div>
      <p id="pay-status" class="visually-hidden" role="status">
        ${this.preparingPay ? i18n.t('dashboard.pay.preparing') : ''}
      </p>
      ${
        dashboard.alerts.length
          ? html`<div class="alerts" part="alerts" role="region" aria-labelledby="alerts-title">
              <h3 id="alerts-title">${i18n.t('dashboard.alerts.title')}</h3>
              <ul>
                ${dashboard.alerts.map(
                  (alert) =>
                    html`<li class=${alert.severity}>
                      ${this.#alertText(alert)}
                      ${
                        alert.code === 'dispute_resolved' && this.disputesHref
                          ? html`<a href=${this.disputesHref} part="alert-link">
                              ${i18n.t('dashboard.alert.dispute_resolved.link')}
                            </a>`
                          : nothing
                      }
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      ${owed ? nothing : html`<p class="notice">${i18n.t('dashboard.nothingDue')}</p>`}
      ${dashboard.currencies.map((summary) => this.#renderCurrency(summary))}
    </section>`;
  }

  #renderCurrency(summary: CurrencySummary): TemplateResult {
    const { i18n } = this;
    const total = BUCKETS.reduce((sum, key) => sum + Math.max(0, summary.aging[key].amount), 0);
    const card = (label: MessageKey, value: string, note: string | null, tone = '') =>
      html`<div class="card ${tone}" part="card">
        <span class="card-label">${i18n.t(label)}</span>
        <span class="card-value">${value}</span>
        ${note ? html`<span class="card-note">${note}</span>` : nothing}
      </div>`;
    return html`<div class="currency">
      <div class="cards">
        ${card('dashboard.balanceDue', i18n.money(summary.balanceDue), i18n.plural('dashboard.invoices', summary.openInvoices))}
        ${card(
          'dashboard.pastDue',
          i18n.money(summary.pastDue),
          i18n.plural('dashboard.invoices', summary.pastDueInvoices),
          summary.pastDue.amount > 0 ? 'danger' : '',
        )}
        ${card('dashboard.dueNext7Days', i18n.money(summary.dueNext7Days), null)}
      </div>
      <table class="aging">
        <caption>
          ${i18n.t('dashboard.aging.title', { currency: summary.currency })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${i18n.t('dashboard.aging.bucket')}</th>
            <th scope="col" class="num">${i18n.t('dashboard.aging.amount')}</th>
            <th scope="col">${i18n.t('dashboard.aging.share')}</th>
          </tr>
        </thead>
        <tbody>
          ${BUCKETS.map(
            (key) =>
              html`<tr>
                <th scope="row">${i18n.t(`dashboard.aging.${key}`)}</th>
                <td class="num">${i18n.money(summary.aging[key])}</td>
                <td>
                  <meter
                    min="0"
                    max=${Math.max(total, 1)}
                    value=${Math.max(0, summary.aging[key].amount)}
                    aria-label=${i18n.t(`dashboard.aging.${key}`)}
                  ></meter>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
