import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { MktWidget, type QueryContext } from '../../src/components/base/mkt-widget.js';
import type { DashboardState } from '../../src/data/dashboard-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';
import { applyFilterPatch, EMPTY_FILTERS, type FilterKey, type FilterPatch } from '../../src/data/filter-state.js';
import { waitFor } from '../support/dom.js';

/** A widget whose query answers when the test says so, and which counts its draws. */
class HeldWidget extends MktWidget<{ n: number }> {
  protected override requires: readonly string[] = [];
  draws = 0;
  release: (n: number) => void = () => undefined;
  protected override async query({ signal }: QueryContext): Promise<{ n: number }> {
    const n = await new Promise<number>((resolve, reject) => {
      this.release = resolve;
      signal.addEventListener('abort', () => reject(new DOMException('superseded', 'AbortError')));
    });
    return { n };
  }
  protected override renderResult(result: { n: number }) {
    this.draws++;
    return html`<p class="n">${result.n}</p>
      <p class="selected">${this.dashboard?.filters.categories.join(',')}</p>`;
  }
}
class UndrawnFiltersWidget extends HeldWidget {
  protected override readonly drawnFilters = [] as const;
}
class DrawnCategoriesWidget extends HeldWidget {
  protected override readonly drawnFilters: readonly FilterKey[] = ['categories'];
}
customElements.define('test-undrawn-filters', UndrawnFiltersWidget);
customElements.define('test-drawn-categories', DrawnCategoriesWidget);

const state = (patch: FilterPatch = {}): DashboardState => ({
  id: 'test',
  status: 'ready',
  progress: null,
  error: null,
  filters: applyFilterPatch(EMPTY_FILTERS, patch),
  engine: {} as QueryEngine,
  info: null,
  manifest: null,
  issues: [],
  locale: 'en-US',
  currency: 'USD',
});

const root = (w: HeldWidget) => w.shadowRoot!;
const shown = (w: HeldWidget) => root(w).querySelector('.shown')!;

/** Mounts a widget and has it draw a first result, 1. */
async function drawn<W extends HeldWidget>(tag: string): Promise<W> {
  const widget = document.createElement(tag) as W;
  document.body.append(widget);
  const first = state();
  widget.dashboard = first;
  await waitFor(() => widget.draws === 0 && root(widget)?.querySelector('.skeleton'), 'the skeleton');
  widget.release(1);
  await waitFor(() => root(widget).querySelector('.n')?.textContent === '1', 'the first result');
  return widget;
}

/** Changes the filters, keeping every other part of the dashboard state. */
async function filter(widget: HeldWidget, patch: FilterPatch): Promise<void> {
  widget.dashboard = { ...widget.dashboard!, filters: applyFilterPatch(widget.dashboard!.filters, patch) };
  await widget.updateComplete;
}

describe('a widget while its next result is computed', () => {
  it('leaves the previous result untouched for the first 150 ms: not re-drawn, not dimmed, not busy', async () => {
    const widget = await drawn<UndrawnFiltersWidget>('test-undrawn-filters');
    const draws = widget.draws;
    const paragraph = root(widget).querySelector('.n');
    await filter(widget, { dateFrom: '2024-01-01' });
    expect(widget.draws).to.equal(draws);
    expect(root(widget).querySelector('.n')).to.equal(paragraph);
    expect(shown(widget).classList.contains('stale')).to.equal(false);
    expect(root(widget).querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    widget.release(2);
    await waitFor(() => root(widget).querySelector('.n')?.textContent === '2', 'the new result');
    widget.remove();
  });

  it('dims the previous result and says it is busy once the new one takes longer than 150 ms', async () => {
    const widget = await drawn<UndrawnFiltersWidget>('test-undrawn-filters');
    await filter(widget, { dateFrom: '2024-01-01' });
    const started = performance.now();
    await waitFor(() => shown(widget).classList.contains('stale'), 'the stale mark');
    expect(performance.now() - started).to.be.at.least(140);
    expect(root(widget).querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
    expect(root(widget).querySelector('.n')!.textContent).to.equal('1');
    widget.release(3);
    await waitFor(() => root(widget).querySelector('.n')?.textContent === '3', 'the new result');
    expect(shown(widget).classList.contains('stale')).to.equal(false);
    expect(root(widget).querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    widget.remove();
  });

  it('re-draws at once when a filter it draws changes, so that a selection shows before the result', async () => {
    const widget = await drawn<DrawnCategoriesWidget>('test-drawn-categories');
    let draws = widget.draws;
    await filter(widget, { dateFrom: '2024-01-01' });
    expect(widget.draws).to.equal(draws);
    await filter(widget, { categories: ['Books'] });
    expect(widget.draws).to.equal(draws + 1);
    expect(root(widget).querySelector('.selected')!.textContent).to.equal('Books');
    expect(root(widget).querySelector('.n')!.textContent).to.equal('1');
    draws = widget.draws;
    widget.release(4);
    await waitFor(() => root(widget).querySelector('.n')?.textContent === '4', 'the new result');
    expect(widget.draws).to.equal(draws + 1);
    widget.remove();
  });

  it('re-draws at once when anything else of the dashboard changes (here the locale)', async () => {
    const widget = await drawn<UndrawnFiltersWidget>('test-undrawn-filters');
    const draws = widget.draws;
    widget.dashboard = { ...widget.dashboard!, locale: 'de-DE', filters: { ...widget.dashboard!.filters } };
    await widget.updateComplete;
    expect(widget.draws).to.equal(draws + 1);
    widget.release(5);
    await waitFor(() => root(widget).querySelector('.n')?.textContent === '5', 'the new result');
    widget.remove();
  });
});
