import { css } from 'lit';

/** <ups-dispute-form>'s own styles, over the shared field, fieldset and error-summary sheets. */
export const disputeFormStyles = css`
  :host {
    max-width: var(--ups-dispute-form-max-width, 48rem);
  }
  h2 {
    margin: 0 0 var(--_ups-space);
    font-size: 1.3rem;
  }
  .facts,
  .count {
    margin: 0;
    color: var(--_ups-muted);
  }
  .notice {
    margin: var(--_ups-space) 0 calc(var(--_ups-space) * 2);
  }
  form {
    display: grid;
    gap: calc(var(--_ups-space) * 2);
  }
  form[aria-busy='true'] {
    cursor: progress;
  }
  .hint {
    color: var(--_ups-muted);
    font-size: 0.9em;
    font-weight: 400;
  }
  fieldset[aria-describedby] {
    border-color: var(--_ups-danger);
  }
  .choice input {
    flex: none;
  }
  .line {
    align-items: flex-start;
  }
  .line input {
    margin-top: 0.15rem;
  }
  .line-list {
    display: grid;
    gap: calc(var(--_ups-space) * 0.75);
    max-height: 20rem;
    overflow-y: auto;
  }
  .line-list[aria-busy='true'] {
    opacity: 0.6;
  }
  .search {
    display: grid;
    gap: 3px;
  }
  .search-row {
    display: flex;
    gap: var(--_ups-space);
  }
  .search-row input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .charge-group {
    display: grid;
    gap: calc(var(--_ups-space) * 0.75);
  }
  .group-title {
    margin: var(--_ups-space) 0 0;
    font-weight: 600;
  }
  .tag {
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_ups-surface-alt);
    color: var(--_ups-warning);
    font-size: 0.85em;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: calc(var(--_ups-space) * 1.5);
  }
  input[readonly] {
    background: var(--_ups-surface-alt);
  }
  input#amount {
    max-width: 12rem;
  }
  textarea {
    padding: 0.5rem;
    border: 1px solid var(--_ups-control-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: inherit;
    font: inherit;
    resize: vertical;
  }
  .file-list {
    display: grid;
    gap: calc(var(--_ups-space) * 0.5);
    margin: var(--_ups-space) 0 0;
    padding: 0;
    list-style: none;
  }
  .file-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ups-space);
  }
  .file-name {
    overflow-wrap: anywhere;
  }
  .file-list .button {
    min-height: 2rem;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
  }
  .error-summary h3 {
    margin: 0 0 var(--_ups-space);
    font-size: 1.05rem;
  }
  .done-facts {
    display: grid;
    gap: var(--_ups-space);
    margin: calc(var(--_ups-space) * 1.5) 0;
  }
  .done-facts div {
    display: flex;
    gap: var(--_ups-space);
  }
  .done-facts dt {
    min-width: 12rem;
    color: var(--_ups-muted);
  }
  .done-facts dd {
    margin: 0;
    font-weight: 600;
  }
`;
