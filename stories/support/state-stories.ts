import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { StoryObj } from '@storybook/web-components-vite';
import type { DashboardState } from '../../src/data/dashboard-state.js';
import { withData, LOADING, FAILED } from './with-data.js';
import { emptyDataset } from './datasets.js';

/** Gives every widget in `content` this dashboard state directly, with no `<mkt-data>` around it. */
function withDashboard(content: TemplateResult, state: DashboardState): TemplateResult {
  const assign = (root: Element | undefined) =>
    root &&
    // After this render: the ref is set before the content inside the div is.
    queueMicrotask(() => {
      for (const el of root.querySelectorAll('*')) if ('dashboard' in el) el.dashboard = state;
    });
  return html`<div ${ref(assign)}>${content}</div>`;
}

/**
 * The states every element has a story for, each drawing `el(args)`: still loading, the dataset failed, no data
 * matches, and a narrow (phone-width) column.
 */
export function stateStories<A>(el: (args: A) => TemplateResult) {
  return {
    Loading: { render: (args) => withDashboard(el(args), LOADING) },
    Error: { render: (args) => withDashboard(el(args), FAILED) },
    Empty: { render: (args) => withData(el(args), emptyDataset()) },
    Narrow: { render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>` },
  } satisfies Record<string, StoryObj<A>>;
}
