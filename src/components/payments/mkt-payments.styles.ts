import { css } from 'lit';

export const paymentStyles = css`
  .instalments {
    margin: 0.5rem 0 0;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
