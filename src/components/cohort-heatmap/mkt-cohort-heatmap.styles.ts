import { css } from 'lit';

export const cohortHeatmapStyles = css`
  .chart {
    overflow-x: auto;
  }
  .cell {
    outline: none;
  }
  .cell-label {
    font-size: 10.5px;
    font-variant-numeric: tabular-nums;
    pointer-events: none;
  }
  .cell.blank {
    fill: var(--mkt-surface, var(--_mkt-surface));
    stroke: var(--mkt-border, var(--_mkt-border));
    stroke-dasharray: 2 2;
  }
  :host([entity='customers']) .cell:not(.blank),
  :host([entity='customers']) .row:not(.average) .row-label {
    cursor: pointer;
  }
  .cell:hover,
  .cell:focus-visible {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 2px;
    stroke-dasharray: none;
  }
  .row-label,
  .size {
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-variant-numeric: tabular-nums;
  }
  .size {
    fill: var(--mkt-muted, var(--_mkt-muted));
  }
  .col-head {
    font-weight: 600;
  }
  .row.average .row-label {
    font-weight: 600;
  }
  .sep {
    stroke: var(--mkt-border, var(--_mkt-border));
  }
  .row.selected .row-label {
    font-weight: 700;
  }
  .selection {
    fill: none;
    stroke: var(--mkt-accent, var(--_mkt-accent));
    stroke-width: 2px;
    pointer-events: none;
  }
  .note {
    margin: 0.35rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
