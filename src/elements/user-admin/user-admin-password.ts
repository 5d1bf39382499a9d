/**
 * The temporary password of a user just added, shown this once — the
 * server keeps only its hash — with a copy button and who to give it to.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CreatedUser } from '../../api/schemas/users.js';
import type { I18n } from '../../internal/i18n.js';
import { userLabel } from './user-admin-list.js';

/**
 * Copies the password; without a clipboard (permissions, an insecure page)
 * selects it in `code` instead, so a keyboard copy takes it.
 */
export async function copyPassword(password: string, code: Element | null): Promise<'copied' | 'failed'> {
  try {
    await navigator.clipboard.writeText(password);
    return 'copied';
  } catch {
    const selection = getSelection();
    if (code && selection) {
      const range = document.createRange();
      range.selectNodeContents(code);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    return 'failed';
  }
}

export interface CreatedProps {
  i18n: I18n;
  created: CreatedUser;
  copy: 'copied' | 'failed' | null;
  onCopy: () => void;
  onDone: () => void;
}

export function renderCreated(props: CreatedProps): TemplateResult {
  const { i18n, created } = props;
  const { user } = created;
  return html`<div class="created">
    <h3 id="user-title">${i18n.t('userAdmin.password.title', { user: userLabel(user) })}</h3>
    <p id="password-note" class="note">
      ${i18n.t('userAdmin.password.note', { name: user.name, userId: user.userId })}
    </p>
    <dl class="password" part="password">
      <dt>${i18n.t('userAdmin.password.label')}</dt>
      <dd><code>${created.temporaryPassword}</code></dd>
    </dl>
    <p class="copy-status" role="status">
      ${
        props.copy === 'copied'
          ? i18n.t('userAdmin.password.copied')
          : props.copy === 'failed'
            ? i18n.t('userAdmin.password.copyFailed')
            : nothing
      }
    </p>
    <div class="dialog-actions">
      <button type="button" class="button copy" @click=${props.onCopy}>${i18n.t('userAdmin.password.copy')}</button>
      <button type="button" class="button primary done" @click=${props.onDone}>
        ${i18n.t('userAdmin.password.done')}
      </button>
    </div>
  </div>`;
}
