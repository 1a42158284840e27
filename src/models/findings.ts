import type { FilterPatch } from '../data/filter-state.js';
import { findingScore, WEIGHTS, type Finding, type FindingKind as InsightKind } from './insights.js';
import { bonferroni, twoProportionTest, type Interval, type ProportionTest } from './statistics.js';

/**
 * Findings that earn their place: each says how big it is (`size`), how sure we are (`support`: an interval or a
 * test, adjusted for the comparisons made to find it) and which filter shows it (`filter`, a patch for
 * `changeFilters()`). Candidates come from src/models/finding-candidates.ts (concentration, campaign ROI outliers,
 * return spikes, CSAT drops, churn by cohort, seller-tier gaps) and from the insights of src/models/insights.ts
 * (`fromInsight`); `rankFindings()` orders them all by one score.
 *
 * **Score** = weight × min(magnitude, 3) × reach, as for the insights (src/models/insights.ts): magnitude is the
 * relative size (a rate 1.5× the reference → 0.5), reach the share of the business concerned. Weights say how much
 * a kind calls for action (below). Findings whose test fails are not candidates at all: a candidate builder returns
 * null when nothing passes (Bonferroni-adjusted p ≥ α, default 0.05, or no outlier), so that chance differences
 * between many groups do not fill the list.
 */
export type CandidateKind =
  'concentration' | 'campaign-roi' | 'return-spike' | 'csat-drop' | 'cohort-churn' | 'seller-tier-gap';
export type RankedKind = CandidateKind | InsightKind;

export const CANDIDATE_WEIGHTS: Record<CandidateKind, number> = {
  'return-spike': 0.8,
  'csat-drop': 0.8,
  'seller-tier-gap': 0.8,
  'cohort-churn': 0.7,
  'campaign-roi': 0.7,
  // Structural rather than news: it holds most of the time, so it should not crowd out what changed.
  concentration: 0.3,
};

export const DEFAULT_ALPHA = 0.05;

export interface FindingSupport {
  readonly method: 'two-proportion z-test' | 'modified z-score' | 'jackknife interval';
  /** Interval of the size (a rate difference, a Gini coefficient); null for an outlier score. */
  readonly interval: Interval | null;
  /** z of the test, or the modified z-score; null for an interval alone. */
  readonly statistic: number | null;
  /** Two-sided p-value after Bonferroni over `comparisons`; null when the method gives none. */
  readonly pValue: number | null;
  /** How many groups were compared to find this one. */
  readonly comparisons: number;
  /** Plain words, e.g. "+6.2 pts (95% CI +3.1 to +9.3), z = 3.91, p = 0.0006 (Bonferroni over 12 categories)". */
  readonly text: string;
}

export interface FindingSize {
  readonly value: number;
  /** `points`: a difference of rates; `share`: a share of a total; `ratio`: a multiple (ROAS). */
  readonly unit: 'points' | 'share' | 'ratio';
  readonly text: string;
}

export interface RankedFinding {
  readonly kind: RankedKind;
  /** One sentence, plain text. */
  readonly text: string;
  readonly size: FindingSize;
  /** Null for the descriptive insights of src/models/insights.ts (no test behind them). */
  readonly support: FindingSupport | null;
  /** The filters that show it; null when no filter narrows to it. */
  readonly filter: FilterPatch | null;
  /** Words for the filter's button, e.g. "Show Fashion". */
  readonly filterLabel: string;
  readonly magnitude: number;
  readonly reach: number;
  readonly score: number;
}

/** An insight of src/models/insights.ts as a ranked finding (its link is a filter patch already). */
export function fromInsight(x: Finding): RankedFinding {
  return {
    kind: x.kind,
    text: x.text,
    size: { value: x.magnitude, unit: 'ratio', text: `${Math.round(x.magnitude * 100)}% off its reference` },
    support: null,
    filter: x.link ? { ...x.link } : null,
    filterLabel: x.linkLabel,
    magnitude: x.magnitude,
    reach: x.reach,
    score: x.score,
  };
}

const weightOf = (kind: RankedKind) =>
  kind in CANDIDATE_WEIGHTS ? CANDIDATE_WEIGHTS[kind as CandidateKind] : WEIGHTS[kind as InsightKind];

/** A candidate with its score. */
export function rankedFinding(x: Omit<RankedFinding, 'score'>): RankedFinding {
  return { ...x, score: findingScore(weightOf(x.kind), x.magnitude, x.reach) };
}

/**
 * Findings by score, highest first; ties by the smaller p-value, then text. Nulls are dropped; `limit` keeps the
 * first few.
 */
export function rankFindings(findings: readonly (RankedFinding | null)[], limit = Infinity): RankedFinding[] {
  return findings
    .filter((x): x is RankedFinding => x !== null)
    .sort(
      (a, b) =>
        b.score - a.score || (a.support?.pValue ?? 1) - (b.support?.pValue ?? 1) || a.text.localeCompare(b.text),
    )
    .slice(0, limit);
}

const signed = (d: number) => `${d < 0 ? '−' : '+'}${Math.abs(d * 100).toFixed(1)}`;

/** "+6.2 pts": a difference of rates in percentage points. */
export const points = (d: number) => `${signed(d)} pts`;

