import { css } from 'lit';

export const menuStyles = css`
  .menu {
    position: fixed;
    inset: auto;
    top: var(--_menu-top, 0);
    left: var(--_menu-left, 0);
    min-width: 11rem;
    margin: 0;
    padding: 4px;
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: var(--_ups-text);
    box-shadow: var(--ups-shadow, 0 6px 24px rgb(0 0 0 / 18%));
  }
  .menu:not(:popover-open) {
    display: none;
  }
  .menu [role='menuitem'] {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    width: 100%;
    padding: 0.45rem 0.75rem;
    border: 0;
    border-radius: calc(var(--_ups-radius) - 2px);
    background: none;
    color: inherit;
    text-align: start;
    cursor: pointer;
  }
  .menu [role='menuitem']:focus {
    outline: none;
    background: var(--_ups-surface-alt);
    box-shadow: inset 0 0 0 2px var(--_ups-focus);
  }
  .menu [role='menuitem'][aria-disabled='true'] {
    color: var(--_ups-muted);
    cursor: default;
  }
`;
