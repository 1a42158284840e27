import { css } from 'lit';
import { tokens } from './tokens.styles.js';

export const widgetStyles = [
  tokens,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    :host([hidden]) {
      display: none;
    }
    .card {
      background: var(--mkt-bg, var(--_mkt-bg));
      border: 1px solid var(--mkt-border, var(--_mkt-border));
      border-radius: var(--mkt-radius, 8px);
      padding: var(--mkt-padding, 1rem);
      height: 100%;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin-bottom: 0.75rem;
    }
    h2 {
      margin: 0;
      font-size: 1rem;
      font-weight: 600;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .message {
      margin: 0;
      padding: 1.25rem 1rem;
      text-align: center;
      color: var(--mkt-muted, var(--_mkt-muted));
      border-radius: 6px;
      background: var(--mkt-surface, var(--_mkt-surface));
    }
    .message.error {
      color: var(--mkt-negative, var(--_mkt-negative));
      background: transparent;
      border: 1px solid currentColor;
      text-align: left;
      overflow-wrap: anywhere;
    }
    .skeleton {
      display: grid;
      gap: 0.6rem;
      padding: 0.25rem 0;
    }
    .skeleton span {
      display: block;
      height: 1.1rem;
      border-radius: 4px;
      background: var(--mkt-skeleton, var(--_mkt-skeleton));
      animation: pulse 1.4s ease-in-out infinite;
    }
    .skeleton span:nth-child(2) {
      width: 80%;
    }
    .skeleton span:nth-child(3) {
      width: 60%;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton span {
        animation: none;
      }
    }
    .stale {
      opacity: 0.6;
      transition: opacity 0.2s;
    }
    button,
    select,
    input {
      font: inherit;
      color: inherit;
    }
    .segmented {
      display: inline-flex;
      border: 1px solid var(--mkt-border, var(--_mkt-border));
      border-radius: 6px;
      overflow: hidden;
    }
    .segmented button {
      border: 0;
      background: transparent;
      padding: 0.2rem 0.6rem;
      cursor: pointer;
    }
    .segmented button[aria-pressed='true'] {
      background: var(--mkt-accent, var(--_mkt-accent));
      color: #fff;
    }
    :focus-visible {
      outline: 2px solid var(--mkt-accent, var(--_mkt-accent));
      outline-offset: 2px;
    }
  `,
];
