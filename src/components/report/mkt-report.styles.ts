import { css } from 'lit';

export const reportStyles = css`
  .scope {
    margin: 0 0 0.6rem;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button {
    font: inherit;
    font-size: 0.9em;
    padding: 0.35rem 0.8rem;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 6px;
    background: var(--mkt-bg, var(--_mkt-bg));
    color: var(--mkt-fg, var(--_mkt-fg));
    cursor: pointer;
  }
  button.primary {
    background: var(--mkt-accent, var(--_mkt-accent));
    border-color: var(--mkt-accent, var(--_mkt-accent));
    color: var(--mkt-on-accent, var(--_mkt-on-accent));
  }
  button:focus-visible {
    outline: 2px solid var(--mkt-accent, var(--_mkt-accent));
    outline-offset: 2px;
  }
  /* The print view's frame: laid out (so that it prints) but not seen. */
  .print-frame {
    position: fixed;
    right: 0;
    bottom: 0;
    width: 0;
    height: 0;
    border: 0;
    visibility: hidden;
  }
`;
