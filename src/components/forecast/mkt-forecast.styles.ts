import { css } from 'lit';

export const forecastStyles = css`
  :host {
    container-type: inline-size;
  }
  .layout {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .main {
    flex: 1 1 24rem;
    min-width: 0;
  }
  .side {
    flex: 0 1 12rem;
    max-width: 100%;
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
  }
  .headline {
    margin: 0;
    display: flex;
    flex-direction: column;
  }
  .label,
  dt {
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .value {
    font-size: 1.4em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  dl.backtest {
    margin: 0;
    display: grid;
    gap: 0.4rem;
  }
  dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .mape {
    font-size: 1.2em;
  }
  .backtest.none,
  .note {
    margin: 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .history,
  .forecast {
    fill: none;
    stroke: var(--mkt-series-1, var(--_mkt-series-1));
    stroke-width: 2px;
  }
  .forecast {
    stroke-dasharray: 5 4;
  }
  .fc-point {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .band {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .band.b95 {
    opacity: 0.1;
  }
  .band.b80 {
    opacity: 0.2;
  }
  .now {
    stroke: var(--mkt-muted, var(--_mkt-muted));
    stroke-dasharray: 2 2;
  }
  .legend .swatch.history,
  .legend .swatch.forecast {
    height: 0;
    border-top: 2px solid var(--mkt-series-1, var(--_mkt-series-1));
    border-radius: 0;
  }
  .legend .swatch.forecast {
    border-top-style: dashed;
  }
  .legend .swatch.b80 {
    background: var(--mkt-series-1, var(--_mkt-series-1));
    opacity: 0.35;
  }
  .legend .swatch.b95 {
    background: var(--mkt-series-1, var(--_mkt-series-1));
    opacity: 0.15;
  }
  @container (max-width: 36rem) {
    .side {
      flex-basis: 100%;
    }
  }
`;
