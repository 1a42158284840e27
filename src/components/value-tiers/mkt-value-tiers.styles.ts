import { css } from 'lit';

export const valueTiersStyles = css`
  /* Columns in the proportions the element draws them at (56 : 44, GAP 24 px). */
  .split {
    display: grid;
    grid-template-columns: minmax(0, 56fr) minmax(0, 44fr);
    gap: 24px;
    align-items: start;
  }
  .data-note {
    margin: 0 0 0.5rem;
  }
  .cutoffs {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.9rem;
    margin: 0.5rem 0 1rem;
    padding: 0;
    border: 0;
    font-size: 0.85em;
  }
  .cutoffs legend {
    float: left;
    padding: 0;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .cutoffs input {
    width: 4.5em;
    margin: 0 0.2rem 0 0.3rem;
    padding: 0.1rem 0.3rem;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 4px;
    background: var(--mkt-bg, var(--_mkt-bg));
  }
  .cutoffs input[aria-invalid='true'] {
    border-color: var(--mkt-warning, var(--_mkt-warning));
  }
  .line.equality {
    stroke: var(--mkt-muted, var(--_mkt-muted));
    stroke-width: 1px;
    stroke-dasharray: 4 3;
  }
  .axis-title {
    font-size: 11px;
    fill: var(--mkt-muted, var(--_mkt-muted));
  }
`;
