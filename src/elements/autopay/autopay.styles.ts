import { css } from 'lit';

export const autopayStyles = css`
  .autopay {
    --_ups-flag: var(--ups-autopay-flag-color, var(--_ups-warning));
    max-width: var(--ups-autopay-max-width, 60rem);
  }
  h2 {
    margin: 0;
    font-size: 1.3rem;
  }
  h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  h4 {
    margin: 0 0 calc(var(--_ups-space) * 0.75);
    font-size: 0.95rem;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ups-space);
  }
  .intro {
    margin: calc(var(--_ups-space) * 0.75) 0 calc(var(--_ups-space) * 1.5);
    color: var(--_ups-muted);
  }
  .hint {
    margin: 0;
    color: var(--_ups-muted);
    font-size: 0.9em;
  }
  .frame.loading {
    min-height: 10rem;
    padding: calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    color: var(--_ups-muted);
  }
  .rule-list {
    display: grid;
    gap: calc(var(--_ups-space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .rule {
    display: grid;
    gap: calc(var(--_ups-space) * 1.5);
    padding: calc(var(--_ups-space) * 2);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--ups-autopay-rule-background, var(--_ups-surface));
  }
  .rule.suspended {
    border-color: var(--_ups-danger);
  }
  .rule-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ups-space);
  }
  .badge.active,
  .badge.paid,
  .badge.pay {
    color: var(--_ups-success);
  }
  .badge.suspended,
  .badge.failed {
    color: var(--_ups-danger);
  }
  .badge.ended {
    color: var(--_ups-muted);
  }
  .badge.skipped,
  .badge.skipped_over_maximum {
    border-width: 2px;
    color: var(--_ups-flag);
    font-weight: 700;
  }
  .suspended {
    display: grid;
    gap: var(--_ups-space);
  }
  .suspended > p,
  .flag {
    margin: 0;
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border-inline-start: 4px solid var(--_ups-danger);
    background: var(--_ups-surface-alt);
  }
  .flag {
    display: flex;
    gap: var(--_ups-space);
    align-items: baseline;
    border-inline-start-color: var(--_ups-flag);
  }
  .flag-icon {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 1.3em;
    height: 1.3em;
    border-radius: 50%;
    background: var(--_ups-flag);
    color: var(--_ups-on-accent);
    font-weight: 700;
  }
  .fixes,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ups-space);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    gap: var(--_ups-space) calc(var(--_ups-space) * 2);
    margin: 0;
  }
  .facts dt {
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .run p {
    margin: 0 0 calc(var(--_ups-space) * 0.5);
  }
  .lines {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .lines th,
  .lines td {
    height: 2.25rem;
    padding: 0 calc(var(--_ups-space) * 0.9);
    border-top: 1px solid var(--_ups-border);
    text-align: start;
    font-weight: 400;
  }
  .lines thead th {
    border-top: 0;
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  .lines tbody th {
    font-weight: 500;
  }
  .lines tr.skipped {
    background: var(--_ups-surface-alt);
  }
  .lines .num {
    text-align: end;
  }
  .created {
    display: grid;
    gap: var(--_ups-space);
    margin-bottom: calc(var(--_ups-space) * 2);
    border-color: var(--_ups-success);
  }
  .created p {
    margin: 0;
  }
  a.button {
    text-decoration: none;
  }

  /* Dialogs */
  .dialog {
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: calc(var(--_ups-space) * 2.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: var(--_ups-text);
  }
  .dialog.wide {
    width: min(60rem, calc(100vw - 2rem));
  }
  .dialog::backdrop {
    background: var(--_ups-backdrop, rgb(0 0 0 / 35%));
  }
  .dialog-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ups-space);
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_ups-space);
    margin-top: calc(var(--_ups-space) * 2);
  }
  .dialog-error {
    color: var(--_ups-danger);
    font-size: 0.9em;
  }
  .dialog-error:empty {
    display: none;
  }
`;
