import type { Formatter } from '../format/format.js';
import { tierWord } from '../format/tier.js';

/**
 * Plain-language findings and how they are ranked.
 *
 * Each finding has a **magnitude**, how far something is from its reference, as a relative number:
 * - GMV change: |current − prior| / prior;
 * - seller churn in a category: its rate / the overall rate − 1;
 * - late shipments of a tier: its rate / the 4% target (Amazon's late-shipment target) − 1;
 * - conversion in a category: |its rate / the overall rate − 1|;
 * - a customer segment: its revenue share / its customer share − 1;
 * - a category's or a region's GMV share: share × number of categories (regions) − 1 (0 for an even split);
 *
 * and a **reach**, the share of the business it concerns (1 for the GMV change; the category's, tier's or region's
 * share of active sellers, shipments, sessions or GMV; the segment's revenue share). The ranking
 * score is `weight × min(magnitude, 3) × reach`: big deviations in big parts of the business first; capping the
 * magnitude at 3 keeps a tiny slice with an extreme ratio from outranking everything. The weights say how much a
 * kind of finding calls for action: 1 for the GMV change, 0.8 for churn, late shipments and conversion (operational
 * problems), 0.6 for customer concentration, 0.4 for GMV mix (category, region). A finding appears only past a
 * floor (a GMV change of 2%, a ratio of 1.3 or 0.7, a late rate above target, ...), so "nothing unusual" stays quiet.
 */
export type FindingKind =
  'gmv-change' | 'seller-churn' | 'late-rate' | 'conversion' | 'segment' | 'category-share' | 'region-share';

export interface FindingLink {
  readonly categories?: string[];
  readonly tiers?: string[];
  readonly regions?: string[];
  readonly segment?: string;
}

export interface Finding {
  readonly kind: FindingKind;
  /** One sentence, plain text. */
  readonly text: string;
  /** Filters that show it; null when there is nothing to narrow to. */
  readonly link: FindingLink | null;
  /** Words for the link button, e.g. "Show Books". */
  readonly linkLabel: string;
  readonly magnitude: number;
  readonly reach: number;
  readonly score: number;
}

export const WEIGHTS: Record<FindingKind, number> = {
  'gmv-change': 1,
  'seller-churn': 0.8,
  'late-rate': 0.8,
  conversion: 0.8,
  segment: 0.6,
  'category-share': 0.4,
  'region-share': 0.4,
};
export const LATE_TARGET = 0.04;
const MAX_MAGNITUDE = 3;

/** The ranking score: weight × min(magnitude, 3) × reach. */
export function findingScore(weight: number, magnitude: number, reach: number): number {
  return weight * Math.min(magnitude, MAX_MAGNITUDE) * reach;
}

function finding(
  kind: FindingKind,
  text: string,
  link: FindingLink | null,
  linkLabel: string,
  magnitude: number,
  reach: number,
): Finding {
  return {
    kind,
    text,
    link,
    linkLabel,
    magnitude,
    reach,
    score: findingScore(WEIGHTS[kind], magnitude, reach),
  };
}

const signedMoney = (f: Formatter, v: number) => `${v < 0 ? '−' : '+'}${f.money(Math.abs(v))}`;

/** GMV vs the prior period, led by the category that moved most in the same direction. */
export function gmvChangeFinding(
  rows: readonly { category: string; gmv: number; gmv_prior: number }[],
  f: Formatter,
): Finding | null {
  const now = rows.reduce((s, r) => s + r.gmv, 0);
  const before = rows.reduce((s, r) => s + r.gmv_prior, 0);
  if (!(before > 0)) return null;
  const change = (now - before) / before;
  if (Math.abs(change) < 0.02) return null;
  const sign = Math.sign(change);
  const leader = [...rows]
    .filter((r) => Math.sign(r.gmv - r.gmv_prior) === sign)
    .sort(
      (a, b) => Math.abs(b.gmv - b.gmv_prior) - Math.abs(a.gmv - a.gmv_prior) || a.category.localeCompare(b.category),
    )[0];
  const led =
    leader && rows.length > 1 ? `, led by ${leader.category} (${signedMoney(f, leader.gmv - leader.gmv_prior)})` : '';
  return finding(
    'gmv-change',
    `GMV is ${change > 0 ? 'up' : 'down'} ${f.percent(Math.abs(change), 1)} vs the prior period${led}`,
    leader && rows.length > 1 ? { categories: [leader.category] } : null,
    leader && rows.length > 1 ? `Show ${leader.category}` : '',
    Math.abs(change),
    1,
  );
}

/** The category whose seller churn is furthest above the overall rate (categories with at least `minActive` sellers). */
export function sellerChurnFinding(
  rows: readonly { category: string; active: number; churned: number }[],
  f: Formatter,
  minActive = 5,
): Finding | null {
  const active = rows.reduce((s, r) => s + r.active, 0);
  const churned = rows.reduce((s, r) => s + r.churned, 0);
  if (active === 0 || churned === 0) return null;
  const overall = churned / active;
  const best = rows
    .filter((r) => r.active >= minActive)
    .map((r) =>
      finding(
        'seller-churn',
        '',
        { categories: [r.category] },
        `Show ${r.category}`,
        r.churned / r.active / overall - 1,
        r.active / active,
      ),
    )
    .sort((a, b) => b.score - a.score)[0];
  if (!best || best.magnitude < 0.3) return null;
  const r = rows.find((x) => x.category === best.link!.categories![0])!;
  return {
    ...best,
    text: `Seller churn in ${r.category} is ${(r.churned / r.active / overall).toFixed(1)}× the average (${f.percent(r.churned / r.active, 1)} vs ${f.percent(overall, 1)})`,
  };
}

