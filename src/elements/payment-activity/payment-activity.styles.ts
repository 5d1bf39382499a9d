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
  th,
  td {
    white-space: nowrap;
  }
  .confirmation {
    letter-spacing: 0.04em;
  }
  .dialog .receipt-facts {
    margin-bottom: calc(var(--_ups-space) * 2);
  }
  .count {
    margin: 0;
    color: var(--_ups-muted);
  }
  .dialog {
    --_ups-dialog-width: 36rem;
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
