import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { interpolateBlues, scaleSequential } from 'd3';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { tableToggle } from '../base/table-toggle.js';
import type { ExportTable } from '../../charts/export.js';
import { oneOf } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { regionSql } from '../../metrics/geo.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { isActivation } from '../../charts/cursor-keys.js';
import { sequentialLegend, sequentialLegendStyles } from '../../charts/sequential-legend.js';
import { loadUsStates, US_ATLAS_SIZE, type StateShape } from '../../charts/us-states.js';
import { geoStyles } from './mkt-geo.styles.js';

export type GeoMetric = 'gmv' | 'customers';
export type RegionRow = {
  readonly region: string;
  readonly gmv: number;
  readonly orders: number;
  readonly customers: number;
};
export interface GeoResult {
  readonly regions: readonly RegionRow[];
  /** Null when the map could not be loaded (the table is shown instead), with the reason. */
  readonly states: readonly StateShape[] | null;
  readonly mapError: string | null;
}

const METRIC_WORDS: Record<GeoMetric, string> = { gmv: 'GMV', customers: 'Customers' };

/**
 * GMV or customers by customer region as a choropleth of the US states (us-atlas, Albers USA), with a table view
 * and a table of the regions that are not US states. Click a region, or focus it and press Enter, to filter the
 * dashboard to it; again to clear. The region filter itself is not applied here, so every region stays visible.
 *
 * @summary Choropleth of GMV or customers by US state, click to filter.
 * @fires mkt-filter-change - A region was clicked: `{ regions: [name] }`, or `{ regions: [] }` to clear.
 * @fires mkt-option-change - The user switched the measure: `{ option: 'metric', value }`.
 * @csspart card - The widget's frame.
 * @csspart map - The map.
 * @csspart legend - The colour legend.
 * @csspart table - The table view.
 * @cssprop --mkt-accent - Outline of the selected region.
 */
@customElement('mkt-geo')
export class MktGeo extends MktWidget<GeoResult> {
  static override styles = [...MktWidget.styles, chartStyles, sequentialLegendStyles, geoStyles];

  /** The selection it highlights (see MktWidget). */
  protected override readonly drawnFilters = ['regions'] as const;

  /** What the colour shows: `gmv` or `customers`. */
  @property({ reflect: true }) metric: GeoMetric = 'gmv';
  /** URL of a us-atlas `states-albers-10m.json`; defaults to the copy bundled with the kit. */
  @property() atlas?: string;

  @state() private view: 'map' | 'table' = 'map';

  protected override queryArgs() {
    return [this.atlas];
  }

  protected override async query({ engine, filters, signal }: QueryContext): Promise<GeoResult> {
    const [regions, map] = await Promise.all([
      engine.query(regionSql(filters), signal).then((t) => rows<RegionRow>(t)),
      loadUsStates(this.atlas || undefined).then(
        (states) => ({ states, error: null }),
        (e: unknown) => ({ states: null, error: e instanceof Error ? e.message : String(e) }),
      ),
    ]);
    return { regions, states: map.states, mapError: map.error };
  }

  protected override isEmpty(result: GeoResult): boolean {
    return result.regions.length === 0;
  }

  private get key(): GeoMetric {
    return this.validAttribute('metric', this.metric, oneOf(['gmv', 'customers'] as const), 'gmv', 'gmv or customers');
  }

  protected override renderControls() {
    return html`
      <div class="segmented" role="group" aria-label="Colour by">
        ${(['gmv', 'customers'] as const).map(
          (m) =>
            html`<button
              type="button"
              aria-pressed=${this.key === m ? 'true' : 'false'}
              @click=${() => this.setMetric(m)}
            >
              ${METRIC_WORDS[m]}
            </button>`,
        )}
      </div>
      ${tableToggle(this.view === 'table', () => (this.view = this.view === 'table' ? 'map' : 'table'))}
    `;
  }

  private setMetric(m: GeoMetric) {
    this.metric = m;
    this.dispatchEvent(new MktOptionChangeEvent({ option: 'metric', value: m }));
  }

  private get selected(): readonly string[] {
    return this.dashboard?.filters.regions ?? [];
  }

  /** Filters to a region; the same region again clears the filter. */
  toggleRegion(name: string): void {
    const only = this.selected.length === 1 && this.selected[0] === name;
    this.changeFilters({ regions: only ? [] : [name] });
  }

