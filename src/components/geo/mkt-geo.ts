import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { tableToggle } from '../base/table-toggle.js';
import type { ExportTable } from '../../charts/export.js';
import { oneOf } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { sequentialLegend, sequentialLegendStyles } from '../../charts/sequential-legend.js';
import { choropleth, choroplethColor, choroplethLayout, choroplethStyles } from '../../charts/choropleth.js';
import { colorSchemeOf } from '../../charts/color-scheme.js';
import { SizeController } from '../../charts/size-controller.js';
import { MktErrorEvent } from '../../events/error.js';
import { isBuiltInMap } from '../../geo/built-in-maps.js';
import { chooseMap, type GeoMap, type MapChoice } from '../../geo/load-map.js';
import { matchRegions } from '../../geo/match-regions.js';
import { placeKey } from '../../geo/places.js';
import { regionTable } from './region-table.js';
import { segmented } from '../base/segmented.js';
import { geoStyles } from './mkt-geo.styles.js';
import { named } from '../../queries/registry.js';
import { orderUnit } from '../../metrics/orders.js';
import { ordersLabel } from '../base/data-notes.js';

export type GeoMetric = 'gmv' | 'customers';
export type RegionRow = {
  readonly region: string;
  readonly gmv: number;
  readonly orders: number;
  readonly customers: number;
};
export interface GeoResult extends MapChoice {
  readonly regions: readonly RegionRow[];
  /** The dataset's distinct customer regions, whatever the filters. */
  readonly regionCount: number;
}

const METRIC_WORDS: Record<GeoMetric, string> = { gmv: 'GMV', customers: 'Customers' };
const MAP_EXPECTED = 'world, us-states, brazil-states, or the URL of a TopoJSON or GeoJSON file';

/**
 * GMV or customers by customer region as a choropleth: world countries, US states, Brazilian states, or a map of
 * the page's own. The map is the one whose names and codes match most of the data's regions, unless `map` says
 * which. Regions the map does not have are listed under the map with their numbers. Click a region, or focus it
 * and press Enter, to filter the dashboard to it; again to clear. The region filter itself is not applied here,
 * so every region stays visible.
 *
 * @summary Choropleth of GMV or customers by country or state (or your own map), click to filter.
 * @fires mkt-filter-change - A region was clicked: `{ regions: [name] }`, or `{ regions: [] }` to clear.
 * @fires mkt-error - A query failed, or the map could not be loaded (`fetch-failed`) or read (`file-malformed`).
 * @fires mkt-option-change - The user switched the measure: `{ option: 'metric', value }`.
 * @csspart card - The widget's frame.
 * @csspart map - The map.
 * @csspart legend - The colour legend.
 * @csspart table - The table view, and the list of regions not on the map.
 * @cssprop --mkt-accent - Outline of the selected region.
 */
@customElement('mkt-geo')
export class MktGeo extends MktWidget<GeoResult> {
  static override styles = [...MktWidget.styles, chartStyles, choroplethStyles, sequentialLegendStyles, geoStyles];

  /** The selection it highlights (see MktWidget). */
  protected override readonly drawnFilters = ['regions'] as const;

  /** What the colour shows: `gmv` or `customers`. */
  @property({ reflect: true }) metric: GeoMetric = 'gmv';
  /**
   * The map: `world` (countries by ISO 3166-1 name, alpha-2 or alpha-3 code), `us-states` (names, USPS codes),
   * `brazil-states` (names, two-letter codes), or the URL of a TopoJSON or GeoJSON file of your own (see
   * `region-key`). Unset: the built-in map whose names match most of the data's regions.
   */
  @property() map?: string;
  /** The property of a user map's features that holds the region name the data uses (`id`: the feature id). */
  @property({ attribute: 'region-key' }) regionKey = 'name';
  /** Deprecated: the URL of a map of your own; use `map`. */
  @property() atlas?: string;

  @state() private view: 'map' | 'table' = 'map';
  private readonly size = new SizeController(this);
  private readonly reportedErrors = new Set<string>();
  private readonly systemScheme = matchMedia('(prefers-color-scheme: dark)');
  private readonly onSchemeChange = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.systemScheme.addEventListener('change', this.onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.systemScheme.removeEventListener('change', this.onSchemeChange);
  }

  /** A built-in map's name, a URL, or null to pick one from the data. */
  private get mapSource(): string | null {
    const map = this.map?.trim();
    if (!map) return this.atlas?.trim() || null;
    const valid = (v: string) => isBuiltInMap(v) || /[/.:]/.test(v);
    return this.validAttribute('map', map, valid, '', MAP_EXPECTED) || null;
  }

  protected override queryArgs() {
    return [this.mapSource, this.regionKey];
  }

  protected override async query({ engine, filters, signal }: QueryContext): Promise<GeoResult> {
    const source = this.mapSource;
    const [regions, names] = await Promise.all([
      engine.query(named('region', filters), signal).then((t) => rows<RegionRow>(t)),
      engine.query(named('regionNames'), signal).then((t) => rows<{ region: string; customers: number }>(t)),
    ]);
    return { regions, regionCount: names.length, ...(await chooseMap(source, this.regionKey || 'name', names)) };
  }

  protected override isEmpty(result: GeoResult): boolean {
    return result.regions.length === 0;
  }

  private get key(): GeoMetric {
    return this.validAttribute('metric', this.metric, oneOf(['gmv', 'customers'] as const), 'gmv', 'gmv or customers');
  }

