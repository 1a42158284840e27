/**
 * How long a customer may stay away before we call them churned, chosen from the data's own purchase cycle: the
 * gaps between a customer's consecutive purchase days (`interPurchaseGapsSql`, src/metrics/churn.ts). The window is
 * the `quantile` of those gaps (default 0.9: "90% of repeat purchases come within N days"), read as the smallest gap
 * g with at least that share of gaps ≤ g (the inverse of the empirical distribution, no interpolation: N is a whole
 * number of days that really occurred). A window shorter than the usual gap calls most customers churned every month
 * (a fixed 30 days against a 60-day cycle); the p90 gap calls churned only those who stayed away longer than nine
 * in ten returns ever took.
 *
 * Gaps are observed only when the customer came back inside the data, so long gaps are under-counted near its end
 * (right-censoring): the window errs short, never long. With fewer than `minGaps` gaps the window is
 * `fallbackDays` and `source` says so.
 */
export interface GapCount {
  /** Days between two consecutive purchase days of a customer (≥ 1). */
  readonly gap_days: number;
  /** How many such gaps. */
  readonly gaps: number;
}

export interface ChurnWindowOptions {
  /** Share of repeat purchases the window covers, in (0, 1); default 0.9. */
  readonly quantile?: number;
  /** Window when the data has too few repeat purchases; default 90 days. */
  readonly fallbackDays?: number;
  /** Fewest gaps to trust the quantile; default 20. */
  readonly minGaps?: number;
}

export interface ChurnWindow {
  /** The churn window in days. */
  readonly days: number;
  readonly quantile: number;
  readonly source: 'gaps' | 'fallback';
  /** Gaps observed. */
  readonly gaps: number;
  /** Median gap (same rule, quantile 0.5); null without gaps. */
  readonly medianGap: number | null;
  /** Share of gaps ≤ each gap length, for drawing the distribution with the window marked. */
  readonly cumulative: readonly { readonly days: number; readonly share: number }[];
}

export const DEFAULT_CHURN_QUANTILE = 0.9;
export const DEFAULT_FALLBACK_DAYS = 90;
export const DEFAULT_MIN_GAPS = 20;

/** The smallest gap with at least `q` of the gaps at or below it; null without gaps. */
export function gapQuantile(histogram: readonly GapCount[], q: number): number | null {
  if (!(q > 0 && q < 1)) throw new RangeError(`quantile must be in (0, 1), got ${q}`);
  const sorted = [...histogram].filter((h) => h.gaps > 0).sort((a, b) => a.gap_days - b.gap_days);
  const total = sorted.reduce((s, h) => s + h.gaps, 0);
  let seen = 0;
  for (const h of sorted) {
    seen += h.gaps;
    // Compared in counts, not shares: 0.9 × 10 must reach the 9th gap exactly.
    if (seen >= q * total - 1e-9 * total) return h.gap_days;
  }
  return null;
}

/** The churn window for a gap histogram. */
export function churnWindow(histogram: readonly GapCount[], options: ChurnWindowOptions = {}): ChurnWindow {
  const quantile = options.quantile ?? DEFAULT_CHURN_QUANTILE;
  const fallbackDays = options.fallbackDays ?? DEFAULT_FALLBACK_DAYS;
  const minGaps = options.minGaps ?? DEFAULT_MIN_GAPS;
  for (const h of histogram) {
    if (!(Number.isInteger(h.gap_days) && h.gap_days >= 1 && Number.isInteger(h.gaps) && h.gaps >= 0))
      throw new RangeError(`A gap is a whole number of days ≥ 1 with a count ≥ 0, got ${JSON.stringify(h)}`);
  }
  const sorted = [...histogram].filter((h) => h.gaps > 0).sort((a, b) => a.gap_days - b.gap_days);
  const gaps = sorted.reduce((s, h) => s + h.gaps, 0);
  let seen = 0;
  const cumulative = sorted.map((h) => ({ days: h.gap_days, share: (seen += h.gaps) / gaps }));
  const fromGaps = gaps >= minGaps ? gapQuantile(sorted, quantile) : null;
  return {
    days: fromGaps ?? fallbackDays,
    quantile,
    source: fromGaps === null ? 'fallback' : 'gaps',
    gaps,
    medianGap: gapQuantile(sorted, 0.5),
    cumulative,
  };
}
