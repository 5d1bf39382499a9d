/**
 * The confirmation before <ups-user-admin> removes a user: what removing
 * does, the safe choice with the focus, and — when the server refused (the
 * last administrator) — only Close.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ManagedUser } from '../../api/schemas/users.js';
import type { I18n } from '../../internal/i18n.js';
import { userLabel } from './user-admin-list.js';

export interface RemoveProps {
  i18n: I18n;
  user: ManagedUser;
  /** The signed-in user removing themselves. */
  self: boolean;
  /** The server refused (the last administrator): nothing is left to do but close. */
  refused: boolean;
  busy: boolean;
  summary: TemplateResult | typeof nothing;
  onKeep: () => void;
  onRemove: () => void;
}

export function renderRemove(props: RemoveProps): TemplateResult {
  const { i18n, busy } = props;
  return html`<h3 id="remove-title">${i18n.t('userAdmin.remove.title', { user: userLabel(props.user) })}</h3>
    <p id="remove-text">${i18n.t('userAdmin.remove.text')} ${props.self ? i18n.t('userAdmin.remove.self') : nothing}</p>
    ${props.summary}
    <div class="dialog-actions">
      <button type="button" class="button keep" autofocus @click=${props.onKeep}>
        ${i18n.t(props.refused ? 'userAdmin.close' : 'userAdmin.remove.keep')}
      </button>
      ${
        props.refused
          ? nothing
          : html`<button
              type="button"
              class="button primary danger confirm"
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${props.onRemove}
            >
              ${i18n.t(busy ? 'userAdmin.remove.busy' : 'userAdmin.remove.confirm')}
            </button>`
      }
    </div>`;
}
