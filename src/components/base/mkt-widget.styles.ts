import { css } from 'lit';
import { tokens } from './tokens.styles.js';
import { visuallyHidden } from '../../charts/chart.styles.js';

export const widgetStyles = [
  tokens,
  visuallyHidden,
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
    .issues {
      margin: 0 0 0.75rem;
      padding: 0.4rem 0.6rem;
      border-radius: 6px;
      border: 1px solid var(--mkt-warning, var(--_mkt-warning));
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    .issues summary {
      cursor: pointer;
    }
    .issues ul {
      margin: 0.3rem 0 0;
      padding-left: 1.2rem;
    }
    .skeleton {
      display: grid;
      gap: 0.6rem;
      padding: 0.25rem 0;
    }
    /* Still, as Ant Design's skeletons are by default: without a GPU, a pulse on every widget took about 100 ms
       of a 1.9 s start (benchmark, scale 1); <mkt-data>'s progress bar shows the load moving. */
    .skeleton span {
      display: block;
      height: 1.1rem;
      border-radius: 4px;
      background: var(--mkt-skeleton, var(--_mkt-skeleton));
    }
    .skeleton span:nth-child(2) {
      width: 80%;
    }
    .skeleton span:nth-child(3) {
      width: 60%;
    }
    @media (prefers-reduced-motion: reduce) {
      .stale {
        transition: none;
      }
    }
    /* Set only once a new result takes longer than 150 ms (SlowPending), restored at once: fading a whole chart
       in and out repaints it on every frame. */
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
    /* Retry after a server that could not be reached. */
    .retry {
      margin-top: 0.5rem;
      padding: 0.25rem 0.9rem;
      border: 1px solid var(--mkt-border, var(--_mkt-border));
      border-radius: 6px;
      background: var(--mkt-surface, var(--_mkt-surface));
      cursor: pointer;
    }
    /* Wraps to a second row rather than run out of a phone-width card (the products' five metrics at 375 px). */
    .segmented {
      display: inline-flex;
      flex-wrap: wrap;
      max-width: 100%;
      border: 1px solid var(--mkt-border, var(--_mkt-border));
      border-radius: 6px;
      overflow: hidden;
    }
    .segmented button {
      border: 0;
      background: transparent;
      padding: 0.2rem 0.6rem;
      cursor: pointer;
      white-space: nowrap;
    }
    .segmented button[aria-pressed='true'] {
      background: var(--mkt-accent, var(--_mkt-accent));
      color: var(--mkt-on-accent, var(--_mkt-on-accent));
    }
    :focus-visible {
      outline: 2px solid var(--mkt-accent, var(--_mkt-accent));
      outline-offset: 2px;
    }
    /* A header toggle button (tableToggle()). */
    .toggle,
    .table-toggle {
      padding: 0.2rem 0.6rem;
      border: 1px solid var(--mkt-border, var(--_mkt-border));
      border-radius: 6px;
      background: transparent;
      cursor: pointer;
    }
    .table-toggle[aria-pressed='true'] {
      background: var(--mkt-accent, var(--_mkt-accent));
      border-color: var(--mkt-accent, var(--_mkt-accent));
      color: var(--mkt-on-accent, var(--_mkt-on-accent));
    }
    .table-view {
      max-height: 28rem;
      overflow: auto;
    }
    .table-view table.data td.num {
      white-space: nowrap;
      overflow-wrap: normal;
    }
    .export {
      position: relative;
    }
    .export summary {
      list-style: none;
      cursor: pointer;
      padding: 0.2rem 0.6rem;
      border: 1px solid var(--mkt-border, var(--_mkt-border));
      border-radius: 6px;
      white-space: nowrap;
    }
    .export summary::-webkit-details-marker {
      display: none;
    }
    .export summary::after {
      content: ' ▾';
      font-size: 0.8em;
    }
    .export-menu {
      position: absolute;
      inset-inline-end: 0;
      top: calc(100% + 4px);
      z-index: 10;
      /* As wide as its button, so that it stays inside the card whichever side the button sits on. */
      min-width: 100%;
      width: max-content;
      margin: 0;
      padding: 0.25rem;
      list-style: none;
      background: var(--mkt-bg, var(--_mkt-bg));
      border: 1px solid var(--mkt-border, var(--_mkt-border));
      border-radius: 6px;
      box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
    }
    .export-menu button {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      width: 100%;
      padding: 0.3rem 0.5rem;
      border: 0;
      border-radius: 4px;
      background: transparent;
      cursor: pointer;
      text-align: start;
    }
    .export-menu button:hover {
      background: var(--mkt-surface, var(--_mkt-surface));
    }
    .export-menu .what {
      color: var(--mkt-muted, var(--_mkt-muted));
    }
    /* Why a figure or a control is unavailable, or what it counts (src/components/base/data-notes.ts). */
    .data-note {
      margin: 0.25rem 0 0;
      font-size: 0.8em;
      color: var(--mkt-muted, var(--_mkt-muted));
    }
  `,
];
