import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OPTIONAL_DATASETS, datasetExists } from './demo-datasets.js';

const PAGES = [
  ['index', 'Home'],
  ['sellers', 'Sellers'],
  ['customers', 'Customers'],
  ['cohorts', 'Cohorts'],
  ['funnel', 'Funnel'],
  ['marketing', 'Marketing'],
  ['insights', 'Insights'],
  ['article', 'Existing site'],
  ['frameworks', 'React & Vue'],
  ['embed', 'Plain HTML'],
  ['server', 'Server'],
] as const;

/** The server page is listed only when `npm run demo:server` runs a server for it (or when it is the page shown). */
const hasServer = (page: string, current: string) =>
  page !== 'server' || current === 'server' || Boolean(import.meta.env.VITE_MARKETKIT_SERVER);

/** A demo page's address with the current query string (the filters and the `data` choice). */
const pageUrl = (page: string) => `./${page === 'index' ? '' : `${page}.html`}${location.search}`;

/** The demo's header: links between pages, carrying the filters in the query string. */
export class MktDemoNav extends LitElement {
  static override styles = css`
    :host {
      display: block;
      background: #0f2236;
      color: #fff;
      /* The header is dark in both schemes: its data picker too (a light native select glared in dark mode). */
      color-scheme: dark;
    }
    nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1.25rem;
      max-width: 1280px;
      margin: 0 auto;
      padding: 0.75rem 1.25rem;
      font:
        500 15px/1.4 system-ui,
        sans-serif;
    }
    .brand {
      font-weight: 700;
      font-size: 17px;
      margin-right: 1rem;
    }
    a {
      color: #c9d7e6;
      text-decoration: none;
      padding: 0.25rem 0;
      border-bottom: 2px solid transparent;
    }
    a[aria-current='page'] {
      color: #fff;
      border-bottom-color: #56b4e9;
    }
    a:hover {
      color: #fff;
    }
    .data {
      margin-left: auto;
      font-size: 14px;
    }
  `;

  /** The page this nav is on. */
  @property() current = 'index';

  /** The optional datasets whose files are there (only those are offered). */
  @state() private available: ReadonlySet<string> = new Set();

  override connectedCallback(): void {
    super.connectedCallback();
    void Promise.all(OPTIONAL_DATASETS.map(async (d) => [d.folder, await datasetExists(d.folder)] as const)).then(
      (found) => (this.available = new Set(found.filter(([, ok]) => ok).map(([folder]) => folder))),
    );
  }

  override render() {
    return html`<nav aria-label="Demo pages">
      <span class="brand">marketkit</span>
      ${PAGES.filter(([page]) => hasServer(page, this.current)).map(
        ([page, label]) =>
          html`<a href=${pageUrl(page)} data-page=${page} aria-current=${page === this.current ? 'page' : 'false'}
            >${label}</a
          >`,
      )}
      ${this.current === 'server' ? nothing : this.dataSwitch()}
    </nav>`;
  }

  /** The choice of dataset (the server page has its server's). */
  private dataSwitch() {
    return html`<label class="data"
      >Data:
      <select @change=${(e: Event) => this.switchData((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.dataParam()}>synthetic</option>
        ${OPTIONAL_DATASETS.filter((d) => this.available.has(d.folder) || this.dataParam() === d.folder).map(
          (d) => html`<option value=${d.folder} ?selected=${this.dataParam() === d.folder}>${d.label}</option>`,
        )}
      </select>
    </label>`;
  }

  /**
   * The filters of a page with `url-state` are in its query string, written there as they change: a link takes the
   * query as it is when it is about to be used (hovered, focused, clicked, opened in a new tab), not as it was when
   * the nav was drawn.
   */
  private readonly followFilters = (event: Event) => {
    const link = (event.composedPath()[0] as Element).closest?.('a[data-page]') as HTMLAnchorElement | null;
    if (link) link.setAttribute('href', pageUrl(link.dataset.page!));
  };

  constructor() {
    super();
    for (const type of ['pointerover', 'focusin', 'click', 'auxclick', 'contextmenu'])
      this.addEventListener(type, this.followFilters);
  }

  private dataParam(): string | null {
    return new URLSearchParams(location.search).get('data');
  }

  /** Reloads the page on another dataset (`?data=olist`; see demo.ts), dropping filters that belong to the old one. */
  private switchData(value: string): void {
    location.search = value ? `?data=${value}` : '';
  }
}

/**
 * Registers `<mkt-demo-nav>`. A call, not a side effect of the import: package.json's `sideEffects` does not list
 * the demo, so the build drops a bare `import './demo-nav.js'` (the built demo had no nav).
 */
export function defineDemoNav(): void {
  if (!customElements.get('mkt-demo-nav')) customElements.define('mkt-demo-nav', MktDemoNav);
}
