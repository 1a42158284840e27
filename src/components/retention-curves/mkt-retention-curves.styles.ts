import { css } from 'lit';

export const retentionCurvesStyles = css`
  .overlay {
    fill: transparent;
  }
  :host([entity='customers']) .overlay {
    cursor: pointer;
  }
  .line {
    fill: none;
    stroke-width: 1.5px;
    stroke-linejoin: round;
    stroke-linecap: round;
    outline: none;
    transition: opacity 0.15s;
  }
  .average .line {
    stroke-width: 3.5px;
  }
  .highlighting .curve:not(.on):not(.average) .line {
    opacity: 0.22;
  }
  .curve.on .line {
    stroke-width: 3px;
  }
  .curve.on:not(.average) .line {
    stroke: var(--mkt-fg, var(--_mkt-fg));
  }
  .curve.on:not(.average) .dot {
    fill: var(--mkt-fg, var(--_mkt-fg));
  }
  .line:focus-visible {
    stroke-width: 4px;
  }
  .end-label,
  .axis-title {
    font-size: 11px;
    fill: var(--mkt-fg, var(--_mkt-fg));
    paint-order: stroke;
    stroke: var(--mkt-bg, var(--_mkt-bg));
    stroke-width: 3px;
  }
  .axis-title {
    fill: var(--mkt-muted, var(--_mkt-muted));
  }
  .end-label {
    font-weight: 600;
    pointer-events: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .line {
      transition: none;
    }
  }
`;
