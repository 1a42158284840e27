import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { DropdownController } from '../base/dropdowns.js';
import type { DatasetInfo } from '../../data/dataset-info.js';
import type { FilterPatch, FilterState } from '../../data/filter-state.js';
import { EMPTY_FILTERS, isUnfiltered } from '../../data/filter-state.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { rows } from '../../data/arrow-rows.js';
import { tierWord } from '../../format/tier.js';
import {
  DATE_PRESETS,
  PRESET_LABELS,
  matchPreset,
  presetRange,
  type DatePreset,
  type DateRange,
} from '../../data/date-presets.js';
import { filterStyles } from './mkt-filters.styles.js';
import { named } from '../../queries/registry.js';

type ListKey = 'categories' | 'tiers' | 'regions';

/** The dataset, and the names of the products a filter selects (set by a click on a product elsewhere). */
export interface FiltersResult {
  readonly info: DatasetInfo;
  readonly productNames: ReadonlyMap<string, string>;
}

const LISTS: readonly (readonly [ListKey, string, string])[] = [
  ['categories', 'Categories', 'categories'],
  ['tiers', 'Seller tiers', 'tiers'],
  ['regions', 'Regions', 'regions'],
];

/**
 * The dashboard's filter bar: a period (presets or a custom range), categories, seller tiers and customer regions,
 * with options read from the data. Every change is sent as an `mkt-filter-change` event, exactly as a page script
 * could send it; the bar shows the state `<mkt-data>` holds, so changes made elsewhere (a click on a chart, the URL)
 * appear here too.
 *
 * The period presets (last 7 / 30 / 90 days, month, quarter and year to date, last year, all) count back from the
 * last day of data, not from today, and set the ordinary `dateFrom` / `dateTo` filters; the bar names the period
 * shown and the one the KPIs compare it with (the period of equal length just before). Its menus close on Escape
 * (focus back on their button) and on a click outside. In a container narrower than 40rem the bar folds into one
 * button that sums up the active filters and opens the rest.
 *
 * @summary Period presets, date range, category, tier and region filters.
 * @fires mkt-filter-change - The user changed a filter; `detail` holds the changed keys.
 * @csspart card - The widget's frame.
 * @csspart field - One labelled control.
 * @csspart chip - An active segment, cohort or product filter set by another element.
 * @csspart toggle - The button that shows or hides the filters in a narrow container.
 * @csspart period-note - The line naming the period shown and the period it is compared with.
 */
@customElement('mkt-filters')
export class MktFilters extends MktWidget<FiltersResult> {
  static override styles = [...MktWidget.styles, filterStyles];
  protected override requires: readonly string[] = [];

  /** In a narrow container: the filters are shown below the summary button. */
  @state() private expanded = false;
  /** The filter state on which "Custom range" was picked: the radio shows custom until the state changes. */
  @state() private customFor: FilterState | null = null;
  /** The preset picked last: it stays checked while the range is its own, though another preset's may be the same. */
  @state() private chosen: DatePreset | null = null;
  /** The last press in the presets was the pointer's (not a key's). */
  private byPointer = false;

  constructor() {
    super();
    new DropdownController(this);
  }

  protected override async query({ engine, dashboard, filters, signal }: QueryContext): Promise<FiltersResult> {
    const ids = filters.products;
    if (ids.length === 0 || !dashboard.info?.tables.has('products'))
      return { info: dashboard.info!, productNames: new Map() };
    const names = rows<{ id: string; name: string }>(await engine.query(named('productNames', ids), signal));
    return { info: dashboard.info!, productNames: new Map(names.map((r) => [r.id, r.name])) };
  }

  protected override renderResult({ info, productNames }: FiltersResult) {
    const filters = this.dashboard!.filters;
    return html`
      <form class="bar" @submit=${(e: Event) => e.preventDefault()} aria-label="Dashboard filters">
        <button
          type="button"
          class="toggle"
          part="toggle"
          aria-expanded=${this.expanded ? 'true' : 'false'}
          aria-controls="fields"
          @click=${() => (this.expanded = !this.expanded)}
        >
          <span class="toggle-title">Filters</span>
          <span class="toggle-summary">${this.activeSummary(info, filters, productNames)}</span>
        </button>
        <div class="fields ${this.expanded ? 'expanded' : ''}" id="fields">
          ${this.renderPeriod(info, filters)}
          ${LISTS.map(([key, label]) => this.renderList(key, label, info[key], filters))}
          ${this.renderChips(filters, productNames)}
          <button type="button" class="reset" ?disabled=${isUnfiltered(filters)} @click=${this.reset}>Reset</button>
          ${this.renderPeriodNote(info, filters)}
        </div>
      </form>
    `;
  }

