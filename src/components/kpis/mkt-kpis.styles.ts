import { css } from 'lit';

export const kpiStyles = css`
  .kpis {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 0.75rem;
  }
  .kpi {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
    padding: 0.75rem;
    border-radius: 6px;
    background: var(--mkt-surface, var(--_mkt-surface));
  }
  .label {
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  /* Smaller in a narrow tile (two a row on a phone), so that "$12,345,678" stays inside it. */
  .value {
    font-size: clamp(1em, 13.5cqi, 1.5em);
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  /* The conversion rate while the page events load: a bar the height of a value. */
  .value.skeleton {
    display: block;
    padding: 0.2rem 0;
  }
  .value.skeleton span {
    width: 4.5rem;
    height: 1.3rem;
  }
  .change {
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .change.up {
    color: var(--mkt-positive, var(--_mkt-positive));
  }
  .change.down {
    color: var(--mkt-negative, var(--_mkt-negative));
  }
  .change.none,
  .change.flat {
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .period {
    margin: 0.6rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
