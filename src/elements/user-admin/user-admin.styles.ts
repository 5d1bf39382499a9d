import { css } from 'lit';

export const userAdminStyles = css`
  :host {
    --_ups-banner: var(--ups-user-admin-banner-color, var(--_ups-warning));
    /* Rows grow with what they hold: several lines of scope or recovery details. */
    --_ups-row-height: auto;
  }
  h4 {
    margin: calc(var(--_ups-space) * 2) 0 var(--_ups-space);
    font-size: 1rem;
  }
  p {
    margin: 0 0 var(--_ups-space);
  }
  .note {
    color: var(--_ups-muted);
    font-size: 0.9em;
    font-weight: 400;
    padding: calc(var(--_ups-space) * 0.75) var(--_ups-space);
    border-inline-start: 3px solid var(--_ups-border);
    background: var(--_ups-surface-alt);
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
  th,
  td {
    padding-block: calc(var(--_ups-space) * 0.6);
    vertical-align: top;
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
  .last-admin {
    min-width: 11rem;
    max-width: 18rem;
    margin: calc(var(--_ups-space) * 0.5) 0 0;
  }
  .count {
    margin: 0;
    color: var(--_ups-muted);
  }

  .dialog {
    --_ups-dialog-width: 40rem;
  }
  .recovery-form {
    display: grid;
    gap: calc(var(--_ups-space) * 1.5);
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ups-space);
    margin-top: var(--_ups-space);
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
  fieldset[aria-describedby~='role-error'],
  fieldset[aria-describedby~='scope-error'] {
    border-color: var(--_ups-danger);
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
  .filters {
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .filters select {
    justify-self: start;
  }
`;