  /** The preset the state matches (null: a custom range, or "Custom range" just picked). */
  private activePreset(info: DatasetInfo, filters: FilterState): DatePreset | null {
    if (this.customFor === filters || !info.minDate || !info.maxDate) return null;
    const range = { from: filters.dateFrom, to: filters.dateTo };
    const chosen = this.chosen && presetRange(this.chosen, info.minDate, info.maxDate);
    if (chosen && chosen.from === range.from && chosen.to === range.to) return this.chosen;
    return matchPreset(range, info.minDate, info.maxDate);
  }

  /** The period as the Period menu's button says it. */
  private periodSummary(info: DatasetInfo, filters: FilterState): string {
    const preset = this.activePreset(info, filters);
    if (preset === 'all' || (!filters.dateFrom && !filters.dateTo)) return PRESET_LABELS.all;
    if (preset?.startsWith('last-') && preset !== 'last-year') return `${PRESET_LABELS[preset]} of data`;
    if (preset) return PRESET_LABELS[preset];
    const from = filters.dateFrom ?? info.minDate;
    const to = filters.dateTo ?? info.maxDate;
    return from && to ? this.format.dateRange(from, to) : PRESET_LABELS.all;
  }

  private renderPeriod(info: DatasetInfo, filters: FilterState) {
    const { minDate: first, maxDate: last } = info;
    const active = this.activePreset(info, filters);
    return html`
      <div part="field" class="field">
        <span id="label-period">Period</span>
        <details class="list dropdown" data-key="period">
          <summary aria-labelledby="label-period summary-period">
            <span class="summary" id="summary-period">${this.periodSummary(info, filters)}</span>
          </summary>
          <div class="panel period">
            ${
              first && last
                ? html`<fieldset
                    class="presets"
                    @pointerdown=${() => (this.byPointer = true)}
                    @keydown=${() => (this.byPointer = false)}
                  >
                    <legend>Counted back from the last day of data, ${this.format.date(last)}</legend>
                    ${DATE_PRESETS.map((preset) => this.renderPreset(preset, first, last, active))}
                    <label class="option">
                      <input
                        type="radio"
                        name="preset"
                        value="custom"
                        .checked=${live(active === null)}
                        @change=${this.pickCustom}
                      />
                      <span>Custom range</span>
                    </label>
                  </fieldset>`
                : nothing
            }
            <div class="custom">
              ${this.dateInput('From', 'dateFrom', filters.dateFrom, first, filters.dateTo ?? last)}
              ${this.dateInput('To', 'dateTo', filters.dateTo, filters.dateFrom ?? first, last)}
            </div>
          </div>
        </details>
      </div>
    `;
  }

  private dateInput(
    label: string,
    name: 'dateFrom' | 'dateTo',
    value: string | null,
    min: string | null,
    max: string | null,
  ) {
    return html`<label class="date">
      <span>${label}</span>
      <input
        type="date"
        name=${name}
        .value=${value ?? ''}
        min=${min ?? nothing}
        max=${max ?? nothing}
        @change=${this.onDate}
      />
    </label>`;
  }

  private renderPreset(preset: DatePreset, first: string, last: string, active: DatePreset | null) {
    const range = presetRange(preset, first, last);
    const dates = !range ? 'no data' : this.format.dateRange(range.from ?? first, range.to ?? last);
    return html`<label class="option">
      <input
        type="radio"
        name="preset"
        .value=${preset}
        .checked=${live(active === preset)}
        ?disabled=${!range}
        @change=${(e: Event) => range && this.applyPreset(preset, range, e)}
      />
      <span>${PRESET_LABELS[preset]}</span>
      <span class="dates">${dates}</span>
    </label>`;
  }

  /**
   * The period shown and the one the KPIs compare it with, as `kpiPeriods` defines it: the period of equal length
   * just before (nothing to compare with when that lies before the data).
   */
  private renderPeriodNote(info: DatasetInfo, filters: FilterState) {
    if (!info.minDate || !info.maxDate) return nothing;
    const f = this.format;
    const { current, prior } = kpiPeriods(filters, info.minDate, info.maxDate);
    const comparison =
      prior.to < info.minDate
        ? 'nothing earlier in the data to compare with'
        : `compared with ${f.dateRange(prior.from, prior.to)}${prior.from < info.minDate ? ' (partly before the data starts)' : ''}`;
    return html`<p class="period-note" part="period-note" aria-live="polite">
      <span class="shown">${f.dateRange(current.from, current.to)}, ${comparison}.</span>
      <span class="extent">The data runs from ${f.date(info.minDate)} to ${f.date(info.maxDate)}.</span>
    </p>`;
  }

