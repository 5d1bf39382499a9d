import { css } from 'lit';

export const payFormStyles = css`
  .pay-form {
    max-width: var(--ups-pay-form-max-width, 44rem);
  }
  h2 {
    margin: 0;
    font-size: 1.3rem;
  }
  h3 {
    margin: 0 0 var(--_ups-space);
    font-size: 1.05rem;
  }
  .step-of {
    margin: 0.25rem 0 calc(var(--_ups-space) * 2);
    color: var(--_ups-muted);
  }
  .step {
    display: grid;
    gap: calc(var(--_ups-space) * 1.75);
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--_ups-muted);
    font-size: 0.9em;
    font-weight: 400;
  }
  input:not([type='radio']):not([type='checkbox']) {
    min-height: 2.4rem;
  }
  fieldset {
    display: grid;
    gap: var(--_ups-space);
    margin: 0;
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5) calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
  }
  fieldset.by {
    display: flex;
    gap: calc(var(--_ups-space) * 2);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  .method .hint {
    display: block;
    margin-inline-start: 1.6rem;
  }
  .card-frame {
    display: block;
    width: 100%;
    /* The frame's own height arrives by message; this is its first guess. */
    height: 236px;
    border: 0;
  }
  .bank {
    display: grid;
    gap: calc(var(--_ups-space) * 1.25);
  }
  .mandate {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .mandate p {
    margin: 0 0 var(--_ups-space);
    font-size: 0.9em;
  }
  .cart {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .cart caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.4rem;
  }
  .cart th,
  .cart td {
    padding: 0.4rem 0.5rem;
    border-top: 1px solid var(--_ups-border);
    text-align: start;
    font-weight: 400;
  }
  .cart thead th {
    color: var(--_ups-muted);
  }
  .cart .num {
    text-align: end;
  }
  .cart .total {
    font-weight: 700;
  }
  .tag {
    padding: 0 0.4em;
    border-radius: 4px;
    background: var(--_ups-surface-alt);
    font-size: 0.85em;
  }
  .found {
    margin: 0;
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ups-space);
    justify-content: flex-end;
  }
  .button[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .error-summary {
    margin-bottom: calc(var(--_ups-space) * 2);
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
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: var(--_ups-space);
    margin: 0;
  }
  dt {
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  .receipt {
    display: grid;
    gap: calc(var(--_ups-space) * 1.75);
  }
  .confirmation {
    grid-column: 1 / -1;
  }
  .confirmation dd {
    font-size: 1.2rem;
    letter-spacing: 0.06em;
    overflow-wrap: anywhere;
  }
  @media print {
    .no-print,
    .step-of {
      display: none;
    }
  }
`;
