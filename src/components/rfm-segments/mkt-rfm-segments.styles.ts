import { css } from 'lit';

export const rfmSegmentsStyles = css`
  .layout {
    display: grid;
    gap: 1rem;
  }
  .layout > * {
    min-width: 0;
  }
  .tile {
    cursor: pointer;
  }
  .tile rect {
    stroke: var(--mkt-bg, var(--_mkt-bg));
    stroke-width: 2px;
  }
  .tile.dim rect,
  .tile-label.dim {
    opacity: 0.35;
  }
  .tile:focus-visible rect,
  .tile.active rect {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 3px;
  }
  .labels {
    pointer-events: none;
  }
  .labels text {
    font-size: 12px;
  }
  .labels .count {
    font-size: 11px;
    opacity: 0.9;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .table-wrap th,
  .table-wrap td {
    white-space: nowrap;
    overflow-wrap: normal;
  }
  table.data button {
    border: 0;
    background: none;
    padding: 0;
    cursor: pointer;
    text-align: left;
    text-decoration: underline dotted;
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
  }
  tr.active td {
    font-weight: 650;
    background: var(--mkt-surface, var(--_mkt-surface));
  }
  .note {
    margin: 0.5rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  label.k {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    font-size: 0.85em;
  }
`;
