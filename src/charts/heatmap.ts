import { html, nothing, svg, type TemplateResult } from 'lit';
import type { CursorController } from './cursor.js';
import { isActivation } from './cursor-keys.js';
import { textOn } from './contrast.js';

export interface HeatmapRow {
  readonly key: string;
  readonly label: string;
  /** A short figure beside the label (the cohort's size). */
  readonly size: string;
  /** One value per column (null: blank, not observed). */
  readonly values: readonly (number | null)[];
  /** A summary row (the average): set apart by a rule. */
  readonly summary?: boolean;
}

export interface HeatmapOptions {
  readonly width: number;
  readonly columns: number;
  /** The colour of a value; a cell's figure is drawn in the ink that reads on it (see textOn). */
  readonly color: (value: number) => string;
  /** A cell's text, with this many decimals (0 on narrow cells). */
  readonly format: (value: number, digits: number) => string;
  /** Column headings: the label's, the size's, and above the cells (long, and short when narrow). */
  readonly heads: { readonly label: string; readonly size: string; readonly columns: readonly [string, string] };
  /** A cell's accessible name. */
  readonly cellLabel: (row: HeatmapRow, column: number) => string;
  /** The chart in words. */
  readonly label: string;
  /** The row drawn as selected. */
  readonly selected?: string | null;
  /** Rows a click (or Enter/Space) acts on: their cells are buttons. */
  readonly activatable?: (row: HeatmapRow) => boolean;
  readonly activate?: (row: HeatmapRow) => void;
  /** The tooltip's lines for a cell; the cursor also keeps the focused cell (its roving tab stop). */
  readonly tip: (row: HeatmapRow, column: number) => readonly string[];
  readonly cursor: CursorController;
}

const LABEL_W = 64;
const SIZE_W = 52;
const ROW_H = 24;
const HEAD_H = 30;

/**
 * A heatmap of rows by columns (cohorts by month since), with a label and a size per row and the value in each
 * cell where it fits. One tab stop: the arrow keys, Home and End move among the cells. Cells have no listeners of
 * their own (the svg's serve them all): the fewest nodes and listeners for the few hundred cells a new date range
 * adds or drops.
 */
export function heatmap(rows: readonly HeatmapRow[], options: HeatmapOptions): TemplateResult {
  const { columns, cursor } = options;
  const cellW = Math.max(14, (options.width - LABEL_W - SIZE_W) / columns);
  const plotW = LABEL_W + SIZE_W + cellW * columns;
  const gap = (i: number) => (rows[i]?.summary ? 6 : 0);
  const y = (i: number) => HEAD_H + i * ROW_H + gap(i);
  const height = HEAD_H + ROW_H * rows.length + (rows.some((r) => r.summary) ? 6 : 0);
  const digits = cellW >= 42 ? 1 : 0;
  const [fr, fc] = [Math.min(cursor.cell[0], rows.length - 1), Math.min(cursor.cell[1], columns - 1)];
  const cx = (k: number) => LABEL_W + SIZE_W + k * cellW;
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const acts = (row: HeatmapRow) => options.activatable?.(row) ?? false;

  const cellAt = (e: Event) => {
    const el = (e.target as Element).closest<SVGRectElement>('.cell');
    if (!el) return null;
    const [i, k] = [Number(el.dataset.row), Number(el.dataset.column)];
    return rows[i] && k < columns ? { i, k, row: rows[i] } : null;
  };
  const onClick = (e: Event) => {
    const at = cellAt(e);
    if (at && acts(at.row)) options.activate?.(at.row);
  };
  const onTip = (e: Event) => {
    const at = cellAt(e);
    if (at) cursor.showAt(e, options.tip(at.row, at.k));
    else cursor.hide();
  };
  const onKey = (e: KeyboardEvent) => {
    const at = cellAt(e);
    if (!at) return;
    if (isActivation(e)) {
      e.preventDefault();
      if (acts(at.row)) options.activate?.(at.row);
      return;
    }
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Home: [0, -at.k],
      End: [0, columns - 1 - at.k],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const next = [
      Math.max(0, Math.min(rows.length - 1, at.i + move[0])),
      Math.max(0, Math.min(columns - 1, at.k + move[1])),
    ];
    cursor.moveCell(next[0], next[1], e.currentTarget as Element, '.cell[tabindex="0"]');
  };

  return html`<svg
    width=${r2(plotW)}
    height=${height}
    viewBox="0 0 ${r2(plotW)} ${height}"
    role="group"
    aria-label=${options.label}
    @click=${onClick}
    @keydown=${onKey}
    @focusin=${onTip}
    @focusout=${cursor.hide}
    @pointerover=${onTip}
  >
    <g class="axis" aria-hidden="true">
      <text class="col-head" x=${LABEL_W - 6} y="12" text-anchor="end">${options.heads.label}</text>
      <text class="col-head" x=${LABEL_W + SIZE_W - 6} y="12" text-anchor="end">${options.heads.size}</text>
      <text class="col-head" x=${LABEL_W + SIZE_W} y="12">
        ${cellW * columns >= 240 ? options.heads.columns[0] : options.heads.columns[1]}
      </text>
      ${Array.from({ length: columns }, (_, k) =>
        cellW >= 18 || k % 2 === 0
          ? svg`<text x=${r2(cx(k + 0.5))} y=${HEAD_H - 6} text-anchor="middle">${k}</text>`
          : nothing,
      )}
    </g>
    ${rows.map((row, i) => {
      const selected = row.key === options.selected;
      return svg`<g class="row ${selected ? 'selected' : ''} ${row.summary ? 'average' : ''}">
        ${row.summary ? svg`<line class="sep" x1="0" x2=${r2(plotW)} y1=${y(i) - 3} y2=${y(i) - 3}></line>` : nothing}
        <text class="row-label" x=${LABEL_W - 6} y=${y(i) + ROW_H / 2} dy="0.35em" text-anchor="end"
          @click=${() => acts(row) && options.activate?.(row)}>${row.label}</text>
        <text class="size" x=${LABEL_W + SIZE_W - 6} y=${y(i) + ROW_H / 2} dy="0.35em" text-anchor="end">${row.size}</text>
        ${row.values.slice(0, columns).map((v, k) => {
          return svg`<rect class="cell ${v === null ? 'blank' : ''}" part="cell"
            data-key=${row.key} data-row=${i} data-column=${k} data-value=${v === null ? nothing : String(v)}
            tabindex=${fr === i && fc === k ? '0' : '-1'} role=${acts(row) ? 'button' : 'img'}
            aria-label=${options.cellLabel(row, k)} x=${r2(cx(k) + 0.5)} y=${y(i) + 0.5} width=${r2(Math.max(1, cellW - 1))}
            height=${ROW_H - 1} rx="2" fill=${v === null ? 'none' : options.color(v)}></rect>`;
        })}
        ${
          cellW >= 30
            ? row.values.slice(0, columns).map(
                (
                  v,
                  k,
                ) => svg`<text class="cell-label" aria-hidden="true" fill=${v === null ? nothing : textOn(options.color(v))}
                  x=${r2(cx(k + 0.5))} y=${y(i) + ROW_H / 2} dy="0.35em" text-anchor="middle"
                  >${v === null ? '' : options.format(v, digits)}</text>`,
              )
            : nothing
        }
        ${selected ? svg`<rect class="selection" x="1" y=${y(i)} width=${r2(plotW - 2)} height=${ROW_H} rx="3"></rect>` : nothing}
      </g>`;
    })}
  </svg>`;
}