/** The seller tier whose late-shipment rate is furthest above the 4% target. */
export function lateRateFinding(
  rows: readonly { tier: string; shipped: number; late: number }[],
  f: Formatter,
): Finding | null {
  const shipped = rows.reduce((s, r) => s + r.shipped, 0);
  const worst = rows
    .filter((r) => r.shipped > 0 && r.late / r.shipped > LATE_TARGET)
    .map((r) => ({
      r,
      f: finding(
        'late-rate',
        '',
        { tiers: [r.tier] },
        `Show the ${tierWord(r.tier)} tier`,
        r.late / r.shipped / LATE_TARGET - 1,
        r.shipped / shipped,
      ),
    }))
    .sort((a, b) => b.f.score - a.f.score || a.r.tier.localeCompare(b.r.tier))[0];
  if (!worst) return null;
  const rate = worst.r.late / worst.r.shipped;
  return {
    ...worst.f,
    text: `Late shipments of the ${tierWord(worst.r.tier)} tier are ${f.percent(rate, 1)}, ${(rate / LATE_TARGET).toFixed(1)}× the ${f.percent(LATE_TARGET, 0)} target`,
  };
}

/** The category whose conversion rate is furthest from the overall rate (a ratio below 0.7 or above 1.3). */
export function conversionFinding(
  rows: readonly { category: string; sessions: number; purchases: number }[],
  f: Formatter,
  minSessions = 1,
): Finding | null {
  const sessions = rows.reduce((s, r) => s + r.sessions, 0);
  const purchases = rows.reduce((s, r) => s + r.purchases, 0);
  if (sessions === 0 || purchases === 0) return null;
  const overall = purchases / sessions;
  const best = rows
    .filter((r) => r.sessions >= minSessions)
    .map((r) => ({
      r,
      f: finding(
        'conversion',
        '',
        { categories: [r.category] },
        `Show ${r.category}`,
        Math.abs(r.purchases / r.sessions / overall - 1),
        r.sessions / sessions,
      ),
    }))
    .sort((a, b) => b.f.score - a.f.score || a.r.category.localeCompare(b.r.category))[0];
  if (!best || best.f.magnitude < 0.3) return null;
  return {
    ...best.f,
    text: `Conversion in ${best.r.category} is ${f.percent(best.r.purchases / best.r.sessions, 1)} vs ${f.percent(overall, 1)} overall`,
  };
}

/**
 * The customer segment holding the largest share of revenue among those whose revenue share exceeds their
 * customer share; Champions when they qualify, as they usually do.
 */
export function segmentFinding(
  rows: readonly { segment: string; customers: number; revenue: number }[],
  f: Formatter,
): Finding | null {
  const customers = rows.reduce((s, r) => s + r.customers, 0);
  const revenue = rows.reduce((s, r) => s + r.revenue, 0);
  if (customers === 0 || revenue <= 0) return null;
  const over = rows.filter((r) => r.revenue / revenue > r.customers / customers);
  const pick =
    over.find((r) => r.segment === 'Champions') ??
    [...over].sort((a, b) => b.revenue - a.revenue || a.segment.localeCompare(b.segment))[0];
  if (!pick) return null;
  const cs = pick.customers / customers;
  const rs = pick.revenue / revenue;
  return finding(
    'segment',
    `${pick.segment} are ${f.percent(cs, 0)} of customers and ${f.percent(rs, 0)} of revenue`,
    { segment: pick.segment },
    `Show ${pick.segment}`,
    rs / cs - 1,
    rs,
  );
}

/** The largest slice's share of GMV when it is well above an even split (categories or regions). */
export function shareFinding(
  kind: 'category-share' | 'region-share',
  rows: readonly { name: string; gmv: number }[],
  f: Formatter,
): Finding | null {
  const total = rows.reduce((s, r) => s + r.gmv, 0);
  if (rows.length < 2 || !(total > 0)) return null;
  const top = [...rows].sort((a, b) => b.gmv - a.gmv || a.name.localeCompare(b.name))[0];
  const share = top.gmv / total;
  const magnitude = share * rows.length - 1;
  if (magnitude < 0.3) return null;
  const link = kind === 'category-share' ? { categories: [top.name] } : { regions: [top.name] };
  return finding(kind, `${top.name} brings ${f.percent(share, 0)} of GMV`, link, `Show ${top.name}`, magnitude, share);
}

/** Findings ranked by score, highest first (ties by kind order of WEIGHTS, then text). */
export function rank(findings: readonly (Finding | null)[]): Finding[] {
  const order = Object.keys(WEIGHTS);
  return findings
    .filter((x): x is Finding => x !== null)
    .sort((a, b) => b.score - a.score || order.indexOf(a.kind) - order.indexOf(b.kind) || a.text.localeCompare(b.text));
}

/** Backslash-escapes the characters Markdown would read as formatting, so data strings stay literal text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/**
 * The findings as a Markdown executive summary: a title, the scope, then the findings in rank order. Data strings
 * are escaped for Markdown; nothing is HTML.
 */
export function summaryMarkdown(findings: readonly Pick<Finding, 'text'>[], scope: string, generated: string): string {
  const lines = [`# Executive summary`, '', `${escapeMarkdown(scope)}`, ''];
  if (findings.length === 0) lines.push('Nothing stands out under these filters.');
  findings.forEach((x, i) => lines.push(`${i + 1}. ${escapeMarkdown(x.text)}.`));
  lines.push(
    '',
    `_Generated ${escapeMarkdown(generated)} by marketkit. Ranked by weight × magnitude × reach (see the insights documentation)._`,
    '',
  );
  return lines.join('\n');
}
