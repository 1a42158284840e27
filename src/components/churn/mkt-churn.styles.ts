import { css } from 'lit';

export const churnStyles = css`
  .layout {
    display: grid;
    gap: 1rem;
  }
  .layout > * {
    min-width: 0;
  }
  h3 {
    margin: 0 0 0.35rem;
    font-size: 0.9rem;
    font-weight: 600;
  }
  .line {
    fill: none;
    stroke: var(--mkt-series-6, var(--_mkt-series-6));
    stroke-width: 2px;
  }
  .dot {
    fill: var(--mkt-series-6, var(--_mkt-series-6));
  }
  .bar {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .bars .name,
  .bars .value {
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-size: 11px;
    font-variant-numeric: tabular-nums;
  }
  .metrics {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1.25rem;
    margin: 0;
    font-size: 0.85em;
  }
  .metrics dt {
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .metrics dd {
    margin: 0;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  .metrics div {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.35rem;
  }
  .metrics dd.detail {
    font-weight: normal;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .definition {
    margin: 0 0 0.75rem;
    font-size: 0.85em;
  }
  .table-wrap {
    overflow-x: auto;
    container-type: inline-size;
  }
  /* The early-warning table fits a half-width card at 1280 px: headings and the reasons wrap between words, the
     figures and ids do not (a narrower card scrolls it). */
  .table-wrap td {
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .table-wrap table.data th {
    overflow-wrap: normal;
    vertical-align: bottom;
  }
  .table-wrap td.reason {
    white-space: normal;
    min-width: 14em;
  }
  /* On a phone the reasons take a line of their own under each customer's figures, instead of a sideways scroll. */
  @container (max-width: 30rem) {
    .table-wrap tr {
      display: grid;
      grid-template-columns: 1fr auto auto auto;
    }
    .table-wrap th:last-child,
    .table-wrap td.reason {
      grid-column: 1 / -1;
      min-width: 0;
    }
    .table-wrap th:last-child {
      display: none;
    }
  }
  .note {
    margin: 0.35rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .why {
    color: var(--mkt-muted, var(--_mkt-muted));
    font-size: 0.9em;
  }
`;
