import { css } from 'lit';

export const returnsStyles = css`
  .data-note {
    margin: 0.25rem 0 0.5rem;
  }
  .trend {
    margin-top: 1rem;
  }
  h3 {
    margin: 1rem 0 0.25rem;
    font-size: 0.9em;
    font-weight: 600;
  }
`;
