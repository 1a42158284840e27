import { css } from 'lit';
import { tokens } from '../base/tokens.styles.js';

export const dataStyles = [
  tokens,
  css`
    :host {
      display: block;
    }
    .status {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 0.5rem 0.75rem;
      margin-bottom: 0.75rem;
      border-radius: 6px;
      background: var(--mkt-surface, var(--_mkt-surface));
      color: var(--mkt-muted, var(--_mkt-muted));
      font-size: 0.875em;
    }
    .status progress {
      flex: 1;
      max-width: 24rem;
      accent-color: var(--mkt-accent, var(--_mkt-accent));
    }
    .note {
      color: var(--mkt-fg, var(--_mkt-fg));
      border-left: 3px solid var(--mkt-warning, var(--_mkt-warning));
    }
    .retry {
      font: inherit;
      color: var(--mkt-fg, var(--_mkt-fg));
      padding: 0.2rem 0.8rem;
      border: 1px solid var(--mkt-border, var(--_mkt-border));
      border-radius: 6px;
      background: var(--mkt-surface, var(--_mkt-surface));
      cursor: pointer;
    }
    .error {
      color: var(--mkt-negative, var(--_mkt-negative));
      border: 1px solid currentColor;
      background: transparent;
    }
  `,
];
