import { css } from 'lit';

export const recommendationStyles = css`
  .picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    margin: 0 0 0.6rem;
    font-size: 0.9em;
  }
  .picker select {
    max-width: 100%;
    font: inherit;
    color: inherit;
    background: var(--mkt-bg, var(--_mkt-bg));
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 6px;
    padding: 0.2rem 0.4rem;
  }
  .data-note {
    margin-top: 0.5rem;
  }
`;
