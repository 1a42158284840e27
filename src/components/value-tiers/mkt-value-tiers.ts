import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { figures, figuresStyles } from '../base/figures.js';
import { warningsBox } from '../base/warnings.js';
import { barLayout } from '../base/bar-layout.js';
import { numbers } from '../../data/arrow-rows.js';
import { CONCENTRATION_REQUIRE } from '../../metrics/concentration.js';
import {
  concentration,
  DEFAULT_TIER_CUTOFFS,
  type Concentration,
  type TierCutoffs,
  type TierSummary,
} from '../../models/concentration.js';
import { bars } from '../../charts/bars.js';
import { numberColumn } from '../../charts/data-table.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { barsStyles } from '../../charts/bars.styles.js';
import { timeLineStyles } from '../../charts/time-line.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { valueTiersStyles } from './mkt-value-tiers.styles.js';
import { lorenzChart } from './lorenz-chart.js';
import { cutoffFields, DEFAULT_TIERS, parseTiers, SET_TIERS, TIERS_EXPECTED, withCutoff } from './tier-cutoffs.js';
import { named } from '../../queries/registry.js';

export type ValueEntity = 'customers' | 'sellers';
export interface ValueTiersResult extends Concentration {
  readonly entity: ValueEntity;
  readonly cutoffs: TierCutoffs;
}

const ENTITIES = ['customers', 'sellers'] as const;
/** Width from which the Lorenz curve stands beside the tiers, and the gap between them (px; the styles' `.split`). */
const SPLIT_FROM = 860;
const GAP = 24;
/**
 * How concentrated GMV is among customers or sellers (completed lines in the filtered window): value tiers
 * (Platinum, Gold, Silver, Bronze) by spend percentile, each with the spend where it starts, its count and its share
 * of GMV; the share of GMV of the top 1, 10 and 20 %; the Lorenz curve against the line of equality, and the Gini
 * coefficient. For sellers it says the marketplace's concentration risk in plain words: how few sellers bring half of
 * GMV, and how much the largest brings alone. The tiers' cut-offs are set with `tiers` or the fields under the bars.
 *
 * @summary Value tiers by spend percentile, top 1/10/20 % shares, Lorenz curve and Gini, of customers or sellers.
 * @fires mkt-option-change - The user switched between customers and sellers (`{ option: 'entity', value }`) or
 *   changed a tier's cut-off (`{ option: 'tiers', value: '1,10,40' }`).
 * @csspart card - The widget's frame.
 * @csspart figures - Count, Gini and the top 1, 10 and 20 % shares.
 * @csspart warnings - Cut-offs that cannot be used (the default ones are shown meanwhile).
 * @csspart lorenz - The Lorenz curve.
 * @cssprop --mkt-series-1 - Colour of the tiers' bars and of the Lorenz curve.
 */
@customElement('mkt-value-tiers')
export class MktValueTiers extends MktWidget<ValueTiersResult> {
  static override styles = [
    ...MktWidget.styles,
    chartStyles,
    barsStyles,
    timeLineStyles,
    figuresStyles,
    valueTiersStyles,
  ];

  protected override requires: readonly string[] = [...CONCENTRATION_REQUIRE];
  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** Whose spend: `customers` (default, what they bought) or `sellers` (what they sold). */
  @property({ reflect: true }) entity: ValueEntity = 'customers';
  /** Top percentages of spend where Platinum, Gold and Silver end, increasing (default `1,10,40`); Bronze is the rest. */
  @property({ reflect: true }) tiers = DEFAULT_TIERS;

  private readonly size = new SizeController(this);

  private get validTiers(): boolean {
    return parseTiers(this.tiers) !== null;
  }

  protected override queryArgs() {
    const entity = this.validAttribute(
      'entity',
      this.entity,
      (v) => (ENTITIES as readonly string[]).includes(v),
      'customers',
      ENTITIES.join(', '),
    );
    const tiers = this.validAttribute(
      'tiers',
      this.tiers,
      (v) => parseTiers(v) !== null,
      DEFAULT_TIERS,
      TIERS_EXPECTED,
    );
    return [entity, tiers];
  }

  protected override async query({ engine, filters, signal }: QueryContext): Promise<ValueTiersResult> {
    const [entity, tiers] = this.queryArgs() as [ValueEntity, string];
    const table = await engine.query(
      named('entityValues', filters, entity === 'sellers' ? 'seller' : 'customer'),
      signal,
    );
    const cutoffs = parseTiers(tiers) ?? DEFAULT_TIER_CUTOFFS;
    return { ...concentration(numbers(table, 'value'), cutoffs), entity, cutoffs };
  }

  protected override isEmpty(result: ValueTiersResult): boolean {
    return result.count === 0;
  }

  protected override emptyMessage(): string {
    return 'No completed orders in the selected period.';
  }

