import { html, type TemplateResult } from 'lit';

/** Previous / Next buttons around "Page 2 of 5 · what": `go(page)` turns to a page (0-based). */
export function pager(page: number, pages: number, what: string, go: (page: number) => void): TemplateResult {
  return html`<div class="pager">
    <button type="button" ?disabled=${page === 0} @click=${() => go(page - 1)}>Previous</button>
    <span class="page-info">Page ${page + 1} of ${pages} · ${what}</span>
    <button type="button" ?disabled=${page >= pages - 1} @click=${() => go(page + 1)}>Next</button>
  </div>`;
}
