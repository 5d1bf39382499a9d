import { css } from 'lit';

export const userAdminStyles = css`
  :host {
    --_ups-banner: var(--ups-user-admin-banner-color, var(--_ups-warning));
  }
  h2 {
    margin: 0;
    font-size: 1.3rem;
  }
  h3 {
    margin: 0 0 var(--_ups-space);
    font-size: 1.1rem;
  }
  h4 {
    margin: calc(var(--_ups-space) * 2) 0 var(--_ups-space);
    font-size: 1rem;
  }
  p {
    margin: 0 0 var(--_ups-space);
  }
  .toolbar {
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .hint,
  .note {
    color: var(--_ups-muted);
    font-size: 0.9em;
    font-weight: 400;
  }
  .note {
    padding: calc(var(--_ups-space) * 0.75) var(--_ups-space);
    border-inline-start: 3px solid var(--_ups-border);
    background: var(--_ups-surface-alt);
  }
  .alert:empty {
    display: none;
  }
  .alert {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-danger);
    border-radius: var(--_ups-radius);
    color: var(--_ups-danger);
  }
  .no-access {
    margin-bottom: calc(var(--_ups-space) * 2);
  }

  /* Tabs: a row of buttons over one panel. */
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    border-bottom: 1px solid var(--_ups-border);
  }
  [role='tab'] {
    margin-bottom: -1px;
    padding: calc(var(--_ups-space) * 0.75) calc(var(--_ups-space) * 1.5);
    border: 1px solid transparent;
    border-radius: var(--_ups-radius) var(--_ups-radius) 0 0;
    background: none;
    color: var(--_ups-muted);
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-color: var(--_ups-border);
    border-bottom-color: var(--_ups-surface);
    background: var(--_ups-surface);
    color: var(--_ups-text);
    font-weight: 600;
  }
  .panel {
    padding-top: calc(var(--_ups-space) * 2);
  }

  .banner {
    margin-bottom: calc(var(--_ups-space) * 2);
    padding: calc(var(--_ups-space) * 1.5) calc(var(--_ups-space) * 2);
    border: 1px solid var(--_ups-banner);
    border-inline-start-width: 6px;
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
  }
  .banner h3 {
    color: var(--_ups-banner);
  }
  .limits {
    max-width: 60rem;
  }

  .list-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_ups-space) calc(var(--_ups-space) * 2);
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .search input {
    width: min(24rem, 80vw);
  }

  .frame {
    overflow-x: auto;
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
  }
  .frame.loading,
  .frame.empty {
    min-height: 6rem;
    padding: calc(var(--_ups-space) * 1.5);
    color: var(--_ups-muted);
  }
  /* Reloading: a bar along the top, not faded text (which would fail contrast while it shows). */
  .frame[aria-busy='true'] {
    box-shadow: inset 0 3px 0 var(--_ups-accent);
    cursor: progress;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: calc(var(--_ups-space) * 0.6) calc(var(--_ups-space) * 0.9);
    border-top: 1px solid var(--_ups-border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    border-top: 0;
    background: var(--_ups-surface-alt);
    font-weight: 600;
  }
  tbody th {
    font-weight: 500;
  }
  th .sort {
    display: inline-flex;
    text-align: start;
    align-items: center;
    gap: 0.3em;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
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
  .you {
    margin-inline-start: 0.3em;
    color: var(--_ups-muted);
    font-weight: 400;
  }
  .email {
    overflow-wrap: anywhere;
  }
  .role.administrator {
    font-weight: 600;
  }
  .scope span,
  .stack span {
    display: block;
  }
  .person-id {
    font-weight: 600;
  }
  .status.approved {
    color: var(--_ups-success);
  }
  .status.pending {
    color: var(--_ups-warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_ups-space) * 0.75);
  }
  .actions .button {
    min-height: 2rem;
  }
  .last-admin {
    min-width: 11rem;
    max-width: 18rem;
    margin: calc(var(--_ups-space) * 0.5) 0 0;
  }
  .button.danger {
    border-color: var(--_ups-danger);
    color: var(--_ups-danger);
  }
  .button.primary.danger {
    background: var(--_ups-danger);
    color: var(--_ups-on-accent);
  }
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ups-space);
    margin-top: var(--_ups-space);
  }
  .count {
    margin: 0;
    color: var(--_ups-muted);
  }
  .pager {
    display: flex;
    align-items: center;
    gap: var(--_ups-space);
  }

  .dialog {
    width: min(40rem, calc(100vw - 2rem));
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
  .dialog-form,
  .recovery-form {
    display: grid;
    gap: calc(var(--_ups-space) * 1.5);
  }
  .dialog-actions,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_ups-space);
    margin-top: var(--_ups-space);
  }
  .form-actions {
    justify-content: flex-start;
  }
  .sent:empty,
  .copy-status:empty {
    display: none;
  }
  .sent,
  .copy-status {
    margin: 0;
    color: var(--_ups-success);
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
  fieldset[aria-describedby~='role-error'],
  fieldset[aria-describedby~='scope-error'] {
    border-color: var(--_ups-danger);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  .role-option .hint {
    display: block;
    margin-inline-start: 1.6rem;
  }
  .choice:has(input:disabled) {
    color: var(--_ups-muted);
  }
  .choices {
    display: grid;
    gap: var(--_ups-space);
    max-height: 18rem;
    overflow-y: auto;
  }
  .group {
    padding-block: calc(var(--_ups-space) * 0.5) var(--_ups-space);
  }
  .people {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    align-items: start;
    gap: calc(var(--_ups-space) * 1.5);
  }
  .person {
    align-content: start;
  }
  .password {
    margin: 0;
    padding: calc(var(--_ups-space) * 1.5);
    border: 1px dashed var(--_ups-accent);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .password dt {
    font-weight: 600;
  }
  .password dd {
    margin: calc(var(--_ups-space) * 0.5) 0 0;
  }
  .password code {
    font-size: 1.35rem;
    letter-spacing: 0.08em;
    user-select: all;
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
  .filters {
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .filters select {
    justify-self: start;
  }
`;
