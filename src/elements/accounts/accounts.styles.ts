import { css } from 'lit';

export const accountsStyles = css`
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
  .hint,
  .muted {
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
  .lists.loading {
    min-height: 8rem;
    color: var(--_ups-muted);
  }
  .lists[aria-busy='true']:not(.loading) > :not(.count) {
    opacity: 0.6;
  }
  .count {
    margin: var(--_ups-space) 0 calc(var(--_ups-space) * 2);
    color: var(--_ups-muted);
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
  tbody th .number {
    display: block;
    font-weight: 600;
  }
  tbody th .name {
    display: block;
    color: var(--_ups-muted);
    font-size: 0.9em;
  }
  .badge.on {
    color: var(--_ups-success);
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
    width: min(var(--ups-accounts-dialog-width, 38rem), calc(100vw - 2rem));
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
  .consequences p,
  .consequences ul {
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
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  textarea {
    padding: 0.5rem;
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: inherit;
    font: inherit;
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
