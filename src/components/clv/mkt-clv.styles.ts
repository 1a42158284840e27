import { css } from 'lit';

export const clvStyles = css`
  .tiles {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 0.5rem;
  }
  .tiles li {
    padding: 0.5rem 0.65rem;
    border-radius: 6px;
    background: var(--mkt-surface, var(--_mkt-surface));
    display: flex;
    flex-direction: column;
  }
  .tiles .label {
    font-size: 0.75em;
    color: var(--mkt-muted, var(--_mkt-muted));
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .tiles .value {
    font-size: 1.25em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  .params {
    margin: 0.75rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .table-wrap {
    overflow-x: auto;
    margin-top: 0.75rem;
  }
  .table-wrap th,
  .table-wrap td {
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .caption {
    margin: 0 0 0.25rem;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
