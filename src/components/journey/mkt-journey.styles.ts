import { css } from 'lit';

export const journeyStyles = css`
  .link {
    fill: none;
    stroke-opacity: 0.45;
    outline: none;
    transition: stroke-opacity 0.15s;
  }
  .link.step {
    stroke: var(--mkt-series-5, var(--_mkt-series-5));
  }
  .link.good {
    stroke: var(--mkt-series-1, var(--_mkt-series-1));
    stroke-opacity: 0.7;
  }
  .link.exit {
    stroke: var(--mkt-muted, var(--_mkt-muted));
    stroke-opacity: 0.25;
  }
  .highlighting .link {
    stroke-opacity: 0.12;
  }
  .highlighting .link.on {
    stroke-opacity: 0.75;
  }
  .link:focus-visible {
    stroke-opacity: 0.9;
  }
  .overlay {
    fill: none;
    stroke: var(--mkt-series-2, var(--_mkt-series-2));
    stroke-opacity: 0.85;
    pointer-events: none;
  }
  .node {
    outline: none;
    cursor: default;
  }
  .node-box {
    fill-opacity: 0.1;
  }
  .node:focus-visible .node-bar,
  .node.on .node-bar {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 2px;
  }
  .node text {
    font-size: 11.5px;
    fill: var(--mkt-fg, var(--_mkt-fg));
    paint-order: stroke;
    stroke: var(--mkt-bg, var(--_mkt-bg));
    stroke-width: 3px;
    stroke-linejoin: round;
    pointer-events: none;
  }
  .node .name {
    font-weight: 600;
  }
  .node .count {
    fill: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
  .note {
    margin: 0.4rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  @media (prefers-reduced-motion: reduce) {
    .link {
      transition: none;
    }
  }
`;

export const journeyScrollStyles = css`
  .scroll {
    overflow-x: auto;
    overscroll-behavior-x: contain;
  }
  .scroll svg {
    max-width: none;
  }
  .scroll:focus-visible {
    outline: 2px solid var(--mkt-accent, var(--_mkt-accent));
  }
  .scroll-hint {
    font-weight: 600;
  }
`;