/** p-values as people read them: "p = 0.0006", "p = 0.31", "p < 0.0001". */
export const pText = (p: number) => (p < 0.0001 ? 'p < 0.0001' : `p = ${p < 0.01 ? p.toPrecision(1) : p.toFixed(2)}`);

/** The support of a proportion comparison, p adjusted over `comparisons` groups named `of` ("categories"). */
export function proportionSupport(test: ProportionTest, comparisons: number, of: string): FindingSupport {
  const pValue = bonferroni(test.pValue, comparisons);
  const adjusted = comparisons > 1 ? ` (Bonferroni over ${comparisons} ${of})` : '';
  return {
    method: 'two-proportion z-test',
    interval: test.interval,
    statistic: test.z,
    pValue,
    comparisons,
    text: `${points(test.difference)} (95% CI ${signed(test.interval[0])} to ${signed(test.interval[1])}), z = ${test.z.toFixed(2)}, ${pText(pValue)}${adjusted}`,
  };
}

export interface Proportion {
  readonly name: string;
  /** Trials (lines delivered, customers active, surveys answered). */
  readonly n: number;
  /** Events among them (returned, churned, satisfied). */
  readonly x: number;
}

export interface Comparison {
  readonly name: string;
  readonly share: number;
  readonly test: ProportionTest;
  readonly support: FindingSupport;
}

/**
 * Each group against the others pooled (x / n vs Σ others), keeping those whose rate is higher (`higher`) or lower
 * and significant after Bonferroni over the groups with data. `of` names the groups in the support text.
 */
export function againstTheRest(
  groups: readonly Proportion[],
  options: { higher: boolean; of: string; alpha?: number },
): Comparison[] {
  const tested = groups.filter((g) => g.n > 0);
  const n = tested.reduce((s, g) => s + g.n, 0);
  const x = tested.reduce((s, g) => s + g.x, 0);
  const out: Comparison[] = [];
  for (const g of tested) {
    if (n - g.n <= 0) continue;
    const test = twoProportionTest(g.x, g.n, x - g.x, n - g.n);
    out.push(...significant(g.name, g.n / n, test, tested.length, options));
  }
  return out;
}

/** Each group now against itself before (`prior`, matched by name), as {@link againstTheRest}. */
export function againstBefore(
  now: readonly Proportion[],
  prior: readonly Proportion[],
  options: { higher: boolean; of: string; alpha?: number },
): Comparison[] {
  const before = new Map(prior.map((p) => [p.name, p]));
  const pairs = now.filter((g) => g.n > 0 && (before.get(g.name)?.n ?? 0) > 0);
  const n = pairs.reduce((s, g) => s + g.n, 0);
  return pairs.flatMap((g) => {
    const p = before.get(g.name)!;
    return significant(g.name, g.n / n, twoProportionTest(g.x, g.n, p.x, p.n), pairs.length, options);
  });
}

function significant(
  name: string,
  share: number,
  test: ProportionTest,
  comparisons: number,
  options: { higher: boolean; of: string; alpha?: number },
): Comparison[] {
  if (options.higher ? !(test.difference > 0) : !(test.difference < 0)) return [];
  const support = proportionSupport(test, comparisons, options.of);
  return support.pValue! < (options.alpha ?? DEFAULT_ALPHA) ? [{ name, share, test, support }] : [];
}

/** The comparison whose finding scores highest, or null. */
export function strongest<T extends { score: number; text: string }>(findings: readonly T[]): T | null {
  return [...findings].sort((a, b) => b.score - a.score || a.text.localeCompare(b.text))[0] ?? null;
}

/** What to do about a finding, by kind: the report's "recommended action" (plain text). */
export function recommendedAction(x: RankedFinding): string {
  switch (x.kind) {
    case 'return-spike':
      return 'Review the listings, sizing information and suppliers of this category, starting with the most frequent return reasons.';
    case 'csat-drop':
      return 'Check first-response and resolution times and the ticket reasons behind the drop; fix the top reason or add support capacity.';
    case 'seller-tier-gap':
      return "Talk to this tier's sellers about the gap and hold them to the marketplace's performance targets.";
    case 'cohort-churn':
      return 'Win this cohort back: look at what it first bought and how it was acquired, and target it with a re-engagement offer.';
    case 'campaign-roi':
      return (x.support?.statistic ?? 0) > 0
        ? 'Find out what made this campaign work and move budget towards its channel and timing.'
        : 'Cut or rework this campaign: it returned far less than comparable campaigns.';
    case 'concentration':
      return 'Protect the top accounts with first-class service, and grow the middle tiers to lower the dependence on a few.';
    case 'gmv-change':
      return 'Look into the leading category: its prices, stock and traffic explain most of the change.';
    case 'seller-churn':
      return 'Reach out to the sellers of this category before they stop selling.';
    case 'late-rate':
      return "Work with this tier's sellers and carriers on dispatch times.";
    case 'conversion':
      return "Compare this category's product pages, prices and stock with the best-converting categories.";
    case 'segment':
      return 'Keep this segment close: loyalty offers and first-class service.';
    case 'category-share':
    case 'region-share':
      return 'Watch the dependence on this slice and grow the others.';
  }
}
