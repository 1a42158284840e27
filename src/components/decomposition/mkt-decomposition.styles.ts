import { css } from 'lit';

export const decompositionStyles = css`
  .summary {
    margin: 0 0 0.6rem;
    max-width: 60rem;
    line-height: 1.45;
  }
  .panel {
    margin: 0 0 0.25rem;
  }
  .panel figcaption {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    font-size: 0.85em;
  }
  .panel .name {
    font-weight: 600;
  }
  .panel .share {
    color: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
  .line.data {
    stroke: var(--mkt-muted, var(--_mkt-muted));
    stroke-width: 1px;
    stroke-opacity: 0.7;
  }
  .line.part {
    stroke-width: 1.25px;
  }
  .line.remainder {
    stroke: var(--mkt-muted, var(--_mkt-muted));
  }
  .tooltip {
    width: max-content;
    max-width: min(16rem, 90vw);
  }
`;
