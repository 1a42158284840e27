import type { Formatter } from '../../format/format.js';
import type { ProductRow } from '../../metrics/products.js';
import { productMeasure, type ProductMeasure } from '../../models/product-ranking.js';

/** A mean rating with one decimal and a star: `4.0★`. */
export function starsText(value: number | null, locale?: string): string {
  if (value === null) return '–';
  return `${value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}★`;
}

/** A product's figure of a measure, with what it is made of: `$300 · 3 units`, `25.0% · 1 of 4 returned`. */
export function productText(r: ProductRow, m: ProductMeasure, f: Formatter, locale?: string): string {
  const v = productMeasure(r, m);
  const units = `${f.count(r.units)} ${r.units === 1 ? 'unit' : 'units'}`;
  if (m === 'gmv') return `${f.money(r.gmv)} · ${units}`;
  if (m === 'units') return `${units} · ${f.money(r.gmv)}`;
  if (m === 'return_rate') return `${f.percent(v, 1)} · ${f.count(r.returned)} of ${f.count(r.delivered)} returned`;
  if (m === 'rating')
    return `${starsText(v, locale)} · ${f.count(r.reviews)} ${r.reviews === 1 ? 'review' : 'reviews'}`;
  return `${f.percent(v, 1)} · ${f.count(r.purchase_sessions)} of ${f.count(r.sessions)} sessions`;
}

/** A GMV change against the prior period: `+$200 · +200%`, or `new` for a product that sold nothing before. */
export function moveText(change: number, relative: number | null, f: Formatter): string {
  return `${change > 0 ? '+' : ''}${f.money(change)} · ${relative === null ? 'new' : f.change(relative)}`;
}
