import { css } from 'lit';

/** Text for screen readers only (a live region, a table's caption). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** Shared look of every SVG chart: axes, grid, marks in focus, tooltip, legend, data-table view. */
export const chartStyles = css`
  ${visuallyHidden}
  /* The cursor's plot (timeLine, stackedBars): a transparent target that shows its focus. */
  .hit {
    fill: transparent;
  }
  .plot {
    outline: none;
  }
  .plot:focus-visible {
    outline: 2px solid var(--mkt-accent, var(--_mkt-accent));
    outline-offset: 2px;
  }
  svg {
    display: block;
    overflow: visible;
    font-size: 11px;
    max-width: 100%;
  }
  .axis text {
    fill: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
  .axis line,
  .axis .domain {
    stroke: var(--mkt-border, var(--_mkt-border));
  }
  .axis .grid {
    stroke: var(--mkt-border, var(--_mkt-border));
    stroke-opacity: 0.6;
    stroke-dasharray: 2 3;
  }
  .mark {
    cursor: pointer;
    outline: none;
  }
  .mark:focus-visible,
  .mark.active {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 2px;
  }
  /* A partial period (see timeLine): the stretch into it dashed, its point hollow. */
  path.incomplete {
    stroke-dasharray: 5 4;
  }
  .partial-point {
    fill: var(--mkt-bg, var(--_mkt-bg));
    stroke: var(--mkt-series-1, var(--_mkt-series-1));
    stroke-width: 1.5px;
  }
  .column.partial rect {
    fill-opacity: 0.45;
  }
  /* Dashed lines' swatch: long enough to show its dashes (one the width of a square swatch read as a solid line). */
  .legend .swatch.dashed {
    --_dash: var(--mkt-muted, var(--_mkt-muted));
    width: 1.25rem;
    height: 2px;
    border-radius: 0;
    background: repeating-linear-gradient(to right, var(--_dash) 0 4px, transparent 4px 7px);
  }
  .legend .swatch.dashed.accent {
    --_dash: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .tooltip {
    position: absolute;
    pointer-events: none;
    z-index: 5;
    padding: 0.4rem 0.6rem;
    border-radius: 6px;
    background: var(--mkt-fg, var(--_mkt-fg));
    color: var(--mkt-bg, var(--_mkt-bg));
    font-size: 0.8em;
    line-height: 1.35;
    max-width: 18rem;
    overflow-wrap: anywhere;
    white-space: pre-line;
    transform: translate(-50%, calc(-100% - 10px));
  }
  .chart {
    position: relative;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 1rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    overflow-wrap: anywhere;
  }
  .swatch {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 2px;
    flex: none;
  }
  table.data {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  table.data th,
  table.data td {
    text-align: left;
    padding: 0.3rem 0.5rem;
    border-bottom: 1px solid var(--mkt-border, var(--_mkt-border));
    overflow-wrap: anywhere;
  }
  table.data td.num,
  table.data th.num {
    text-align: right;
  }
  /* boxPlot() */
  .box rect {
    fill-opacity: 0.35;
    stroke-width: 1.5px;
  }
  .box line {
    stroke-width: 1.5px;
  }
  .box .median {
    stroke-width: 2.5px;
  }
  .box-label {
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-size: 11px;
  }
`;
