import * as marketkit from '../../src/index.js';

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
