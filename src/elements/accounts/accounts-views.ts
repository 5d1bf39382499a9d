/**
 * What <ups-accounts> lists: the enrolled accounts, with their actions by
 * role, and the billing plans that consolidate them. Each action's button
 * names its account, so screen readers tell the rows' buttons apart.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Account, Plan } from '../../api/schemas/account.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

/** What the caller may do to an account: everything (administrators), XML only (managers), nothing. */
export type AccountRights = 'all' | 'xml' | 'none';

export type AccountAction = 'nickname' | 'xml' | 'cancel';

/** The message of a problem code: the accounts' own wording first, then the common one. */
export function problemMessage(i18n: I18n, code: string): string {
  const own = `accounts.error.${code}` as MessageKey;
  return i18n.t(own) === own ? i18n.error(code) : i18n.t(own);
}

/** "Atlanta warehouse (4R7X21)", or the account's name and number: for headings and announcements. */
export const accountLabel = (account: Account) => `${account.nickname ?? account.name} (${account.number})`;

const countryName = (i18n: I18n, code: string) => {
  try {
    return new Intl.DisplayNames([i18n.locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

export interface ListProps {
  i18n: I18n;
  accounts: readonly Account[];
  rights: AccountRights;
  onAction: (action: AccountAction, account: Account, opener: HTMLElement) => void;
}

function renderActions(props: ListProps, account: Account): TemplateResult {
  const { i18n, rights } = props;
  const which = html`<span class="visually-hidden">${accountLabel(account)}</span>`;
  const button = (action: AccountAction, label: MessageKey, danger = false) =>
    html`<button
      type="button"
      class="button ${danger ? 'danger' : ''}"
      data-action=${action}
      data-account=${account.number}
      @click=${(e: Event) => props.onAction(action, account, e.currentTarget as HTMLElement)}
    >
      ${i18n.t(label)} ${which}
    </button>`;
  return html`<div class="actions">
    ${rights === 'all' ? button('nickname', 'accounts.action.nickname') : nothing}
    ${button('xml', 'accounts.action.xml')}
    ${rights === 'all' ? button('cancel', 'accounts.action.cancel', true) : nothing}
  </div>`;
}

export function renderAccounts(props: ListProps): TemplateResult {
  const { i18n, rights } = props;
  const acts = rights !== 'none';
  return html`<div class="table-frame">
    <table part="table">
      <caption class="visually-hidden">
        ${i18n.t('accounts.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('accounts.col.account')}</th>
          <th scope="col">${i18n.t('accounts.col.nickname')}</th>
          <th scope="col">${i18n.t('accounts.col.country')}</th>
          <th scope="col">${i18n.t('accounts.col.currency')}</th>
          <th scope="col">${i18n.t('accounts.col.plan')}</th>
          <th scope="col">${i18n.t('accounts.col.xml')}</th>
          <th scope="col">${i18n.t('accounts.col.enrolled')}</th>
          ${acts ? html`<th scope="col">${i18n.t('accounts.col.actions')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          props.accounts,
          (account) => account.number,
          (account) =>
            html`<tr data-account=${account.number}>
              <th scope="row">
                <span class="number">${account.number}</span>
                <span class="name">${account.name}</span>
              </th>
              <td class="nickname">
                ${account.nickname ?? html`<span class="muted">${i18n.t('accounts.noNickname')}</span>`}
              </td>
              <td>${countryName(i18n, account.country)}</td>
              <td>${account.currency}</td>
              <td>${account.planNumber ?? html`<span class="muted">${i18n.t('accounts.noPlan')}</span>`}</td>
              <td class="xml">
                <span class="badge ${account.xmlEnrolled ? 'on' : 'off'}" part="badge"
                  >${i18n.t(account.xmlEnrolled ? 'accounts.xml.on' : 'accounts.xml.off')}</span
                >
              </td>
              <td>${i18n.date(account.enrolledAt.slice(0, 10))}</td>
              ${acts ? html`<td>${renderActions(props, account)}</td>` : nothing}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function renderPlans(i18n: I18n, plans: readonly Plan[]): TemplateResult {
  if (!plans.length) return html`<p class="notice empty">${i18n.t('accounts.plans.empty')}</p>`;
  return html`<div class="table-frame">
    <table part="plans">
      <caption class="visually-hidden">
        ${i18n.t('accounts.plans.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('accounts.plans.col.plan')}</th>
          <th scope="col">${i18n.t('accounts.col.country')}</th>
          <th scope="col">${i18n.t('accounts.col.currency')}</th>
          <th scope="col">${i18n.t('accounts.plans.col.accounts')}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          plans,
          (plan) => plan.number,
          (plan) =>
            html`<tr data-plan=${plan.number}>
              <th scope="row">
                <span class="number">${plan.number}</span>
                <span class="name">${plan.name}</span>
              </th>
              <td>${countryName(i18n, plan.country)}</td>
              <td>${plan.currency}</td>
              <td>${plan.accountNumbers.join(', ')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
