import { css } from 'lit';

export const filterStyles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-end;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
    position: relative;
  }
  input[type='date'],
  summary {
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 6px;
    background: var(--mkt-bg, var(--_mkt-bg));
    color: var(--mkt-fg, var(--_mkt-fg));
    font-size: 1.15em;
  }
  .list summary {
    cursor: pointer;
    list-style: none;
    display: flex;
    gap: 0.5rem;
    min-width: 10rem;
    justify-content: space-between;
  }
  .list summary::after {
    content: '▾';
  }
  .summary {
    font-weight: 400;
    max-width: 12rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  fieldset {
    position: absolute;
    z-index: 10;
    top: 100%;
    left: 0;
    margin: 0.25rem 0 0;
    min-width: 14rem;
    max-height: 18rem;
    overflow: auto;
    padding: 0.5rem;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    border-radius: 6px;
    background: var(--mkt-bg, var(--_mkt-bg));
    color: var(--mkt-fg, var(--_mkt-fg));
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.12);
    font-size: 1.15em;
  }
  .option {
    display: flex;
    gap: 0.4rem;
    padding: 0.2rem 0;
    align-items: center;
    overflow-wrap: anywhere;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.3rem 0.6rem;
    border-radius: 999px;
    background: var(--mkt-surface, var(--_mkt-surface));
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    max-width: 20rem;
    overflow-wrap: anywhere;
  }
  .chip button,
  .clear,
  .reset {
    cursor: pointer;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    background: var(--mkt-bg, var(--_mkt-bg));
    border-radius: 6px;
    padding: 0.35rem 0.7rem;
  }
  .chip button {
    border: 0;
    background: transparent;
    padding: 0 0.2rem;
  }
  .reset:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
`;
