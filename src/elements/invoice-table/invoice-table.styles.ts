import { css } from 'lit';

export const invoiceTableStyles = css`
  :host {
    --_ups-row-height: var(--ups-invoice-table-row-height, 2.5rem);
    --_visible-rows: var(--ups-invoice-table-visible-rows, 12);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .field label,
  .field .label {
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  .field.search {
    flex: 1 1 16rem;
  }
  .field.amount input {
    width: 7rem;
  }
  .field-hint {
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_ups-accent);
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }

  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    margin-bottom: var(--_ups-space);
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .button[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .frame {
    --_frame-height: calc(var(--_ups-row-height) * (var(--_visible-rows) + 1) + 3.5rem);
    position: relative;
    max-height: var(--_frame-height);
    /* Scrolls both ways: the header stays in view (tableStyles makes it sticky). */
    overflow: auto;
    /* Scroll anchoring would move the position under a windowed table. */
    overflow-anchor: none;
    /* What changes inside never moves or repaints anything outside. */
    contain: layout paint;
  }
  /* While loading, the frame has its loaded height already: nothing moves when rows arrive. */
  .frame.loading {
    height: var(--_frame-height);
  }
  /*
   * Long lists (the host's items) lay the table out from the header alone:
   * columns keep their width while rows scroll by, and the browser does not
   * re-measure every cell each frame.
   */
  table.windowed {
    table-layout: fixed;
  }
  table.windowed th.select,
  table.windowed th.mark,
  table.windowed th.actions {
    width: 3.5rem;
  }
  table.windowed th.mark {
    width: 5.5rem;
  }
  table.windowed .col-number {
    width: 10rem;
  }
  table.windowed .col-date {
    width: 8.5rem;
  }
  table.windowed .col-money {
    width: 8.5rem;
  }
  table.windowed .col-status {
    width: 9.5rem;
  }
  table.windowed td,
  table.windowed th {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  caption {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    text-align: start;
    font-weight: 600;
    font-size: 1.05em;
  }
  /* Rows are exactly the row height: the windowing counts on it. */
  th,
  td {
    padding-block: 0;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 600;
  }
  .select,
  .mark,
  .actions {
    width: 1%;
    text-align: center;
  }
  tr.selected {
    background: var(--ups-color-selected, color-mix(in srgb, var(--_ups-accent) 8%, var(--_ups-surface)));
  }
  .type {
    max-width: 11rem;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
  }
  .badge.past_due,
  .badge.payment_returned {
    color: var(--_ups-danger);
  }
  .badge.paid,
  .badge.closed {
    color: var(--_ups-success);
  }
  .badge.payment_scheduled,
  .badge.payment_pending {
    color: var(--_ups-warning);
  }
  .flag.dispute {
    color: var(--_ups-danger);
  }
  .flag.autopay {
    color: var(--_ups-success);
  }
  .menu-button {
    width: 2rem;
    height: 2rem;
    border: 1px solid transparent;
    border-radius: var(--_ups-radius);
    background: none;
    color: inherit;
    font-size: 1.2rem;
    line-height: 1;
    cursor: pointer;
  }
  .menu-button:hover,
  .menu-button[aria-expanded='true'] {
    border-color: var(--_ups-border);
  }

  /* Windowing: spacer rows stand in for the rows out of view. */
  tr.spacer td {
    height: 0;
    padding: 0;
    border: 0;
  }
  .skeleton td::after {
    content: '';
    display: block;
    height: 0.8em;
    border-radius: 4px;
    background: var(--_ups-surface-alt);
  }
  .empty {
    margin: var(--_ups-space);
  }

  .status-line {
    min-height: 1.5em;
    margin: var(--_ups-space) 0 0;
    color: var(--_ups-muted);
  }
  /* In the footer, the footer's own margin spaces it. */
  .footer > .status-line {
    margin-top: 0;
  }
  .pager label {
    display: flex;
    align-items: center;
    gap: 0.4em;
    color: var(--_ups-muted);
  }

  .export {
    margin-top: var(--_ups-space);
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
  }
  .export.failed {
    border-color: var(--_ups-danger);
  }
  .export-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ups-space);
  }
  .export-line span {
    flex: 1;
  }
  .excluded ul {
    max-height: 10rem;
    overflow: auto;
  }

  @media print {
    .toolbar,
    .bulk,
    .pager,
    .select,
    .actions {
      display: none;
    }
    .frame {
      max-height: none;
      overflow: visible;
    }
  }
`;
