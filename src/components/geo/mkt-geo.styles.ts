import { css } from 'lit';

export const geoStyles = css`
  .map > svg {
    width: 100%;
    height: auto;
  }
  .notice code {
    font-size: 0.95em;
  }
  .hint,
  .caption,
  .notice {
    margin: 0.4rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .caption {
    font-weight: 600;
    margin-top: 0.75rem;
  }
  button.region {
    border: 0;
    background: transparent;
    padding: 0;
    font: inherit;
    font-weight: 500;
    color: var(--mkt-accent, var(--_mkt-accent));
    cursor: pointer;
    text-align: left;
    overflow-wrap: anywhere;
  }
  button.region[aria-pressed='true'] {
    font-weight: 700;
    text-decoration: underline;
  }
  .toggle[aria-pressed='true'] {
    background: var(--mkt-surface, var(--_mkt-surface));
  }
`;
