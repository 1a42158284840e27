import { css } from 'lit';

export const supportStyles = css`
  .data-note {
    margin-top: 0.5rem;
  }
`;