  private renderList(key: ListKey, label: string, options: readonly string[], filters: FilterState) {
    if (options.length === 0) return nothing;
    const selected = filters[key];
    const word = key === 'tiers' ? tierWord : (v: string) => v;
    const summary =
      selected.length === 0 ? 'All' : selected.length === 1 ? word(selected[0]) : `${selected.length} selected`;
    return html`
      <div part="field" class="field">
        <span id="label-${key}">${label}</span>
        <details class="list dropdown" data-key=${key}>
          <summary aria-labelledby="label-${key} summary-${key}">
            <span class="summary" id="summary-${key}">${summary}</span>
          </summary>
          <fieldset class="panel">
            <legend class="visually-hidden">${label}</legend>
            ${options.map(
              (option) =>
                html`<label class="option">
                  <input
                    type="checkbox"
                    .checked=${selected.includes(option)}
                    .value=${option}
                    @change=${() => this.toggle(key, option)}
                  />
                  <span>${word(option)}</span>
                </label>`,
            )}
            ${selected.length > 0 ? html`<button type="button" class="clear" @click=${() => this.send({ [key]: [] })}>Clear</button>` : nothing}
          </fieldset>
        </details>
      </div>
    `;
  }

  private chips(filters: FilterState, productNames: ReadonlyMap<string, string>): [keyof FilterPatch, string][] {
    const chips: [keyof FilterPatch, string][] = [];
    if (filters.segment) chips.push(['segment', `Segment: ${filters.segment}`]);
    if (filters.cohort) chips.push(['cohort', `Cohort: ${this.format.month(filters.cohort)}`]);
    const products = filters.products.map((id) => productNames.get(id) ?? id);
    if (products.length === 1) chips.push(['products', `Product: ${products[0]}`]);
    else if (products.length > 1) chips.push(['products', `Products: ${products.join(', ')}`]);
    return chips;
  }

  private renderChips(filters: FilterState, productNames: ReadonlyMap<string, string>) {
    return this.chips(filters, productNames).map(
      ([key, text]) =>
        html`<span class="chip" part="chip"
          >${text}
          <button type="button" aria-label="Remove ${text}" @click=${() => this.send({ [key]: null })}>×</button></span
        >`,
    );
  }

  /** One line of the active filters, for the folded bar's button. */
  private activeSummary(info: DatasetInfo, filters: FilterState, productNames: ReadonlyMap<string, string>): string {
    const parts = [this.periodSummary(info, filters)];
    for (const [key, , plural] of LISTS) {
      const selected = filters[key];
      if (selected.length === 1) parts.push(key === 'tiers' ? tierWord(selected[0]) : selected[0]);
      else if (selected.length > 1) parts.push(`${selected.length} ${plural}`);
    }
    for (const [, text] of this.chips(filters, productNames)) parts.push(text);
    return parts.join(' · ');
  }

  /** A preset picked with the pointer closes the menu; the arrow keys step through the presets with it open. */
  private applyPreset(preset: DatePreset, range: DateRange, event: Event): void {
    this.customFor = null;
    this.chosen = preset;
    this.send({ dateFrom: range.from, dateTo: range.to });
    const menu = (event.target as Element).closest('details');
    if (this.byPointer && menu) {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  }

  private pickCustom = () => {
    this.customFor = this.dashboard!.filters;
    this.renderRoot.querySelector<HTMLInputElement>('input[name="dateFrom"]')?.focus();
  };

  private onDate = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.send({ [input.name]: input.value || null });
  };

  private toggle(key: ListKey, option: string): void {
    const current = this.dashboard!.filters[key];
    const next = current.includes(option) ? current.filter((v) => v !== option) : [...current, option];
    this.send({ [key]: next });
  }

  private reset = () => {
    this.customFor = null;
    this.chosen = null;
    this.send({ ...EMPTY_FILTERS });
  };

  private send(patch: FilterPatch): void {
    this.changeFilters(patch);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-filters': MktFilters;
  }
}
