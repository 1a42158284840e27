import { css } from 'lit';

export const filterStyles = css`
  :host {
    container: mkt-filters / inline-size;
  }
  .fields {
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
  .list summary::-webkit-details-marker {
    display: none;
  }
  .list summary::after {
    content: '▾';
  }
  .summary {
    font-weight: 400;
    max-width: 14rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .panel {
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
  .panel.period {
    width: 21rem;
    max-height: none;
  }
  .presets {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .presets legend {
    padding: 0 0 0.3rem;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .option {
    display: flex;
    gap: 0.4rem;
    padding: 0.2rem 0;
    align-items: center;
    overflow-wrap: anywhere;
  }
  .option .dates {
    margin-left: auto;
    padding-left: 0.75rem;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
    white-space: nowrap;
  }
  .option:has(input:disabled) {
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .custom {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
    padding-top: 0.5rem;
    border-top: 1px solid var(--mkt-border, var(--_mkt-border));
  }
  .date {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .date input {
    font-size: 1.05em;
  }
  .period-note {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
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
  .reset,
  .toggle {
    cursor: pointer;
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    background: var(--mkt-bg, var(--_mkt-bg));
    color: var(--mkt-fg, var(--_mkt-fg));
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
  .toggle {
    display: none;
    width: 100%;
    align-items: center;
    gap: 0.5rem;
    text-align: left;
    font: inherit;
  }
  .toggle::after {
    content: '▾';
    margin-left: auto;
  }
  .toggle[aria-expanded='true']::after {
    content: '▴';
  }
  .toggle-title {
    font-weight: 600;
  }
  .toggle-summary {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  /* A narrow bar folds into its toggle: a sticky bar of every field would take a third of a phone's screen. */
  @container mkt-filters (max-width: 40rem) {
    .toggle {
      display: flex;
    }
    .fields:not(.expanded) {
      display: none;
    }
    .fields {
      margin-top: 0.6rem;
    }
    .field {
      flex: 1 1 100%;
    }
    .list summary {
      min-width: 0;
    }
    .panel,
    .panel.period {
      right: 0;
      min-width: 0;
      width: auto;
    }
  }
`;
