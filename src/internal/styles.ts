/**
 * Styles every element shares. Elements read global tokens (`--ups-*`) with
 * a fallback, so a host themes the whole library by setting a few tokens.
 * The optional sheets (all but baseStyles) are built in a pure-marked function
 * call: bundlers do not honor the mark on a tagged template itself, and so
 * they would keep every sheet in every element's bundle.
 */
import { css } from 'lit';

/*
 * The light theme is the fallbacks below; the dark one is a set of --ups-*
 * values (the provider's theme="dark", or a host's rule), so a colour written
 * anywhere else in the library would escape the theme (docs/THEMING.md).
 * `control-border` is for the borders that alone show where a control is:
 * 3:1 against the surface, which dividers (`border`) need not be. The host's
 * background is transparent in the light theme, so the page shows through;
 * the dark theme paints it, so light text never lands on a light page.
 * Comments stay out of the template: minifiers keep them there.
 */
export const baseStyles = css`
  :host {
    --_ups-text: var(--ups-color-text, #1d1d1f);
    --_ups-muted: var(--ups-color-text-muted, #55555d);
    --_ups-surface: var(--ups-color-surface, #ffffff);
    --_ups-surface-alt: var(--ups-color-surface-alt, #f5f4f1);
    --_ups-border: var(--ups-color-border, #c9c7c2);
    --_ups-control-border: var(--ups-color-control-border, #8a8780);
    --_ups-accent: var(--ups-color-accent, #5c3d11);
    --_ups-on-accent: var(--ups-color-on-accent, #ffffff);
    --_ups-danger: var(--ups-color-danger, #b3261e);
    --_ups-success: var(--ups-color-success, #1e6b34);
    --_ups-warning: var(--ups-color-warning, #8a5300);
    --_ups-focus: var(--ups-color-focus, #0b61c4);
    --_ups-backdrop: var(--ups-color-backdrop, rgb(0 0 0 / 35%));
    --_ups-radius: var(--ups-radius, 6px);
    --_ups-space: var(--ups-space, 8px);
    display: block;
    box-sizing: border-box;
    color: var(--_ups-text);
    background: var(--ups-color-background, transparent);
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
export const fieldStyles = /* @__PURE__ */ (() => css`
  .field {
    display: grid;
    gap: 3px;
  }
  input:not([type='radio']):not([type='checkbox']),
  select {
    min-height: 2.25rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_ups-control-border);
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
`)();

/** The list of a form's errors over it, each a link to its field (see error-summary.ts). */
export const errorSummaryStyles = /* @__PURE__ */ (() => css`
  .error-summary {
    padding: var(--_ups-space) calc(var(--_ups-space) * 2);
    border: 2px solid var(--_ups-danger);
    border-radius: var(--_ups-radius);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2rem;
  }
  .error-summary a {
    color: var(--_ups-danger);
    font-weight: 600;
  }
`)();

/**
 * Forms that group their controls: bold labels and legends, framed fieldsets,
 * and `.choice` rows (a radio or check box with its text).
 */
export const fieldsetStyles = /* @__PURE__ */ (() => css`
  label,
  legend {
    font-weight: 600;
  }
  fieldset {
    display: grid;
    gap: var(--_ups-space);
    margin: 0;
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5) calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
`)();

/**
 * The administration views (accounts, wallet, users): a toolbar with the
 * heading, muted hints and the error line over the list. The empty error
 * line stays rendered, only flat: a live region that is not rendered may
 * not be announced when its text arrives.
 */
export const listStyles = /* @__PURE__ */ (() => css`
  h2 {
    margin: 0;
    font-size: 1.3rem;
  }
  h3 {
    margin: 0 0 var(--_ups-space);
    font-size: 1.05rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ups-space) calc(var(--_ups-space) * 2);
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .toolbar h2 {
    flex: 1 1 auto;
  }
  .hint {
    color: var(--_ups-muted);
    font-size: 0.9em;
    font-weight: 400;
  }
  .alert:empty {
    margin: 0;
  }
  .alert:not(:empty) {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-danger);
    border-radius: var(--_ups-radius);
    color: var(--_ups-danger);
  }
`)();

/**
 * Data tables: the scrolling frame, cells, numeric columns, a header that
 * stays in view and the row actions (in a div in their cell: a flex cell
 * would no longer be a table cell). Elements tune the row height with
 * `--_ups-row-height` (auto: rows grow with their content).
 */
export const tableStyles = /* @__PURE__ */ (() => css`
  .table-frame,
  .frame {
    overflow-x: auto;
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    height: var(--_ups-row-height, 2.75rem);
    padding: 0.25rem calc(var(--_ups-space) * 0.9);
    border-top: 1px solid var(--_ups-border);
    text-align: start;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    border-top: 0;
    background: var(--_ups-surface-alt);
    font-weight: 600;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 500;
  }
  .num {
    text-align: end;
  }
  td > .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_ups-space) * 0.75);
    align-items: center;
    justify-content: flex-end;
  }
  td > .actions .button {
    min-height: 2rem;
  }
`)();

/**
 * Sortable column headers: the header's button and the arrow that tells the
 * order. A numeric column's arrow goes before its label, so the label stays
 * aligned with the numbers.
 */
export const sortStyles = /* @__PURE__ */ (() => css`
  th .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  th.num .sort {
    flex-direction: row-reverse;
  }
  .sort-icon::after {
    content: '↕';
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  .sort-icon.asc::after {
    content: '↑';
    color: inherit;
  }
  .sort-icon.desc::after {
    content: '↓';
    color: inherit;
  }
`)();

/** The footer under a paged list: the count on one side, the pager on the other. */
export const pagerStyles = /* @__PURE__ */ (() => css`
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ups-space);
    margin-top: var(--_ups-space);
  }
  .pager {
    display: flex;
    align-items: center;
    gap: var(--_ups-space);
  }
`)();

/**
 * The modal <dialog>: frame and backdrop, a form laid out in a column and
 * the actions row. Elements set the width with
 * `--_ups-dialog-width` on `.dialog`. The backdrop's fallback is for browsers
 * where ::backdrop inherits nothing from its dialog (before 2024).
 */
export const dialogStyles = /* @__PURE__ */ (() => css`
  .dialog {
    width: min(var(--_ups-dialog-width, 38rem), calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: calc(var(--_ups-space) * 2.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: var(--_ups-text);
  }
  .dialog::backdrop {
    background: var(--_ups-backdrop, rgb(0 0 0 / 35%));
  }
  .dialog-form {
    display: grid;
    gap: calc(var(--_ups-space) * 1.5);
  }
  .dialog-form > p {
    margin: 0;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_ups-space);
    margin-top: calc(var(--_ups-space) * 1.5);
  }
`)();
