import { css } from 'lit';

export const invoiceDetailStyles = css`
  :host {
    --_row-height: var(--ups-invoice-detail-row-height, 3rem);
  }
  h2 {
    margin: 0;
    font-size: 1.35rem;
  }
  h3 {
    margin: calc(var(--_ups-space) * 2.5) 0 var(--_ups-space);
    font-size: 1.05rem;
  }
  h3 .count {
    color: var(--_ups-muted);
    font-weight: 400;
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ups-space);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ups-space);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--_ups-space) calc(var(--_ups-space) * 2);
    margin: calc(var(--_ups-space) * 2) 0;
  }
  dt {
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  .amounts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_ups-space) * 4);
    margin: 0;
    padding: calc(var(--_ups-space) * 1.5);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .amounts dd {
    font-size: 1.3rem;
    font-variant-numeric: tabular-nums;
  }
  .notice.dispute {
    margin: var(--_ups-space) 0 0;
    border-color: var(--_ups-warning);
  }
  .badge {
    display: inline-block;
    padding: 0.05em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 500;
  }
  .badge.past_due,
  .badge.payment_returned {
    color: var(--_ups-danger);
  }
  .badge.paid,
  .badge.closed {
    color: var(--_ups-success);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0 calc(var(--_ups-space) * 0.9);
    border-top: 1px solid var(--_ups-border);
    text-align: start;
    white-space: nowrap;
  }
  .simple th,
  .simple td {
    height: 2.25rem;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_ups-surface-alt);
    font-weight: 600;
  }
  .num {
    text-align: end;
  }
  .shipments-frame {
    max-height: calc(var(--_row-height) * 14);
    overflow: auto;
    overflow-anchor: none;
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
  }
  .shipments-frame th,
  .shipments-frame td {
    height: var(--_row-height);
  }
  /* Two lines of charges fit a row; rows keep one height, which windowing needs. */
  .shipments-frame .charges {
    min-width: 18rem;
    white-space: normal;
    font-size: 0.9em;
  }
  .shipments-frame .charges span {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
  }
  tr.spacer td {
    height: 0;
    padding: 0;
    border: 0;
  }
  tr.skeleton td::after {
    content: '';
    display: block;
    height: 0.8em;
    border-radius: 4px;
    background: var(--_ups-surface-alt);
  }
  .members {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ups-space) calc(var(--_ups-space) * 2);
    padding: 0;
    list-style: none;
  }
  .loading-block {
    min-height: 12rem;
  }
  /* A line's Dispute button fits the fixed row height windowing needs. */
  td.line-action {
    width: 1%;
    text-align: end;
  }
  .button.small {
    min-height: 1.9rem;
    padding: 0 var(--_ups-space);
    font-size: 0.9em;
  }
  .button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .flag.dispute {
    display: inline-block;
    margin-inline-end: calc(var(--_ups-space) * 0.75);
    padding: 0 0.5em;
    border: 1px solid var(--_ups-warning);
    border-radius: 999px;
    color: var(--_ups-warning);
    font-size: 0.8em;
    font-weight: 500;
    white-space: nowrap;
  }
  .disputes {
    margin-top: calc(var(--_ups-space) * 2.5);
  }

  @media print {
    .actions,
    .line-action .button,
    .dialog {
      display: none;
    }
    .shipments-frame {
      max-height: none;
      overflow: visible;
      border: 0;
    }
    thead th {
      position: static;
    }
    .shipments-frame .charges {
      white-space: normal;
    }
  }
`;
