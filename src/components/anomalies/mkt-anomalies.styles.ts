import { css } from 'lit';

export const anomaliesStyles = css`
  :host {
    container-type: inline-size;
  }
  .summary,
  .none,
  .note {
    margin: 0 0 0.5rem;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .note {
    margin: 0.5rem 0 0;
  }
  figure {
    margin: 0 0 0.75rem;
  }
  figcaption {
    font-size: 0.85em;
    font-weight: 600;
    margin-bottom: 0.25rem;
    overflow-wrap: anywhere;
  }
  .observed {
    fill: none;
    stroke: var(--mkt-series-1, var(--_mkt-series-1));
    stroke-width: 1.5px;
  }
  .expected {
    fill: none;
    stroke: var(--mkt-muted, var(--_mkt-muted));
    stroke-width: 1.25px;
    stroke-dasharray: 4 3;
  }
  .band {
    fill: var(--mkt-negative, var(--_mkt-negative));
    opacity: 0.12;
  }
  circle.flag {
    fill: var(--mkt-negative, var(--_mkt-negative));
    stroke: var(--mkt-bg, var(--_mkt-bg));
    stroke-width: 1px;
  }
  circle.flag.down {
    fill: var(--mkt-warning, var(--_mkt-warning));
  }
  .legend .swatch.observed {
    height: 0;
    border-top: 2px solid var(--mkt-series-1, var(--_mkt-series-1));
    border-radius: 0;
  }
  .legend .swatch.flag {
    border-radius: 50%;
    background: var(--mkt-negative, var(--_mkt-negative));
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.35rem;
  }
  .item {
    display: flex;
    gap: 0.35rem;
    align-items: stretch;
  }
  .pick {
    flex: 1;
    min-width: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.1rem 0.75rem;
    text-align: left;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 6px;
    background: var(--mkt-bg, var(--_mkt-bg));
    cursor: pointer;
    font-size: 0.85em;
  }
  .item.active .pick {
    border-color: var(--mkt-accent, var(--_mkt-accent));
    background: var(--mkt-surface, var(--_mkt-surface));
  }
  .what {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .when,
  .values {
    color: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
  .when {
    text-align: right;
  }
  .score {
    text-align: right;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .score.up {
    color: var(--mkt-negative, var(--_mkt-negative));
  }
  .score.down {
    color: var(--mkt-warning, var(--_mkt-warning));
  }
  .filter {
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    background: transparent;
    border-radius: 6px;
    padding: 0 0.6rem;
    cursor: pointer;
    font-size: 0.85em;
  }
  @container (max-width: 30rem) {
    .item {
      flex-direction: column;
    }
    .pick {
      grid-template-columns: minmax(0, 1fr);
    }
    .when,
    .score {
      text-align: left;
    }
    .filter {
      align-self: flex-start;
      padding: 0.2rem 0.6rem;
    }
  }
`;
