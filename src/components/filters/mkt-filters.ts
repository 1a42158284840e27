import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MktWidget } from '../base/mkt-widget.js';
import type { DatasetInfo } from '../../data/dataset-info.js';
import type { FilterPatch, FilterState } from '../../data/filter-state.js';
import { isUnfiltered } from '../../data/filter-state.js';
import { filterStyles } from './mkt-filters.styles.js';

type ListKey = 'categories' | 'tiers' | 'regions';

/**
 * The dashboard's filter bar: date range, categories, seller tiers and customer regions, with options read from
 * the data. Every change is sent as an `mkt-filter-change` event, exactly as a page script could send it; the bar
 * shows the state `<mkt-data>` holds, so changes made elsewhere (a click on a chart, the URL) appear here too.
 *
 * @summary Date range, category, tier and region filters.
 * @fires mkt-filter-change - The user changed a filter; `detail` holds the changed keys.
 * @csspart card - The widget's frame.
 * @csspart field - One labelled control.
 * @csspart chip - An active segment or cohort filter set by another element.
 */
@customElement('mkt-filters')
export class MktFilters extends MktWidget<DatasetInfo> {
  static override styles = [...MktWidget.styles, filterStyles];
  protected override requires: readonly string[] = [];

  protected override async query({ dashboard }: { dashboard: { info: DatasetInfo | null } }): Promise<DatasetInfo> {
    return dashboard.info!;
  }

  protected override renderResult(info: DatasetInfo) {
    const filters = this.dashboard!.filters;
    return html`
      <form class="bar" @submit=${(e: Event) => e.preventDefault()} aria-label="Dashboard filters">
        <label part="field" class="field">
          <span>From</span>
          <input
            type="date"
            name="dateFrom"
            .value=${filters.dateFrom ?? ''}
            min=${info.minDate ?? nothing}
            max=${filters.dateTo ?? info.maxDate ?? nothing}
            @change=${this.onDate}
          />
        </label>
        <label part="field" class="field">
          <span>To</span>
          <input
            type="date"
            name="dateTo"
            .value=${filters.dateTo ?? ''}
            min=${filters.dateFrom ?? info.minDate ?? nothing}
            max=${info.maxDate ?? nothing}
            @change=${this.onDate}
          />
        </label>
        ${this.renderList('categories', 'Categories', info.categories, filters)}
        ${this.renderList('tiers', 'Seller tiers', info.tiers, filters)}
        ${this.renderList('regions', 'Regions', info.regions, filters)} ${this.renderChips(filters)}
        <button type="button" class="reset" ?disabled=${isUnfiltered(filters)} @click=${this.reset}>Reset</button>
      </form>
    `;
  }

  private renderList(key: ListKey, label: string, options: readonly string[], filters: FilterState) {
    if (options.length === 0) return nothing;
    const selected = filters[key];
    const summary = selected.length === 0 ? 'All' : selected.length === 1 ? selected[0] : `${selected.length} selected`;
    return html`
      <div part="field" class="field">
        <span id="label-${key}">${label}</span>
        <details class="list" data-key=${key}>
          <summary aria-labelledby="label-${key} summary-${key}">
            <span class="summary" id="summary-${key}">${summary}</span>
          </summary>
          <fieldset>
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
                  <span>${option}</span>
                </label>`,
            )}
            ${selected.length > 0 ? html`<button type="button" class="clear" @click=${() => this.send({ [key]: [] })}>Clear</button>` : nothing}
          </fieldset>
        </details>
      </div>
    `;
  }

  private renderChips(filters: FilterState) {
    const chips: [keyof FilterPatch, string][] = [];
    if (filters.segment) chips.push(['segment', `Segment: ${filters.segment}`]);
    if (filters.cohort) chips.push(['cohort', `Cohort: ${this.format.month(filters.cohort)}`]);
    return chips.map(
      ([key, text]) =>
        html`<span class="chip" part="chip"
          >${text}
          <button type="button" aria-label="Remove ${text}" @click=${() => this.send({ [key]: null })}>×</button></span
        >`,
    );
  }

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
    this.send({ dateFrom: null, dateTo: null, categories: [], tiers: [], regions: [], segment: null, cohort: null });
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
