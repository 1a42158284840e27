import type { ReturnGroup, ReturnRow } from '../../metrics/returns.js';
import type { Formatter } from '../../format/format.js';

/** A group's name as shown: a returned line with no recorded reason is under "No reason recorded". */
export function returnGroupName(r: ReturnRow, by: ReturnGroup): string {
  return by === 'reason' && r.grp === 'unknown' ? 'No reason recorded' : r.name;
}

/**
 * A bar's value text: `50.0% · 1 of 2 lines · $50 refunded` (by reason, `6.7% · 1 returned`; no refunds without
 * them); `narrow`, without the word "lines".
 */
export function returnValueText(r: ReturnRow, by: ReturnGroup, f: Formatter, narrow = false): string {
  const count =
    by === 'reason'
      ? `${f.count(r.returned)} returned`
      : `${f.count(r.returned)} of ${f.count(r.delivered)}${narrow ? '' : ' lines'}`;
  const refunded = r.refunded === null ? '' : ` · ${f.moneyCompact(r.refunded)} refunded`;
  return `${f.percent(r.return_rate, 1)} · ${count}${refunded}`;
}
