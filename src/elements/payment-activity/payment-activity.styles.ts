import { css } from 'lit';

export const paymentActivityStyles = css`
  h2 {
    margin: 0 0 calc(var(--_ups-space) * 1.5);
    font-size: 1.3rem;
  }
  h3 {
    margin: 0 0 calc(var(--_ups-space) * 1.5);
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
  .dialog-error {
    color: var(--_ups-danger);
    font-size: 0.85em;
  }
  .dialog-error:empty {
    display: none;
  }
  .frame {
    overflow-x: auto;
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
  }
  .frame.loading {
    min-height: 12rem;
    padding: calc(var(--_ups-space) * 1.5);
    color: var(--_ups-muted);
  }
  .frame[aria-busy='true'] table {
    opacity: 0.6;
  }
  .empty {
    margin: calc(var(--_ups-space) * 1.5);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    height: 2.75rem;
    padding: 0 calc(var(--_ups-space) * 0.9);
    border-top: 1px solid var(--_ups-border);
    text-align: start;
    white-space: nowrap;
  }
  thead th {
    border-top: 0;
    background: var(--_ups-surface-alt);
    font-weight: 600;
  }
  tbody th {
    font-weight: 500;
  }
  .confirmation {
    letter-spacing: 0.04em;
  }
  .dialog .receipt-facts {
    margin-bottom: calc(var(--_ups-space) * 2);
  }
  .num {
    text-align: end;
  }
  .actions {
    display: flex;
    gap: calc(var(--_ups-space) * 0.75);
    align-items: center;
    justify-content: flex-end;
  }
  .actions .button {
    min-height: 2rem;
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
    width: min(36rem, calc(100vw - 2rem));
    padding: calc(var(--_ups-space) * 2.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: var(--_ups-text);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 35%);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_ups-space);
    margin-top: calc(var(--_ups-space) * 2);
  }

  @media print {
    /* Printing a receipt: the receipt alone, without the list behind it or the buttons. */
    :host(:state(printing)) .main,
    .no-print,
    .dialog::backdrop {
      display: none;
    }
    .dialog {
      position: static;
      width: auto;
      border: 0;
    }
  }
`;