  private describe(r: RegionRow): string {
    const f = this.format;
    return `${r.region}: GMV ${f.money(r.gmv)}, ${f.count(r.customers)} ${r.customers === 1 ? 'customer' : 'customers'}`;
  }

  protected override exportTable(result: GeoResult): ExportTable {
    return {
      columns: ['Region', 'GMV', 'Orders', 'Customers'],
      rows: result.regions.map((r) => [r.region, r.gmv, r.orders, r.customers]),
    };
  }

  protected override renderResult(result: GeoResult) {
    const names = new Set(result.states?.map((s) => s.name) ?? []);
    const offMap = result.states ? result.regions.filter((r) => !names.has(r.region)) : [];
    const showTable = this.view === 'table' || !result.states;
    return html`
      ${result.mapError ? html`<p class="notice" role="status">${result.mapError} Showing the table instead.</p>` : nothing}
      ${showTable ? this.renderTable(result.regions, 'Regions') : this.renderMap(result, result.states!)}
      ${
        !showTable && offMap.length > 0
          ? html`<div class="offmap">
              <p class="caption">Not on the map</p>
              ${this.renderTable(offMap, 'Regions that are not US states')}
            </div>`
          : nothing
      }
    `;
  }

  private renderMap(result: GeoResult, states: readonly StateShape[]) {
    const f = this.format;
    const key = this.key;
    const byName = new Map(result.regions.map((r) => [r.region, r]));
    const max = Math.max(
      1,
      ...result.regions.filter((r) => states.some((s) => s.name === r.region)).map((r) => r[key]),
    );
    const color = scaleSequential(interpolateBlues).domain([0, max]);
    const ramp = (v: number) => color(0.15 * max + 0.85 * v);
    const fmt = (v: number) => (key === 'gmv' ? f.moneyCompact(v) : f.compact(v));
    const selected = new Set(this.selected);
    const withData = states.filter((s) => byName.has(s.name));
    return html`<div class="map" part="map">
      <svg
        viewBox="0 0 ${US_ATLAS_SIZE.width} ${US_ATLAS_SIZE.height}"
        role="group"
        aria-label="${METRIC_WORDS[key]} by US state; ${withData.length} states have data. Select a state to filter."
      >
        ${states.filter((s) => !byName.has(s.name)).map((s) => svg`<path class="state empty" d=${s.d} aria-hidden="true"></path>`)}
        ${withData.map((s) => {
          const r = byName.get(s.name)!;
          const on = selected.has(s.name);
          return svg`<path class="state mark ${on ? 'active' : ''}" d=${s.d} fill=${ramp(r[key])} tabindex="0" role="button"
            aria-pressed=${on ? 'true' : 'false'} aria-label=${this.describe(r)} data-region=${s.name}
            @click=${() => this.toggleRegion(s.name)}
            @keydown=${(e: KeyboardEvent) => {
              if (isActivation(e)) {
                e.preventDefault();
                this.toggleRegion(s.name);
              }
            }}><title>${this.describe(r)}</title></path>`;
        })}
      </svg>
      ${sequentialLegend({ title: METRIC_WORDS[key], color: ramp, min: 0, max, format: fmt })}
      <p class="hint">Grey: no ${key === 'gmv' ? 'sales' : 'customers'}. Select a state to filter; again to clear.</p>
    </div>`;
  }

  private renderTable(regions: readonly RegionRow[], caption: string) {
    const f = this.format;
    const total = regions.reduce((s, r) => s + r.gmv, 0);
    const selected = new Set(this.selected);
    return html`<table class="data" part="table">
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Region</th>
          <th scope="col" class="num">GMV</th>
          <th scope="col" class="num">Share</th>
          <th scope="col" class="num">Customers</th>
        </tr>
      </thead>
      <tbody>
        ${regions.map(
          (r) =>
            html`<tr data-region=${r.region}>
              <th scope="row">
                <button
                  type="button"
                  class="region"
                  aria-pressed=${selected.has(r.region) ? 'true' : 'false'}
                  @click=${() => this.toggleRegion(r.region)}
                >
                  ${r.region}
                </button>
              </th>
              <td class="num">${f.money(r.gmv)}</td>
              <td class="num">${f.percent(total > 0 ? r.gmv / total : null, 1)}</td>
              <td class="num">${f.count(r.customers)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-geo': MktGeo;
  }
}
