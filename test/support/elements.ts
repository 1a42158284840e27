import * as marketkit from '../../src/index.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import { whenReady } from './dom.js';

/** Every element the package exports (src/index.ts), by tag name: a new element is covered without editing a test. */
export function exportedTags(): string[] {
  const tags = new Set<string>();
  for (const value of Object.values(marketkit)) {
    if (typeof value !== 'function' || !(value.prototype instanceof HTMLElement)) continue;
    const tag = customElements.getName(value as CustomElementConstructor);
    if (tag) tags.add(tag);
  }
  return [...tags].sort();
}

/**
 * A `<mkt-data>` holding `source` (or on a marketkit `server`) with one of every exported element inside, on the
 * page and loaded.
 */
export async function mountEveryElement(
  source: InMemoryDataset | { readonly server: string },
): Promise<{ data: MktData; widgets: MktWidget<unknown>[] }> {
  const data = document.createElement('mkt-data') as MktData;
  if ('server' in source) data.server = source.server;
  else data.source = source;
  for (const tag of exportedTags()) if (tag !== 'mkt-data') data.append(document.createElement(tag));
  document.body.append(data);
  await whenReady(data);
  const widgets = [...data.children].filter((el): el is MktWidget<unknown> => 'task' in el);
  return { data, widgets };
}
