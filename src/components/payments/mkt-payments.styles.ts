import { css } from 'lit';

export const paymentStyles = css`
  /* Four modes fit a phone's card only a little tighter than the kit's other switches. */
  .segmented[aria-label='Show'] button {
    padding-inline: 0.45rem;
  }
  .instalments {
    margin: 0.5rem 0 0;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .tooltip {
    width: max-content;
    max-width: min(16rem, 90vw);
  }
  .column.active rect {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 1px;
  }
  .note {
    margin: 0.4rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