  protected override renderControls() {
    return segmented(
      'Whose spend',
      [
        ['customers', 'Customers'],
        ['sellers', 'Sellers'],
      ] as const,
      this.queryArgs()[0] as ValueEntity,
      (entity) => {
        this.entity = entity;
        this.dispatchEvent(new MktOptionChangeEvent({ option: 'entity', value: entity }));
      },
    );
  }

  private setCutoff(index: number, value: string): void {
    this.tiers = withCutoff(this.tiers, index, value);
    this.dispatchEvent(new MktOptionChangeEvent({ option: 'tiers', value: this.tiers }));
  }

  private tierLabel(t: TierSummary, c: TierCutoffs): string {
    const top = [c.platinum, c.gold, c.silver][SET_TIERS.indexOf(t.tier as never)];
    return top === undefined ? `${t.tier} · the rest` : `${t.tier} · top ${this.percent(top)}`;
  }

  /** A percentage as given: `1%`, `2.5%`. */
  private percent = (v: number) => `${(v * 100).toLocaleString(this.dashboard?.locale, { maximumFractionDigits: 2 })}%`;

  private noun(r: ValueTiersResult, n: number): string {
    const one = r.entity === 'sellers' ? 'seller' : 'customer';
    return `${this.format.count(n)} ${n === 1 ? one : `${one}s`}`;
  }

  protected override dataView(r: ValueTiersResult): DataView<TierSummary> {
    const f = this.format;
    return {
      caption: `Value tiers of ${r.entity} by spend percentile`,
      rows: r.tiers,
      columns: [
        { label: 'Tier', value: (t) => this.tierLabel(t, r.cutoffs), raw: (t) => t.tier },
        numberColumn('From (GMV)', (t) => (t.tier === 'Bronze' ? null : t.threshold), f.money),
        numberColumn(r.entity === 'sellers' ? 'Sellers' : 'Customers', (t) => t.count, f.count),
        numberColumn('GMV', (t) => t.total, f.money),
        numberColumn(
          'Share of count',
          (t) => t.countShare,
          (v) => f.percent(v, 1),
        ),
        numberColumn(
          'Share of GMV',
          (t) => t.totalShare,
          (v) => f.percent(v, 1),
        ),
      ],
    };
  }

  protected override renderResult(r: ValueTiersResult) {
    const f = this.format;
    const width = this.size.drawWidth;
    const who = r.entity === 'sellers' ? 'sellers' : 'customers';
    const tierBars = r.tiers.map((t) => ({
      key: t.tier,
      label: `${this.tierLabel(t, r.cutoffs)}${t.tier === 'Bronze' ? '' : ` · from ${f.moneyCompact(t.threshold)}`}`,
      value: t.totalShare,
      text: `${f.percent(t.totalShare, 0)} of GMV · ${this.noun(r, t.count)}`,
    }));
    // Wide, the Lorenz curve stands beside the tiers; narrow, under them.
    const split = width >= SPLIT_FROM;
    const tiersWidth = split ? Math.floor((width - GAP) * 0.56) : width;
    const lorenzWidth = split ? width - GAP - tiersWidth : Math.min(width, 520);
    const half = html`Half of GMV comes from <strong>${this.noun(r, r.halfCount)}</strong> of ${f.count(r.count)}
      (${f.percent(r.halfCount / r.count, 1)}); the largest alone brings ${f.percent(r.largest, 1)}.`;
    return html`${figures([
        [r.entity === 'sellers' ? 'Sellers' : 'Customers', f.count(r.count)],
        [
          'Gini',
          r.gini === null
            ? '–'
            : r.gini.toLocaleString(this.dashboard?.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        ],
        ['Top 1% share', f.percent(r.top1, 1)],
        ['Top 10% share', f.percent(r.top10, 1)],
        ['Top 20% share', f.percent(r.top20, 1)],
      ])}
      ${
        this.validTiers
          ? nothing
          : warningsBox(
              [`The tier cut-offs "${this.tiers}" cannot be used: expected ${TIERS_EXPECTED}. Showing 1, 10 and 40%.`],
              'attributes',
            )
      }
      <div class=${split ? 'split' : 'stacked'}>
        <div class="tiers">
          <p class="data-note" data-note="risk">
            ${r.entity === 'sellers' ? html`<strong>Concentration risk:</strong> ${half} Were the largest seller to leave, GMV would fall by that share.` : half}
          </p>
          ${bars(tierBars, {
            ...barLayout(
              tiersWidth,
              tierBars.map((b) => b.label),
              290,
            ),
            track: true,
            max: 1,
            label: `Share of GMV by value tier of ${who}: ${tierBars.map((b) => `${b.label}, ${b.text}`).join('; ')}`,
          })}
          ${cutoffFields(this.tiers, (i, v) => this.setCutoff(i, v))}
        </div>
        ${lorenzChart(r.lorenz, r.gini, who, lorenzWidth, f)}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-value-tiers': MktValueTiers;
  }
}
