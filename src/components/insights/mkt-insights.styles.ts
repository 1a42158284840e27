import { css } from 'lit';

export const insightsStyles = css`
  .findings {
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: finding;
    display: grid;
    gap: 0.5rem;
  }
  .finding {
    counter-increment: finding;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.35rem 0.75rem;
    padding: 0.55rem 0.7rem;
    border-radius: 6px;
    background: var(--mkt-surface, var(--_mkt-surface));
  }
  .text {
    margin: 0;
    flex: 1 1 16rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .text::before {
    content: counter(finding) '. ';
    font-weight: 650;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .show {
    flex: none;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    background: var(--mkt-bg, var(--_mkt-bg));
    border-radius: 6px;
    padding: 0.2rem 0.6rem;
    cursor: pointer;
    font-size: 0.85em;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  .download {
    font-size: 0.85em;
    color: var(--mkt-accent, var(--_mkt-accent));
  }
`;
