import { css } from 'lit';

export const productStyles = css`
  .lists {
    display: grid;
    gap: 0.75rem 1rem;
  }
  .lists.two {
    grid-template-columns: 1fr 1fr;
  }
  .list h3 {
    margin: 0 0 0.25rem;
    font-size: 0.9em;
    font-weight: 600;
  }
`;
