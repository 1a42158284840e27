import { css } from 'lit';

export const whatIfStyles = css`
  :host {
    container-type: inline-size;
  }
  .levers,
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: 0.6rem 0.75rem;
    margin: 0 0 0.9rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
    min-width: 0;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  /* Label, input and note on three rows shared by the fields side by side: a label that wraps to two lines (the
     late-shipment rate's) keeps its input level with its neighbours'. */
  .field:not(.wide) {
    display: grid;
    grid-row: span 3;
    grid-template-rows: subgrid;
    row-gap: 0.2rem;
    align-content: start;
  }
  .field:not(.wide) > span:first-child {
    align-self: end;
  }
  .field input,
  .field select {
    font-size: 1rem;
    color: var(--mkt-fg, var(--_mkt-fg));
    background: var(--mkt-bg, var(--_mkt-bg));
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 6px;
    padding: 0.3rem 0.45rem;
    width: 100%;
    max-width: 22rem;
  }
  .field input:disabled {
    opacity: 0.5;
  }
  small {
    font-size: 0.95em;
  }
  table.result {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .result th,
  .result td {
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--mkt-border, var(--_mkt-border));
    text-align: left;
  }
  .result thead th {
    font-size: 0.8em;
    font-weight: 600;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .result .num {
    text-align: right;
  }
  .result tbody th {
    font-weight: 500;
  }
  .next {
    font-weight: 650;
  }
  .change.up {
    color: var(--mkt-positive, var(--_mkt-positive));
  }
  .change.down {
    color: var(--mkt-negative, var(--_mkt-negative));
  }
  .change.flat {
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .factors,
  .explain {
    margin: 0.5rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
    overflow-wrap: anywhere;
  }
  details {
    margin-top: 0.75rem;
  }
  summary {
    cursor: pointer;
    font-size: 0.9em;
    font-weight: 600;
    margin-bottom: 0.5rem;
  }
  .reset {
    margin-top: 0.75rem;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    background: transparent;
    border-radius: 6px;
    padding: 0.25rem 0.7rem;
    cursor: pointer;
  }
  @container (max-width: 30rem) {
    .result th,
    .result td {
      padding: 0.3rem 0.2rem;
      font-size: 0.9em;
    }
    .levers {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
`;