  protected override renderControls() {
    const metrics = (['gmv', 'customers'] as const).map((m) => [m, METRIC_WORDS[m]] as const);
    return html`${segmented('Colour by', metrics, this.key, (m) => this.setMetric(m))}
    ${tableToggle(this.view === 'table', () => (this.view = this.view === 'table' ? 'map' : 'table'))}`;
  }

  private setMetric(m: GeoMetric) {
    this.metric = m;
    this.dispatchEvent(new MktOptionChangeEvent({ option: 'metric', value: m }));
  }

  private get selected(): readonly string[] {
    return this.dashboard?.filters.regions ?? [];
  }

  /** Filters to a region (or to the names the data gives one region); the same again clears the filter. */
  toggleRegion(names: string | readonly string[]): void {
    const list = typeof names === 'string' ? [names] : [...names];
    const same = this.selected.length === list.length && list.every((n) => this.selected.includes(n));
    this.changeFilters({ regions: same ? [] : list });
  }

  protected override exportTable(result: GeoResult): ExportTable {
    return {
      columns: ['Region', 'GMV', ordersLabel(orderUnit(this.dashboard?.info)), 'Customers'],
      rows: result.regions.map((r) => [r.region, r.gmv, r.orders, r.customers]),
    };
  }

  private report(error: NonNullable<GeoResult['mapError']>): void {
    if (this.reportedErrors.has(error.message)) return;
    this.reportedErrors.add(error.message);
    queueMicrotask(() =>
      this.dispatchEvent(new MktErrorEvent({ code: error.code, message: error.message, source: this.localName })),
    );
  }

  private table(regions: readonly RegionRow[], caption: string, total?: number) {
    return regionTable(regions, caption, this.format, new Set(this.selected), (r) => this.toggleRegion(r), total);
  }

  protected override renderResult(result: GeoResult) {
    if (result.mapError) this.report(result.mapError);
    if (!result.map) {
      const why = result.mapError
        ? this.message('error', `${result.mapError.message} Showing the table instead.`)
        : html`<p class="notice" role="status">
            None of the ${result.regionCount} regions of the data is a country, a US state or a Brazilian state, so
            there is no map to draw: set <code>map</code> to a TopoJSON or GeoJSON map of your own.
          </p>`;
      return html`${why}${this.table(result.regions, 'Regions')}`;
    }
    if (this.view === 'table') return this.table(result.regions, 'Regions');
    return this.renderMap(result, result.map);
  }

  private renderMap(result: GeoResult, map: GeoMap) {
    const f = this.format;
    const key = this.key;
    const width = this.size.drawWidth;
    const layout = choroplethLayout(map.features, map.projection, width, this.maxHeight(width));
    const match = matchRegions(result.regions, map.places, new Set(layout.shapes.map((s) => s.id)));
    const values = new Map([...match.byFeature].map(([id, rs]) => [id, rs.reduce((s, r) => s + r[key], 0)]));
    const max = Math.max(0, ...values.values());
    const color = choroplethColor(max, colorSchemeOf(this.renderRoot.querySelector('.card'), this));
    const selected = new Set(this.selected);
    const [one, many] = map.noun;
    const describe = (id: string) => {
      const rs = match.byFeature.get(id) ?? [];
      const name = map.places.byId.get(id)?.name ?? id;
      const own = rs.map((r) => r.region).filter((r) => placeKey(r) !== placeKey(name));
      const gmv = rs.reduce((s, r) => s + r.gmv, 0);
      const customers = rs.reduce((s, r) => s + r.customers, 0);
      return `${name}${own.length ? ` (${own.join(', ')})` : ''}: GMV ${f.money(gmv)}, ${f.count(customers)} ${customers === 1 ? 'customer' : 'customers'}`;
    };
    const picked = result.detected ? `, picked for the data's region names` : '';
    return html`<div class="map" part="map">
        ${choropleth(map.features, values, {
          width,
          maxHeight: this.maxHeight(width),
          projection: map.projection,
          color,
          describe,
          label: `${METRIC_WORDS[key]} by ${one}, ${map.title}: ${values.size} ${values.size === 1 ? one : many} have data. Select a ${one} to filter.`,
          selected: new Set(
            [...match.byFeature].filter(([, rs]) => rs.some((r) => selected.has(r.region))).map(([id]) => id),
          ),
          onSelect: (id) => this.toggleRegion((match.byFeature.get(id) ?? []).map((r) => r.region)),
        })}
        ${
          values.size > 0
            ? sequentialLegend({
                title: METRIC_WORDS[key],
                color,
                min: 0,
                max,
                format: (v) => (key === 'gmv' ? f.moneyCompact(v) : f.compact(v)),
                width: Math.min(260, width - 24),
              })
            : nothing
        }
        <p class="hint">
          ${map.title}${picked}.
          ${
            values.size > 0
              ? `Grey: no ${key === 'gmv' ? 'sales' : 'customers'}. Select a ${one} to filter; again to clear.`
              : `None of the data's regions is on this map.`
          }
        </p>
      </div>
      ${
        match.unmatched.length > 0
          ? html`<div class="offmap">
              <p class="caption">Not on the map (${match.unmatched.length})</p>
              ${this.table(
                match.unmatched,
                `Regions that are not ${many} of this map`,
                result.regions.reduce((s, r) => s + r.gmv, 0),
              )}
            </div>`
          : nothing
      }`;
  }

  /** A tall map (Brazil) is at most as tall as it is wide, and 480 px. */
  private maxHeight(width: number): number {
    return Math.min(480, width);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-geo': MktGeo;
  }
}
