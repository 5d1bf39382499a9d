import { css } from 'lit';

export const walletStyles = css`
  h2 {
    margin: 0;
    font-size: 1.3rem;
  }
  h3 {
    margin: 0 0 var(--_ups-space);
    font-size: 1.05rem;
  }
  h4 {
    margin: 0 0 calc(var(--_ups-space) * 0.5);
    font-size: 0.95rem;
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

  /* The view switch: two radios drawn as one segmented control. */
  .view-toggle {
    display: inline-flex;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_ups-accent);
    border-radius: var(--_ups-radius);
  }
  .segment {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-height: 2.25rem;
    padding: 0 calc(var(--_ups-space) * 1.5);
    color: var(--_ups-accent);
    cursor: pointer;
  }
  .segment input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment:has(input:checked) {
    background: var(--_ups-accent);
    color: var(--_ups-on-accent);
  }
  .segment:has(input:focus-visible) {
    outline: 2px solid var(--_ups-focus);
    outline-offset: 2px;
  }

  .methods.loading {
    min-height: 8rem;
    color: var(--_ups-muted);
  }
  /* The first load's message stays at full contrast; only a reload dims what it replaces. */
  .methods[aria-busy='true']:not(.loading) > :not(.count) {
    opacity: 0.6;
  }
  .count {
    margin: var(--_ups-space) 0 0;
    color: var(--_ups-muted);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--ups-wallet-card-width, 16rem), 1fr));
    gap: calc(var(--_ups-space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .method {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_ups-space) * 0.5);
    padding: calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
  }
  .method.is-expired {
    border-color: var(--_ups-danger);
  }
  .method p {
    margin: 0;
  }
  .method .name {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .method .actions {
    margin-top: auto;
    padding-top: var(--_ups-space);
    justify-content: flex-start;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .badges:empty {
    display: none;
  }
  .badge.default {
    color: var(--_ups-success);
  }
  .badge.expired {
    color: var(--_ups-danger);
  }
  .badge.expiring {
    color: var(--_ups-warning);
  }
  .table-frame {
    overflow-x: auto;
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    height: 2.75rem;
    padding: 0.25rem calc(var(--_ups-space) * 0.9);
    border-top: 1px solid var(--_ups-border);
    text-align: start;
  }
  thead th {
    border-top: 0;
    background: var(--_ups-surface-alt);
    font-weight: 600;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 500;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_ups-space) * 0.75);
    align-items: center;
    justify-content: flex-end;
  }
  .actions .button {
    min-height: 2rem;
  }

  .dialog {
    width: min(38rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: calc(var(--_ups-space) * 2.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: var(--_ups-text);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 35%);
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
    justify-content: flex-end;
    gap: var(--_ups-space);
    margin-top: var(--_ups-space);
  }
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
  fieldset[aria-describedby] {
    border-color: var(--_ups-danger);
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
    gap: var(--_ups-space);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  .card-frame {
    display: block;
    width: 100%;
    /* The frame's own height arrives by message; this is its first guess. */
    height: 236px;
    border: 0;
  }
  .bank {
    display: grid;
    gap: calc(var(--_ups-space) * 1.25);
  }
  .mandate,
  .bank-note {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .mandate p,
  .bank-note p {
    margin: 0 0 var(--_ups-space);
    font-size: 0.9em;
  }
  input[readonly] {
    background: var(--_ups-surface-alt);
  }
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
`;
