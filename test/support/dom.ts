import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';

/** Polls until `check` returns a truthy value (or throws after `timeout` ms with `what` in the message). */
export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeout = 20000): Promise<T> {
  const start = performance.now();
  for (;;) {
    let value: T | undefined | null | false;
    try {
      value = check();
    } catch {
      value = undefined;
    }
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits until the data element has loaded and checked its data (the checks run after the first paint), or failed:
 * a minute by default (DuckDB starts slowly on a busy machine); large real datasets pass a longer `timeout` (ms).
 */
export async function whenReady(data: MktData, timeout = 60000): Promise<void> {
  await waitFor(
    () => (data.state.status === 'ready' && data.state.checked) || data.state.status === 'error',
    'the data element to load and check its data',
    timeout,
  );
}

/** Waits until a widget has painted a result for the current state (not loading, not pending). */
export async function settled(widget: MktWidget<unknown>, timeout?: number): Promise<void> {
  await waitFor(
    () => {
      const root = widget.shadowRoot;
      const task = (widget as unknown as { task: { status: number } }).task;
      return (
        root && widget.dashboard?.status !== 'loading' && task.status !== 1 && !root.querySelector('.skeleton, .stale')
      );
    },
    `${widget.localName} to settle`,
    timeout,
  );
  await widget.updateComplete;
}

/** Text of the first element matching `selector` in a widget's shadow root. */
export function text(widget: Element, selector: string): string {
  return widget.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

import { render, type TemplateResult } from 'lit';

/**
 * Renders a template into a fresh container on the page and returns its first element. Unlike open-wc's
 * `fixture`, it survives across tests (fixture removes everything after each test); call `.remove()` in `after`.
 */
export async function mount<T extends Element>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  render(template, container);
  const element = container.firstElementChild as T;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Every element inside a root, through nested shadow roots. */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}
