import { css } from 'lit';

/** Beside `timeLineStyles` (lines, cursor, plot focus). */
export const revenueTrendStyles = css`
  .line.prior {
    stroke: var(--mkt-muted, var(--_mkt-muted));
    stroke-width: 1.5px;
    stroke-dasharray: 4 3;
  }
  .area {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
    opacity: 0.08;
  }
  .plot {
    border-radius: 4px;
  }
  .cursor circle.prior {
    stroke: var(--mkt-muted, var(--_mkt-muted));
  }
  .tooltip {
    width: max-content;
    max-width: min(14rem, 90vw);
  }
  .note {
    margin: 0.4rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    font-size: 0.9em;
  }
`;
