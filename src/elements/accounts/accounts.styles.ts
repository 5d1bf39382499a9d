import { css } from 'lit';

export const accountsStyles = css`
  .dialog {
    --_ups-dialog-width: var(--ups-accounts-dialog-width, 38rem);
  }
  .muted {
    color: var(--_ups-muted);
    font-size: 0.9em;
    font-weight: 400;
  }
  .lists.loading {
    min-height: 8rem;
    color: var(--_ups-muted);
  }
  .lists[aria-busy='true']:not(.loading) > :not(.count) {
    opacity: 0.6;
  }
  .count {
    margin: var(--_ups-space) 0 calc(var(--_ups-space) * 2);
    color: var(--_ups-muted);
  }
  tbody th .number {
    display: block;
    font-weight: 600;
  }
  tbody th .name {
    display: block;
    color: var(--_ups-muted);
    font-size: 0.9em;
  }
  .badge.on {
    color: var(--_ups-success);
  }
  textarea {
    padding: 0.5rem;
    border: 1px solid var(--_ups-control-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: inherit;
    font: inherit;
  }
  .consequences p,
  .consequences ul {
    margin: 0;
  }
  fieldset[aria-describedby] {
    border-color: var(--_ups-danger);
  }
`;
