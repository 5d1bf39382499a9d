import { css } from 'lit';

/**
 * The dispute list's own look: the filter bar, status badges (open in the
 * warning tone, credits in the success tone), the disclosure chevron and a
 * disclosed dispute's facts and history timeline.
 */
export const disputeListStyles = css`
  h2 {
    margin: 0 0 calc(var(--_ups-space) * 1.5);
    font-size: 1.3rem;
  }
  h3 {
    margin: calc(var(--_ups-space) * 1.5) 0 calc(var(--_ups-space) * 0.75);
    font-size: 1rem;
  }
  .dialog h3 {
    margin-top: 0;
    font-size: 1.1rem;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .field label {
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  .field.search {
    flex: 1 1 16rem;
  }
  .hint {
    color: var(--_ups-muted);
    font-size: 0.8em;
  }
  textarea {
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_ups-control-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: inherit;
    font: inherit;
    resize: vertical;
  }
  .frame.loading {
    min-height: 8rem;
    padding: calc(var(--_ups-space) * 1.5);
    color: var(--_ups-muted);
  }
  .frame[aria-busy='true'] table {
    opacity: 0.6;
  }
  .empty {
    margin: calc(var(--_ups-space) * 1.5);
  }
  .count {
    margin: 0;
    color: var(--_ups-muted);
  }
  .number {
    white-space: nowrap;
  }
  .disclosure,
  .link {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.2em 0;
    border: 0;
    background: none;
    color: var(--_ups-accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
  .disclosure {
    color: inherit;
    font-weight: 500;
    text-decoration: none;
  }
  .chevron::before {
    content: '▸';
    display: inline-block;
    transition: transform 120ms ease;
  }
  [aria-expanded='true'] .chevron::before {
    transform: rotate(90deg);
  }
  tbody.expanded > tr:first-child {
    background: var(--_ups-surface-alt);
  }
  .details-row > td {
    height: auto;
    border-top: 0;
    padding: var(--_ups-space) calc(var(--_ups-space) * 2) calc(var(--_ups-space) * 2);
    background: var(--_ups-surface-alt);
  }
  .details .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--_ups-space) calc(var(--_ups-space) * 2);
    margin: 0;
  }
  .details dt {
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  .details dd {
    margin: 0;
  }
  .details .comment {
    white-space: pre-wrap;
  }
  .details table.lines th,
  .details table.lines td {
    height: auto;
    position: static;
    background: none;
  }
  .attachments {
    margin: 0;
    padding-inline-start: 1.2rem;
  }
  .history {
    display: grid;
    gap: var(--_ups-space);
    margin: 0;
    padding: 0;
    list-style: none;
    border-inline-start: 2px solid var(--_ups-border);
  }
  .history li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_ups-space);
    padding-inline-start: calc(var(--_ups-space) * 1.5);
  }
  .history .by {
    color: var(--_ups-muted);
  }
  .history .note {
    flex-basis: 100%;
    margin: 0;
    white-space: pre-wrap;
  }
  .details-actions {
    display: flex;
    justify-content: flex-end;
    margin-top: calc(var(--_ups-space) * 1.5);
  }
  .badge {
    display: inline-block;
    padding: 0.05em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 500;
    white-space: nowrap;
  }
  .badge.submitted,
  .badge.in_review {
    color: var(--_ups-warning);
  }
  .badge.approved,
  .badge.partially_approved {
    color: var(--_ups-success);
  }
  .badge.denied {
    color: var(--_ups-danger);
  }
  .badge.withdrawn {
    color: var(--_ups-muted);
  }
  .dialog-error {
    color: var(--_ups-danger);
    font-size: 0.85em;
  }
  .dialog-error:empty {
    display: none;
  }
  .dialog {
    --_ups-dialog-width: 34rem;
  }
`;
