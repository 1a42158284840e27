import { css } from 'lit';

export const sellerHealthStyles = css`
  .top {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
  }
  .doughnut {
    flex: none;
  }
  .doughnut .mark.dim {
    opacity: 0.35;
  }
  .doughnut .mark.active {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 2px;
  }
  .doughnut .total {
    font-size: 20px;
    font-weight: 650;
    fill: var(--mkt-fg, var(--_mkt-fg));
  }
  .doughnut .total-label {
    fill: var(--mkt-muted, var(--_mkt-muted));
  }
  .tiers {
    flex: 0 1 16rem;
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.3rem;
    font-size: 0.9em;
  }
  .tiers li {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .tiers .n {
    margin-left: auto;
    font-variant-numeric: tabular-nums;
  }
  .standards {
    margin: 0.5rem 0 0;
    font-size: 0.78em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0.9rem 0 0.4rem;
  }
  .toolbar input[type='search'] {
    flex: 1 1 10rem;
    min-width: 0;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 6px;
    background: var(--mkt-bg, var(--_mkt-bg));
  }
  .chip {
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 999px;
    background: var(--mkt-surface, var(--_mkt-surface));
    padding: 0.1rem 0.6rem;
    cursor: pointer;
    font-size: 0.85em;
  }
  .scroll {
    overflow-x: auto;
  }
  /* Narrow screens scroll the table sideways rather than squeezing every column to a few characters. */
  .scroll table.data {
    min-width: 38rem;
  }
  .scroll table.data td:first-child {
    min-width: 9rem;
  }
  .scroll table.data th {
    white-space: nowrap;
    overflow-wrap: normal;
  }
  table.data th button {
    border: 0;
    background: none;
    padding: 0;
    font-weight: 600;
    cursor: pointer;
    text-align: inherit;
  }
  table.data td button.seller {
    border: 0;
    background: none;
    padding: 0;
    color: var(--mkt-accent, var(--_mkt-accent));
    text-decoration: underline;
    cursor: pointer;
    text-align: left;
    overflow-wrap: anywhere;
  }
  tr.open td {
    background: var(--mkt-surface, var(--_mkt-surface));
  }
  .badge {
    display: inline-block;
    padding: 0 0.45rem;
    border-radius: 999px;
    font-size: 0.85em;
    white-space: nowrap;
    border: 1px solid currentColor;
  }
  .badge.healthy {
    color: var(--mkt-positive, var(--_mkt-positive));
  }
  .badge.at-risk {
    color: var(--mkt-warning, var(--_mkt-warning));
  }
  .badge.critical {
    color: var(--mkt-negative, var(--_mkt-negative));
  }
  .badge.not-enough-orders {
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-top: 0.4rem;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .pager button,
  .detail button.close {
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    background: transparent;
    border-radius: 6px;
    padding: 0.15rem 0.6rem;
    cursor: pointer;
  }
  .pager button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .detail {
    margin-top: 0.9rem;
    padding: 0.75rem;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 6px;
  }
  .detail header {
    margin-bottom: 0.5rem;
  }
  .detail h3 {
    margin: 0;
    font-size: 0.95rem;
    overflow-wrap: anywhere;
  }
  .detail .meta {
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .sparks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: 0.6rem;
    margin: 0 0 0.6rem;
    padding: 0;
    list-style: none;
  }
  .sparks li {
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .sparks .last {
    display: block;
    font-size: 1.2em;
    color: var(--mkt-fg, var(--_mkt-fg));
    font-variant-numeric: tabular-nums;
  }
  .sparks path {
    fill: none;
    stroke: var(--mkt-series-1, var(--_mkt-series-1));
    stroke-width: 1.5px;
  }
  .sparks circle {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
  }
`;
