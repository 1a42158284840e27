import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { OPTIONAL_DATASETS, datasetExists } from './demo-datasets.js';

const PAGES = [
  ['index', 'Home'],
  ['sellers', 'Sellers'],
  ['customers', 'Customers'],
  ['cohorts', 'Cohorts'],
  ['funnel', 'Funnel'],
  ['insights', 'Insights'],
  ['article', 'Existing site'],
  ['frameworks', 'React & Vue'],
  ['embed', 'Plain HTML'],
] as const;

/** The demo's header: links between pages, carrying the filters in the query string. */
@customElement('mkt-demo-nav')
export class MktDemoNav extends LitElement {
  static override styles = css`
    :host {
      display: block;
      background: #0f2236;
      color: #fff;
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
    const query = location.search;
    return html`<nav aria-label="Demo pages">
      <span class="brand">marketkit</span>
      ${PAGES.map(
        ([page, label]) =>
          html`<a
            href="./${page === 'index' ? '' : `${page}.html`}${query}"
            aria-current=${page === this.current ? 'page' : 'false'}
            >${label}</a
          >`,
      )}
      <label class="data"
        >Data:
        <select @change=${(e: Event) => this.switchData((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.dataParam()}>synthetic</option>
          ${OPTIONAL_DATASETS.filter((d) => this.available.has(d.folder) || this.dataParam() === d.folder).map(
            (d) => html`<option value=${d.folder} ?selected=${this.dataParam() === d.folder}>${d.label}</option>`,
          )}
        </select>
      </label>
    </nav>`;
  }

  private dataParam(): string | null {
    return new URLSearchParams(location.search).get('data');
  }

  /** Reloads the page on another dataset (`?data=olist`; see demo.ts), dropping filters that belong to the old one. */
  private switchData(value: string): void {
    location.search = value ? `?data=${value}` : '';
  }
}
