import { css } from 'lit';

export const funnelStyles = css`
  .base,
  .summary {
    margin: 0 0 0.5rem;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .summary {
    margin: 0.5rem 0 0;
  }
  .step {
    outline: none;
  }
  .step:focus-visible .track,
  .step:hover .track {
    stroke: var(--mkt-fg, var(--_mkt-fg));
  }
  .step-label {
    font-size: 12px;
    font-weight: 600;
    fill: var(--mkt-fg, var(--_mkt-fg));
  }
  .step-value,
  .bar-value {
    font-size: 12px;
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-variant-numeric: tabular-nums;
  }
  .conv,
  .bar-label {
    font-size: 11px;
    fill: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
  .track {
    fill: var(--mkt-surface, var(--_mkt-surface));
  }
  .ref {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 1.5px;
  }
  .multiples {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 250px), 1fr));
    gap: 0.75rem;
  }
  .multiple {
    /* Each card lays out and paints on its own: a new result then re-paints the cards, not the whole chart. */
    contain: layout paint;
    padding: 0.6rem 0.7rem;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 6px;
    outline: none;
    height: 100%;
  }
  :host([breakdown='category']) .multiple {
    cursor: pointer;
  }
  .multiple:hover,
  .multiple:focus-visible {
    border-color: var(--mkt-fg, var(--_mkt-fg));
  }
  .multiple:focus-visible {
    outline: 2px solid var(--mkt-accent, var(--_mkt-accent));
    outline-offset: 2px;
  }
  .multiple.selected {
    border-color: var(--mkt-accent, var(--_mkt-accent));
    box-shadow: inset 0 0 0 1px var(--mkt-accent, var(--_mkt-accent));
  }
  .multiple-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.5rem;
    margin-bottom: 0.3rem;
    font-size: 0.9em;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
  .meta strong {
    color: var(--mkt-fg, var(--_mkt-fg));
  }
  .multiple svg {
    overflow: visible;
  }
`;

export const rateStyles = css`
  .rates {
    display: grid;
    grid-template-columns: minmax(7.5em, auto) 1fr 3.4em;
    align-items: center;
    gap: 0.2rem 0.5rem;
    font-size: 0.8em;
  }
  .rates .bar-label {
    color: var(--mkt-muted, var(--_mkt-muted));
    white-space: nowrap;
  }
  .rates .bar-value {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .rates .track {
    position: relative;
    height: 0.75rem;
    border-radius: 2px;
    background: var(--mkt-surface, var(--_mkt-surface));
    /* The reference mark's box is as wide as the track and moved sideways: it must not widen the card. */
    overflow: clip;
    overflow-clip-margin: 2px;
  }
  .rates .bar {
    position: absolute;
    inset: 0;
    border-radius: 2px;
    transform-origin: left;
    background: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .rates .overall .bar {
    background: var(--mkt-series-2, var(--_mkt-series-2));
  }
  .rates .ref {
    position: absolute;
    inset: -2px 0;
  }
  .rates .ref[hidden] {
    display: none;
  }
  .rates .ref::before {
    content: '';
    position: absolute;
    inset: 0 auto 0 -1px;
    width: 2px;
    background: var(--mkt-fg, var(--_mkt-fg));
  }
`;
