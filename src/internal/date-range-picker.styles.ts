import { css } from 'lit';

export const dateRangePickerStyles = css`
  .date-picker {
    padding: calc(var(--_ups-space) * 2);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: var(--_ups-text);
  }
  .date-picker::backdrop {
    background: var(--_ups-backdrop, rgb(0 0 0 / 35%));
  }
  .picker-title {
    margin: 0 0 var(--_ups-space);
    font-size: 1.05rem;
  }
  .picker-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ups-space);
  }
  .picker-header h3 {
    margin: 0;
    font-size: 1rem;
    text-transform: capitalize;
  }
  .date-picker table {
    border-collapse: collapse;
    margin: var(--_ups-space) auto;
  }
  .date-picker th {
    padding: 0.25rem;
    color: var(--_ups-muted);
    font-size: 0.8rem;
    font-weight: 500;
  }
  .date-picker td {
    width: 2.4rem;
    height: 2.2rem;
    text-align: center;
    border-radius: 4px;
    cursor: pointer;
  }
  .date-picker td:empty {
    cursor: default;
  }
  .date-picker td.in-range {
    background: var(--_ups-surface-alt);
  }
  .date-picker td.edge {
    background: var(--_ups-accent);
    color: var(--_ups-on-accent);
  }
  .date-picker td:focus-visible {
    outline: 2px solid var(--_ups-focus);
    outline-offset: -2px;
  }
  .picker-summary {
    min-height: 1.4em;
    margin: 0 0 var(--_ups-space);
    color: var(--_ups-muted);
  }
  .picker-actions {
    display: flex;
    gap: var(--_ups-space);
  }
  .picker-actions .spacer {
    flex: 1;
  }
`;
