import { css } from 'lit';

export const insightsStyles = css`
  :host {
    container-type: inline-size;
  }
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
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.55rem 0.7rem;
    border-radius: 6px;
    background: var(--mkt-surface, var(--_mkt-surface));
  }
  .text {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .evidence {
    grid-column: 1 / -1;
    grid-row: 2;
    margin: 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .evidence .size {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  @container (max-width: 420px) {
    .finding {
      grid-template-columns: minmax(0, 1fr);
    }
    .evidence {
      grid-row: auto;
    }
    .show {
      justify-self: start;
    }
  }
  .text::before {
    content: counter(finding) '. ';
    font-weight: 650;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .show {
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
