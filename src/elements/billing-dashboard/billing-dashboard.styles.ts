import { css } from 'lit';

export const billingDashboardStyles = css`
  h2 {
    margin: 0;
    font-size: 1.3rem;
  }
  h3 {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .title-row {
    display: flex;
    /* As tall with the Pay button as without: the loading state's row is the loaded one's height. */
    min-height: 2.5rem;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_ups-space) calc(var(--_ups-space) * 2);
    margin-bottom: calc(var(--_ups-space) * 1.5);
  }
  .as-of {
    flex: 1;
    color: var(--_ups-muted);
  }
  .button[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .alerts {
    margin-bottom: calc(var(--_ups-space) * 1.5);
    padding: var(--_ups-space) calc(var(--_ups-space) * 1.5);
    border-inline-start: 4px solid var(--_ups-danger);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface-alt);
  }
  .alerts ul {
    margin: 0;
    padding-inline-start: 1.2rem;
  }
  /* The words say how serious each alert is; the bullet's colour repeats it at a glance. */
  .alerts li.critical::marker {
    color: var(--_ups-danger);
  }
  .alerts li.warning::marker {
    color: var(--_ups-warning);
  }
  .alerts li.info::marker {
    color: var(--_ups-muted);
  }
  .alerts a {
    margin-inline-start: 0.3em;
    color: var(--_ups-accent);
    font-weight: 600;
  }
  .currency + .currency {
    margin-top: calc(var(--_ups-space) * 3);
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: calc(var(--_ups-space) * 1.5);
  }
  .card {
    display: grid;
    gap: 0.2rem;
    min-height: 6rem;
    padding: calc(var(--_ups-space) * 1.5);
    border: 1px solid var(--_ups-border);
    border-radius: var(--_ups-radius);
    background: var(--_ups-surface);
  }
  .card.skeleton {
    background: var(--_ups-surface-alt);
  }
  .card-label {
    color: var(--_ups-muted);
  }
  /* The skeleton's empty line is a figure's height: .card-value stays the mark of a real figure. */
  .card-value,
  .skeleton-value {
    font-size: 1.5rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .card.danger .card-value {
    color: var(--_ups-danger);
  }
  .card-note {
    color: var(--_ups-muted);
    font-size: 0.85em;
  }
  .aging {
    width: 100%;
    margin-top: calc(var(--_ups-space) * 1.5);
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .aging caption {
    padding-bottom: var(--_ups-space);
    text-align: start;
    font-weight: 600;
  }
  .aging th,
  .aging td {
    height: 2.1rem;
    padding: 0 var(--_ups-space);
    border-top: 1px solid var(--_ups-border);
    text-align: start;
    font-weight: 400;
  }
  .aging thead th {
    color: var(--_ups-muted);
  }
  .aging .num {
    text-align: end;
  }
  .aging.skeleton td {
    background: var(--_ups-surface-alt);
  }
  meter {
    width: 100%;
    min-width: 6rem;
  }
`;
