/**
 * The tabs of <ups-user-admin> (Users, Audit log, Administrator recovery), as
 * the ARIA tabs pattern has them: one tab stop, arrows and Home / End move
 * between tabs and show each at once, every panel labelled by its tab.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { I18n } from '../../internal/i18n.js';

export type UserAdminTab = 'users' | 'audit' | 'recovery';

/** The tab a key leads to from `current`, or null for keys that do not move. */
export function tabAfter(key: string, tabs: readonly UserAdminTab[], current: UserAdminTab): UserAdminTab | null {
  const at = tabs.indexOf(current);
  const moves: Record<string, number> = {
    ArrowRight: (at + 1) % tabs.length,
    ArrowLeft: (at - 1 + tabs.length) % tabs.length,
    Home: 0,
    End: tabs.length - 1,
  };
  return key in moves ? tabs[moves[key]!]! : null;
}

export interface TabsProps {
  i18n: I18n;
  tabs: readonly UserAdminTab[];
  shown: UserAdminTab;
  onSelect: (tab: UserAdminTab) => void;
  onKeydown: (event: KeyboardEvent) => void;
  /** The shown tab's content; the others render empty, hidden. */
  panel: (tab: UserAdminTab) => TemplateResult;
}

export function renderTabs(props: TabsProps): TemplateResult {
  const { i18n, tabs, shown } = props;
  return html`<div
      class="tabs"
      role="tablist"
      part="tabs"
      aria-label=${i18n.t('userAdmin.tabs')}
      @keydown=${props.onKeydown}
    >
      ${tabs.map(
        (tab) =>
          html`<button
            type="button"
            role="tab"
            id="tab-${tab}"
            aria-selected=${tab === shown ? 'true' : 'false'}
            aria-controls="panel-${tab}"
            tabindex=${tab === shown ? 0 : -1}
            @click=${() => props.onSelect(tab)}
          >
            ${i18n.t(`userAdmin.tab.${tab}`)}
          </button>`,
      )}
    </div>
    ${tabs.map(
      (tab) =>
        html`<div
          class="panel"
          role="tabpanel"
          id="panel-${tab}"
          aria-labelledby="tab-${tab}"
          tabindex="0"
          ?hidden=${tab !== shown}
        >
          ${tab === shown ? props.panel(tab) : nothing}
        </div>`,
    )}`;
}
