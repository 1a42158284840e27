import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { rows } from '../../data/arrow-rows.js';
import { named } from '../../queries/registry.js';
import { bars } from '../../charts/bars.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { numberColumn } from '../../charts/data-table.js';
import { SizeController } from '../../charts/size-controller.js';
import { __CAMEL__Styles } from './__TAG__.styles.js';

export type __PASCAL__Row = { readonly key: string; readonly value: number };

/**
 * __TITLE__: GMV of completed orders by category in the filtered window.
 *
 * @summary __TITLE__ by category.
 * @csspart card - The widget's frame.
 * @cssprop --mkt-series-1 - Colour of the bars.
 */
@customElement('__TAG__')
export class Mkt__PASCAL__ extends MktWidget<readonly __PASCAL__Row[]> {
  static override styles = [...MktWidget.styles, chartStyles, __CAMEL__Styles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  private readonly size = new SizeController(this);

  protected override async query({ engine, filters, signal }: QueryContext): Promise<readonly __PASCAL__Row[]> {
    return rows<__PASCAL__Row>(await engine.query(named('__CAMEL__', filters), signal));
  }

  protected override isEmpty(result: readonly __PASCAL__Row[]): boolean {
    return result.length === 0;
  }

  /** The bars as a table: the "Table" view, the CSV export and the chart's text alternative. */
  protected override dataView(result: readonly __PASCAL__Row[]): DataView<__PASCAL__Row> {
    return {
      caption: '__TITLE__ by category',
      rows: result,
      columns: [{ label: 'Category', value: (r) => r.key }, numberColumn('GMV', (r) => r.value, this.format.money)],
    };
  }

  protected override renderResult(result: readonly __PASCAL__Row[]) {
    const chart = bars(
      result.map((r) => ({ key: r.key, label: r.key, value: r.value, text: this.format.money(r.value) })),
      { width: this.size.drawWidth, labelWidth: 120, valueWidth: 80, track: true, label: '__TITLE__ by category' },
    );
    return html`<div class="chart">${chart}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    '__TAG__': Mkt__PASCAL__;
  }
}
