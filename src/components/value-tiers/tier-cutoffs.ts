import { html } from 'lit';
import type { TierCutoffs } from '../../models/concentration.js';

/** The tiers whose start is set (Bronze is the rest). */
export const SET_TIERS = ['Platinum', 'Gold', 'Silver'] as const;
export const DEFAULT_TIERS = '1,10,40';
export const TIERS_EXPECTED =
  'three top percentages of spend for Platinum, Gold and Silver, each larger, 0–100 (e.g. "1,10,40")';

/** `"1, 10, 40"` → the cut-offs as fractions, or null when they are not three increasing percentages in (0, 100). */
export function parseTiers(text: unknown): TierCutoffs | null {
  if (typeof text !== 'string') return null;
  const parts = text.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 3 || !(parts[0] > 0 && parts[0] < parts[1] && parts[1] < parts[2] && parts[2] < 100))
    return null;
  return { platinum: parts[0] / 100, gold: parts[1] / 100, silver: parts[2] / 100 };
}

/** The `tiers` text with the `index`th cut-off replaced by what the user typed (kept as typed, even when bad). */
export function withCutoff(tiers: string, index: number, value: string): string {
  const parts = tiers.split(',').map((p) => p.trim());
  while (parts.length < 3) parts.push('');
  parts[index] = value.trim();
  return parts.slice(0, 3).join(',');
}

/** One number field per set tier, showing the `tiers` text as written; `change(index, value)` on each edit. */
export function cutoffFields(tiers: string, change: (index: number, value: string) => void) {
  const parts = tiers.split(',').map((p) => p.trim());
  const invalid = parseTiers(tiers) === null ? 'true' : 'false';
  return html`<fieldset class="cutoffs">
    <legend>Tiers by top % of spend</legend>
    ${SET_TIERS.map(
      (name, i) =>
        html`<label
          >${name}
          <input
            type="number"
            min="0"
            max="100"
            step="any"
            inputmode="decimal"
            data-tier=${name}
            .value=${parts[i] ?? ''}
            aria-invalid=${invalid}
            @change=${(e: Event) => change(i, (e.target as HTMLInputElement).value)}
          />%</label
        >`,
    )}
  </fieldset>`;
}
