/**
 * Styles every element shares. Elements read global tokens (`--ups-*`) with
 * a fallback, so a host themes the whole library by setting a few tokens.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --_ups-text: var(--ups-color-text, #1d1d1f);
    --_ups-muted: var(--ups-color-text-muted, #55555d);
    --_ups-surface: var(--ups-color-surface, #ffffff);
    --_ups-surface-alt: var(--ups-color-surface-alt, #f5f4f1);
    --_ups-border: var(--ups-color-border, #c9c7c2);
    --_ups-accent: var(--ups-color-accent, #5c3d11);
    --_ups-on-accent: var(--ups-color-on-accent, #ffffff);
    --_ups-danger: var(--ups-color-danger, #b3261e);
    --_ups-success: var(--ups-color-success, #1e6b34);
    --_ups-warning: var(--ups-color-warning, #8a5300);
    --_ups-focus: var(--ups-color-focus, #0b61c4);
    --_ups-radius: var(--ups-radius, 6px);
    --_ups-space: var(--ups-space, 8px);
    display: block;
    box-sizing: border-box;
    color: var(--_ups-text);
    font-family: var(--ups-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--ups-font-size, 0.9375rem);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_ups-focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .notice {
    padding: calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .notice.error {
    border-color: var(--_ups-danger);
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.25rem;
    padding: 0 calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-accent);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: var(--_ups-accent);
    cursor: pointer;
  }
  .button.primary {
    background: var(--_ups-accent);
    color: var(--_ups-on-accent);
  }
  .button.danger {
    border-color: var(--_ups-danger);
    color: var(--_ups-danger);
  }
  .button.primary.danger {
    background: var(--_ups-danger);
    color: var(--_ups-on-accent);
  }
  /* Still focusable, so a screen reader can reach it and hear why it is unavailable. */
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
`;

/**
 * Form controls, for the elements that have them: one look for text inputs,
 * selects, check boxes and the message under a field.
 */
export const fieldStyles = css`
  .field {
    display: grid;
    gap: 3px;
  }
  input:not([type='radio']):not([type='checkbox']),
  select {
    min-height: 2.25rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: inherit;
    font: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_ups-danger);
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.1rem;
    height: 1.1rem;
    accent-color: var(--_ups-accent);
  }
  .field-error {
    color: var(--_ups-danger);
    font-size: 0.875em;
  }
`;
