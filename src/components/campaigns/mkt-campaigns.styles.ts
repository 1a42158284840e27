import { css } from 'lit';

export const campaignStyles = css`
  .data-note {
    margin-bottom: 0.5rem;
  }
  .trend {
    margin-top: 1rem;
  }
  .line.spend,
  .cursor circle.spend {
    stroke: var(--mkt-series-2, var(--_mkt-series-2));
  }
`;
