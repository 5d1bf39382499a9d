import { css } from 'lit';

export const enrollmentStyles = css`
  .enrollment {
    display: grid;
    gap: calc(var(--_ups-space) * 1.5);
    max-width: var(--ups-enrollment-max-width, 40rem);
  }
  h2 {
    margin: 0;
    font-size: 1.3rem;
  }
  h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  .step-of {
    display: block;
    color: var(--_ups-muted);
    font-size: 0.85rem;
    font-weight: 400;
  }
  p {
    margin: 0;
  }
  .step {
    display: grid;
    gap: calc(var(--_ups-space) * 1.75);
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--_ups-muted);
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ups-space);
  }
  .found {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border-inline-start: 4px solid var(--_ups-success);
    background: var(--_ups-surface-alt);
  }
  .no-account {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
  }
  .no-account h4 {
    margin: 0 0 4px;
    font-size: 1rem;
  }
  a {
    color: var(--_ups-accent);
  }
  .error-summary {
    padding: calc(var(--_ups-space) * 1.5);
  }
  .error-summary h3 {
    margin-bottom: 4px;
  }
  .done {
    display: grid;
    gap: var(--_ups-space);
  }
  .paths .choice {
    align-items: flex-start;
  }
  .path-title {
    display: block;
    font-weight: 600;
  }
  .paths .hint {
    display: block;
  }
  .help {
    display: grid;
    gap: 4px;
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border-inline-start: 4px solid var(--_ups-border);
  }
  .help h4 {
    margin: 0;
    font-size: 1rem;
  }
  .signed-in {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    background: var(--_ups-surface-alt);
  }
  /* The payment method entry, shared with the wallet (internal/method-entry.ts). */
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
  .mandate h4 {
    margin: 0 0 4px;
  }
  .mandate p {
    margin: 0 0 var(--_ups-space);
    font-size: 0.9em;
  }
`;

/**
 * The sign-in part's look. Its fields live in the page's light DOM (see
 * enrollment.ts), out of reach of the shadow styles above, so this sheet is
 * adopted by the element's root (document or enclosing shadow root), once.
 * `:where()` keeps the specificity at zero: a host's own rules win.
 */
export const credentialStyles = css`
  :where(ups-enrollment) > :where(.ups-enrollment-credentials) form {
    display: grid;
    gap: calc(var(--_ups-space) * 1.75);
  }
  :where(.ups-enrollment-credentials) .field {
    display: grid;
    gap: 3px;
  }
  :where(.ups-enrollment-credentials) label {
    font-weight: 600;
  }
  :where(.ups-enrollment-credentials) .hint {
    color: var(--_ups-muted);
    font-size: 0.9em;
  }
  :where(.ups-enrollment-credentials) input {
    min-height: 2.4rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_ups-control-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: inherit;
    font: inherit;
  }
  :where(.ups-enrollment-credentials) [aria-invalid='true'] {
    border-color: var(--_ups-danger);
  }
  :where(.ups-enrollment-credentials) .field-error {
    color: var(--_ups-danger);
    font-size: 0.875em;
  }
  :where(.ups-enrollment-credentials) .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ups-space);
  }
  :where(.ups-enrollment-credentials) button {
    min-height: 2.25rem;
    padding: 0 calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-accent);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
    color: var(--_ups-accent);
    font: inherit;
    cursor: pointer;
  }
  :where(.ups-enrollment-credentials) button[type='submit'] {
    background: var(--_ups-accent);
    color: var(--_ups-on-accent);
  }
  :where(.ups-enrollment-credentials) button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :where(.ups-enrollment-credentials) .password {
    display: flex;
    gap: var(--_ups-space);
  }
  :where(.ups-enrollment-credentials) .password input {
    flex: 1;
  }
  :where(.ups-enrollment-credentials) .rules {
    margin: 0;
    padding-inline-start: 1.2rem;
    color: var(--_ups-muted);
    font-size: 0.9em;
  }
  /* A rule met is said in words too (hidden text), not by the mark alone. */
  :where(.ups-enrollment-credentials) .rules .met {
    color: var(--_ups-success);
    list-style-type: '✓ ';
  }
  :where(.ups-enrollment-credentials) .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :where(.ups-enrollment-credentials) :focus-visible {
    outline: 2px solid var(--_ups-focus);
    outline-offset: 2px;
  }
`;
