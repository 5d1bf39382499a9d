import { css } from 'lit';

/** The rule form's own styles, adopted by <ups-autopay> when the form first loads. */
export const ruleFormStyles = css`
  form h3 {
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .form-body {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: calc(var(--_ups-space) * 2.5);
    align-items: start;
  }
  @media (max-width: 44rem) {
    .form-body {
      grid-template-columns: 1fr;
    }
  }
  .fields {
    display: grid;
    gap: calc(var(--_ups-space) * 1.75);
  }
  fieldset {
    display: grid;
    gap: var(--_ups-space);
    margin: 0;
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5) calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
  }
  fieldset[aria-describedby] {
    border-color: var(--_ups-danger);
  }
  label,
  legend,
  .field .label {
    font-weight: 600;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  .choice input {
    flex: none;
  }
  .field.nested {
    margin-inline-start: 1.6rem;
  }
  .field.fixed {
    gap: 2px;
  }
  input#days {
    max-width: 6rem;
  }
  input#maximum {
    max-width: 12rem;
  }
  .tag {
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_ups-surface-alt);
    color: var(--_ups-danger);
    font-size: 0.85em;
  }
  .agreement-block {
    display: grid;
    gap: var(--_ups-space);
  }
  .agreement {
    max-height: 10rem;
    overflow-y: auto;
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
    font-size: 0.9em;
  }
  .agreement p {
    margin: 0 0 var(--_ups-space);
  }
  .preview {
    position: sticky;
    top: 0;
    display: grid;
    gap: var(--_ups-space);
    padding: calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .preview-status {
    margin: 0;
  }
  .error-summary {
    margin-bottom: calc(var(--_ups-space) * 2);
    padding: calc(var(--_ups-space) * 1.5);
    border: 2px solid var(--_ups-danger);
    border-radius: var(--_ups-radius);
  }
  .error-summary h3 {
    margin-bottom: var(--_ups-space);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2rem;
  }
  .error-summary a {
    color: var(--_ups-danger);
    font-weight: 600;
  }
`;
