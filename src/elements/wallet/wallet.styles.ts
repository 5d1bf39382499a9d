import { css } from 'lit';

export const walletStyles = css`
  h4 {
    margin: 0 0 calc(var(--_ups-space) * 0.5);
    font-size: 0.95rem;
  }

  /* The view switch: two radios drawn as one segmented control. */
  .view-toggle {
    display: inline-flex;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_ups-accent);
    border-radius: var(--_ups-radius);
  }
  .segment {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-height: 2.25rem;
    padding: 0 calc(var(--_ups-space) * 1.5);
    color: var(--_ups-accent);
    cursor: pointer;
  }
  .segment input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment:has(input:checked) {
    background: var(--_ups-accent);
    color: var(--_ups-on-accent);
  }
  .segment:has(input:focus-visible) {
    outline: 2px solid var(--_ups-focus);
    outline-offset: 2px;
  }

  .methods.loading {
    min-height: 8rem;
    color: var(--_ups-muted);
  }
  /* The first load's message stays at full contrast; only a reload dims what it replaces. */
  .methods[aria-busy='true']:not(.loading) > :not(.count) {
    opacity: 0.6;
  }
  .count {
    margin: var(--_ups-space) 0 0;
    color: var(--_ups-muted);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--ups-wallet-card-width, 16rem), 1fr));
    gap: calc(var(--_ups-space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .method {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_ups-space) * 0.5);
    padding: calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
  }
  .method.is-expired {
    border-color: var(--_ups-danger);
  }
  .method p {
    margin: 0;
  }
  .method .name {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .method .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_ups-space) * 0.75);
    align-items: center;
    margin-top: auto;
    padding-top: var(--_ups-space);
  }
  .method .actions .button {
    min-height: 2rem;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .badges:empty {
    display: none;
  }
  .badge.default {
    color: var(--_ups-success);
  }
  .badge.expired {
    color: var(--_ups-danger);
  }
  .badge.expiring {
    color: var(--_ups-warning);
  }

  fieldset[aria-describedby] {
    border-color: var(--_ups-danger);
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
    gap: var(--_ups-space);
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
  .mandate,
  .bank-note {
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .mandate p,
  .bank-note p {
    margin: 0 0 var(--_ups-space);
    font-size: 0.9em;
  }
  input[readonly] {
    background: var(--_ups-surface-alt);
  }
`;
