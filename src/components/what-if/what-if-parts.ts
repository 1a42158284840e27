import { html, nothing, type TemplateResult } from 'lit';
import type { Projection } from '../../models/what-if.js';
import type { OrderUnit } from '../../metrics/orders.js';
import type { Formatter } from '../../format/format.js';
import type { ExportTable } from '../../charts/export.js';

export interface NumberField {
  readonly name: string;
  readonly label: string;
  readonly step: number;
  readonly min: number;
  readonly max: number;
  readonly value: string;
  readonly change: (event: Event) => void;
  readonly disabled?: boolean;
  /** Under the input: the current value, or why the field is off. */
  readonly note?: TemplateResult;
}

/** A labelled number input of a lever or an assumption. */
export function numberField(o: NumberField): TemplateResult {
  return html`<label class="field"
    ><span>${o.label}</span>
    <input
      name=${o.name}
      type="number"
      step=${o.step}
      min=${o.min}
      max=${o.max}
      ?disabled=${o.disabled ?? false}
      .value=${o.value}
      @change=${o.change}
    />${o.note ?? nothing}</label
  >`;
}

/** Baseline vs scenario: GMV, orders and margin with their change. */
export function scenarioTable(p: Projection, unit: OrderUnit, f: Formatter): TemplateResult {
  const rowsOf = [
    { key: 'gmv', label: 'GMV', base: p.baseline.gmv, next: p.projected.gmv, fmt: (v: number) => f.money(v) },
    {
      key: 'orders',
      label: unit === 'line' ? 'Orders (lines)' : 'Orders',
      base: p.baseline.orders,
      next: p.projected.orders,
      fmt: (v: number) => f.count(Math.round(v)),
    },
    {
      key: 'margin',
      label: 'Margin (GMV − cost)',
      base: p.baseline.margin,
      next: p.projected.margin,
      fmt: (v: number) => f.money(v),
    },
  ];
  return html`<table class="result" part="table">
    <caption class="visually-hidden">
      Baseline and scenario
    </caption>
    <thead>
      <tr>
        <th scope="col"><span class="visually-hidden">Measure</span></th>
        <th scope="col" class="num">Baseline</th>
        <th scope="col" class="num">Scenario</th>
        <th scope="col" class="num">Change</th>
      </tr>
    </thead>
    <tbody>
      ${rowsOf.map((r) => {
        const change = r.base !== 0 ? (r.next - r.base) / Math.abs(r.base) : null;
        const dir = change === null || Math.abs(change) < 0.0005 ? 'flat' : change > 0 ? 'up' : 'down';
        return html`<tr data-row=${r.key}>
          <th scope="row">${r.label}</th>
          <td class="num base">${r.fmt(r.base)}</td>
          <td class="num next">${r.fmt(r.next)}</td>
          <td class="num change ${dir}">${f.change(change)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** The scenario as CSV rows: each measure's baseline, scenario and relative change. */
export function scenarioExport(p: Projection, scope: string): ExportTable {
  const row = (label: string, base: number, next: number) => [
    label,
    scope,
    base,
    next,
    base !== 0 ? (next - base) / Math.abs(base) : null,
  ];
  return {
    columns: ['Measure', 'Applied to', 'Baseline', 'Scenario', 'Change'],
    rows: [
      row('GMV', p.baseline.gmv, p.projected.gmv),
      row('Orders', p.baseline.orders, p.projected.orders),
      row('Margin', p.baseline.margin, p.projected.margin),
    ],
  };
}

/** How the projection is worked out, under the assumption inputs. */
export const ASSUMPTIONS_EXPLAINED = html`<p class="explain">
  Demand × (1 + price change)^price elasticity × (1 − discount)^promotion elasticity × new / current conversion × (1 −
  loss × change in late rate, in points). GMV = baseline × price factor × demand; cost = baseline cost × demand (unit
  cost unchanged); margin = GMV − cost. Competitors, cannibalisation between categories and timing are not modelled.
</p>`;
