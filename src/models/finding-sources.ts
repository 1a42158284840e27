import type { Formatter } from '../format/format.js';
import type { Finding } from './insights.js';
import { fromInsight, rankFindings, type FindingSupport, type RankedFinding } from './findings.js';
import {
  campaignRoiFinding,
  cohortChurnFinding,
  concentrationFinding,
  csatDropFinding,
  returnSpikeFinding,
  sellerTierGapFinding,
  type CampaignFigures,
  type CohortChurnRow,
  type CsatRow,
  type ReturnSpikeRow,
  type TierRateRow,
} from './finding-candidates.js';

/**
 * What every analysis of `<mkt-insights>` found, as rows; null where an analysis could not run (its optional table
 * is missing), an empty list where it ran and had nothing (no prior period, no reference dates).
 */
export interface FindingInputs {
  /** The descriptive insights of src/models/insights.ts. */
  readonly insights: readonly (Finding | null)[];
  readonly customerValues: ArrayLike<number>;
  readonly sellerValues: ArrayLike<number>;
  readonly lateByTier: readonly TierRateRow[];
  readonly returns: readonly ReturnSpikeRow[];
  readonly cohorts: readonly CohortChurnRow[];
  readonly campaigns: readonly CampaignFigures[] | null;
  readonly csat: { readonly now: readonly CsatRow[]; readonly prior: readonly CsatRow[] } | null;
}

/** The analyses that need an optional table, by what they are called in the element's note. */
export const OPTIONAL_ANALYSES = {
  campaigns: 'campaign returns (no campaigns table)',
  csat: 'customer satisfaction (no support tickets table)',
} as const;

/**
 * Every candidate of every analysis, ranked by one score (src/models/findings.ts), and the analyses that could not
 * run. A seller tier whose late shipments pass the test against the other tiers replaces the descriptive
 * late-shipment insight about the same tier (one finding, with its test).
 */
export function allFindings(inputs: FindingInputs, f: Formatter): { findings: RankedFinding[]; skipped: string[] } {
  const tierGap = sellerTierGapFinding(inputs.lateByTier, 'Late shipments', f);
  const gapTiers = new Set(tierGap?.filter?.tiers ?? []);
  const insights = inputs.insights
    .filter((x): x is Finding => x !== null)
    .filter((x) => !(x.kind === 'late-rate' && x.link?.tiers?.some((t) => gapTiers.has(t))))
    .map(fromInsight);
  const findings = rankFindings([
    ...insights,
    tierGap,
    concentrationFinding(inputs.customerValues, 'customers', f),
    concentrationFinding(inputs.sellerValues, 'sellers', f),
    returnSpikeFinding(inputs.returns, f),
    cohortChurnFinding(inputs.cohorts, f),
    inputs.campaigns ? campaignRoiFinding(inputs.campaigns, f) : null,
    inputs.csat ? csatDropFinding(inputs.csat.now, inputs.csat.prior, 'tier', f) : null,
  ]);
  const skipped = (Object.keys(OPTIONAL_ANALYSES) as (keyof typeof OPTIONAL_ANALYSES)[])
    .filter((k) => inputs[k] === null)
    .map((k) => OPTIONAL_ANALYSES[k]);
  return { findings, skipped };
}

/** "1 in 1,000": how rarely chance alone gives a result as strong. */
function odds(p: number): string {
  if (p < 0.001) return 'less than 1 in 1,000';
  return `about 1 in ${Math.round(1 / p).toLocaleString('en-US')}`;
}

/** How sure a finding is, in words a reader without statistics can follow. */
export function supportInWords(s: FindingSupport | null): string {
  if (!s) return 'A description of the data, not a test.';
  const [low, high] = s.interval ?? [Number.NaN, Number.NaN];
  const pts = (d: number) => `${d < 0 ? '−' : '+'}${Math.abs(d * 100).toFixed(1)}`;
  switch (s.method) {
    case 'two-proportion z-test': {
      const allowing = s.comparisons > 1 ? `, allowing for the ${s.comparisons} groups compared` : '';
      return `Chance alone would give a gap this large ${odds(s.pValue ?? 1)}${allowing}; the true gap is likely ${pts(low)} to ${pts(high)} pts (95%).`;
    }
    case 'jackknife interval':
      return `The Gini coefficient is likely between ${low.toFixed(2)} and ${high.toFixed(2)} (95%).`;
    case 'modified z-score':
      return `${Math.abs(s.statistic ?? 0).toFixed(1)} robust standard deviations from the median of the ${s.comparisons} compared (beyond 3.5 counts as an outlier).`;
  }
}
