import { css } from 'lit';

export const invoiceTableStyles = css`
  :host {
    --_row-height: var(--ups-invoice-table-row-height, 2.5rem);
  }
  .frame {
    overflow: auto;
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    text-align: start;
    font-weight: 600;
    font-size: 1.05em;
  }
  th,
  td {
    height: var(--_row-height);
    padding: 0 calc(var(--_ups-space) * 1.25);
    border-top: 1px solid var(--_ups-border);
    text-align: start;
    white-space: nowrap;
  }
  thead th {
    background: var(--_ups-surface-alt);
    font-weight: 600;
  }
  .num {
    text-align: end;
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
  .skeleton td::after {
    content: '';
    display: block;
    height: 0.8em;
    border-radius: 4px;
    background: var(--_ups-surface-alt);
  }
  .status-line {
    min-height: 1.5em;
    margin: var(--_ups-space) 0 0;
    color: var(--_ups-muted);
  }
  .notice {
    margin: var(--_ups-space);
  }
`;
