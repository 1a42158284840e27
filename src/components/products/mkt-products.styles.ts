import { css } from 'lit';

export const productStyles = css`
  .lists {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr));
    gap: 0.75rem 1rem;
  }
  .list h3 {
    margin: 0 0 0.25rem;
    font-size: 0.9em;
    font-weight: 600;
  }
`;
