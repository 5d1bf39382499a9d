import { css } from 'lit';

export const inboundChargesStyles = css`
  .inbound {
    display: grid;
    gap: calc(var(--_ups-space) * 2);
    max-width: var(--ups-inbound-charges-max-width, 56rem);
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  section {
    display: grid;
    gap: var(--_ups-space);
  }
  .settings,
  .exceptions,
  .add,
  .import {
    padding: calc(var(--_ups-space) * 2);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
  }
  .account-settings {
    display: grid;
    gap: calc(var(--_ups-space) * 2);
  }
  .account-settings[aria-busy='true'] {
    opacity: 0.6;
  }
  form {
    display: grid;
    gap: calc(var(--_ups-space) * 1.5);
  }
  fieldset {
    display: grid;
    gap: var(--_ups-space);
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: var(--_ups-space);
    font-weight: 600;
  }
  .option {
    display: grid;
    gap: 2px;
  }
  .choice {
    display: inline-flex;
    gap: var(--_ups-space);
    align-items: center;
  }
  .option .hint {
    padding-inline-start: calc(1.1rem + var(--_ups-space));
  }
  .hint,
  .count,
  .meaning {
    color: var(--_ups-muted);
    font-size: 0.875em;
  }
  .alert:empty {
    display: none;
  }
  .alert {
    color: var(--_ups-danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ups-space);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: calc(var(--_ups-space) * 0.75);
    border-bottom: 1px solid var(--_ups-border);
    text-align: start;
    vertical-align: top;
  }
  tbody th {
    font-family: var(--ups-font-family-mono, ui-monospace, monospace);
  }
  .row-text {
    font-family: var(--ups-font-family-mono, ui-monospace, monospace);
    overflow-wrap: anywhere;
  }
  textarea {
    padding: 0.5rem;
    border: 1px solid var(--_ups-control-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: inherit;
    font-family: var(--ups-font-family-mono, ui-monospace, monospace);
    resize: vertical;
  }
  .preview {
    padding: calc(var(--_ups-space) * 1.5);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .dialog {
    --_ups-dialog-width: 32rem;
  }
  :focus-visible,
  .preview:focus,
  h3:focus {
    outline: 2px solid var(--_ups-focus);
    outline-offset: 2px;
  }
`;
