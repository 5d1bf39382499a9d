/**
 * The two ways <ups-wallet> shows the methods: a grid of cards, and a table
 * with an Actions column. Both offer the same actions, named after their
 * method for screen readers, and say each status in words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import type { I18n } from '../../internal/i18n.js';
import { renderMethod } from '../../internal/receipt.js';
import type { MessageKey } from '../../locales/types.js';

/** "Visa ending 4242", or "Office card (Visa ending 4242)": for headings, announcements and button names. */
export function methodName(i18n: I18n, method: WalletMethod): string {
  const { type, brand, last4 } = method.method;
  const brandKey = `brand.${brand}` as MessageKey;
  const brandName = brand ? (i18n.t(brandKey) === brandKey ? brand : i18n.t(brandKey)) : '';
  const base =
    type === 'paypal' || type === 'credit' || !last4
      ? i18n.t(`receipt.method.${type}`)
      : i18n.t(`receipt.method.${type}Spoken`, { brand: brandName, last4 });
  return method.nickname ? `${method.nickname} (${base})` : base;
}

/** The message of a problem code: the wallet's own wording first, then the common one. */
export function problemMessage(i18n: I18n, code: string): string {
  const own = `wallet.error.${code}` as MessageKey;
  return i18n.t(own) === own ? i18n.error(code) : i18n.t(own);
}

/** `MM/YYYY`: how cards print it. */
export const expiryText = (method: WalletMethod) =>
  method.expMonth && method.expYear ? `${String(method.expMonth).padStart(2, '0')}/${method.expYear}` : '';

export type WalletView = 'grid' | 'list';
export const isWalletView = (value: unknown): value is WalletView => value === 'grid' || value === 'list';

export interface ViewProps {
  i18n: I18n;
  methods: readonly WalletMethod[];
  /** Add, edit and remove controls: not for viewers. */
  canWrite: boolean;
  onEdit: (method: WalletMethod, opener: HTMLElement) => void;
  onDefault: (method: WalletMethod, opener: HTMLElement) => void;
  onRemove: (method: WalletMethod, opener: HTMLElement) => void;
}

function renderBadges(i18n: I18n, method: WalletMethod): TemplateResult {
  return html`${method.isDefault ? html`<span class="badge default" part="badge">${i18n.t('wallet.badge.default')}</span>` : nothing}
  ${method.expired ? html`<span class="badge expired" part="badge">${i18n.t('wallet.badge.expired')}</span>` : nothing}
  ${
    method.expiresSoon && !method.expired
      ? html`<span class="badge expiring" part="badge">${i18n.t('wallet.badge.expiresSoon')}</span>`
      : nothing
  }`;
}

function expiry(i18n: I18n, method: WalletMethod): string {
  const date = expiryText(method);
  if (!date) return '';
  return i18n.t(method.expired ? 'wallet.expiredOn' : 'wallet.expires', { date });
}

function usedBy(i18n: I18n, method: WalletMethod): string {
  return method.usedBy.map((use) => i18n.t(`wallet.scope.${use.scope.type}`, { number: use.scope.number })).join(', ');
}

function renderActions(props: ViewProps, method: WalletMethod): TemplateResult | typeof nothing {
  if (!props.canWrite) return nothing;
  const { i18n } = props;
  // The method's name tells each row's buttons apart for screen readers.
  const which = html`<span class="visually-hidden">${methodName(i18n, method)}</span>`;
  const opener = (event: Event) => event.currentTarget as HTMLElement;
  return html`<div class="actions">
    <button
      type="button"
      class="button ${method.expired ? 'primary' : ''}"
      data-edit=${method.id}
      @click=${(e: Event) => props.onEdit(method, opener(e))}
    >
      ${i18n.t('wallet.action.edit')} ${which}
    </button>
    ${
      method.isDefault || method.expired
        ? nothing
        : html`<button
            type="button"
            class="button"
            data-default=${method.id}
            @click=${(e: Event) => props.onDefault(method, opener(e))}
          >
            ${i18n.t('wallet.action.makeDefault')} ${which}
          </button>`
    }
    <button
      type="button"
      class="button danger"
      data-remove=${method.id}
      @click=${(e: Event) => props.onRemove(method, opener(e))}
    >
      ${i18n.t('wallet.action.remove')} ${which}
    </button>
  </div>`;
}

export function renderGrid(props: ViewProps): TemplateResult {
  const { i18n } = props;
  return html`<ul class="grid" part="grid">
    ${repeat(
      props.methods,
      (method) => method.id,
      (method) => {
        const autopay = usedBy(i18n, method);
        return html`<li class="method ${method.expired ? 'is-expired' : ''}" part="method" data-method=${method.id}>
          <h3 class="name" id="name-${method.id}">${renderMethod(i18n, method.method, method.nickname)}</h3>
          <p class="badges">${renderBadges(i18n, method)}</p>
          ${method.holder ? html`<p class="holder">${method.holder}</p>` : nothing}
          ${expiryText(method) ? html`<p class="expiry">${expiry(i18n, method)}</p>` : nothing}
          ${method.expired && props.canWrite ? html`<p class="hint">${i18n.t('wallet.expiredHint')}</p>` : nothing}
          ${autopay ? html`<p class="autopay">${i18n.t('wallet.usedBy', { scopes: autopay })}</p>` : nothing}
          ${renderActions(props, method)}
        </li>`;
      },
    )}
  </ul>`;
}

export function renderTable(props: ViewProps): TemplateResult {
  const { i18n } = props;
  return html`<div class="table-frame">
    <table part="table">
      <caption class="visually-hidden">
        ${i18n.t('wallet.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('wallet.col.method')}</th>
          <th scope="col">${i18n.t('wallet.col.holder')}</th>
          <th scope="col">${i18n.t('wallet.col.expiry')}</th>
          <th scope="col">${i18n.t('wallet.col.status')}</th>
          <th scope="col">${i18n.t('wallet.col.autopay')}</th>
          ${props.canWrite ? html`<th scope="col">${i18n.t('wallet.col.actions')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          props.methods,
          (method) => method.id,
          (method) =>
            html`<tr data-method=${method.id}>
              <th scope="row">${renderMethod(i18n, method.method, method.nickname)}</th>
              <td>${method.holder ?? ''}</td>
              <td>${expiryText(method)}</td>
              <td><span class="badges">${renderBadges(i18n, method)}</span></td>
              <td>${usedBy(i18n, method)}</td>
              ${props.canWrite ? html`<td>${renderActions(props, method)}</td>` : nothing}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
