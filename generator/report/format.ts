/** The report as text, each figure next to the reference band it should sit in (REFERENCE.md). */
import type { DatasetReport } from './stats.js';

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const num = (x: number, digits = 2) => x.toFixed(digits);
const money = (x: number) => Math.round(x).toLocaleString('en-US');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const entries = (record: Record<string, number>, f: (x: number) => string) =>
  Object.entries(record)
    .map(([k, x]) => `${k} ${f(x)}`)
    .join(', ');

export function formatReport(r: DatasetReport): string {
  const f = r.funnel;
  const c = r.campaigns;
  const t = r.tickets;
  const line = (label: string, value: string, band = '') =>
    `  ${label.padEnd(34)} ${value.padEnd(28)} ${band}`.trimEnd();
  return [
    'rows',
    ...Object.entries(r.rows).map(([t, n]) => line(t, n.toLocaleString('en-US'))),
    'GMV (completed + returned lines)',
    line('total', money(r.gmv)),
    line(
      'top 1% / 10% / 20% of sellers',
      `${pct(r.gmvShareTop.top1)} / ${pct(r.gmvShareTop.top10)} / ${pct(r.gmvShareTop.top20)}`,
      'ref ~20% / 60% / 76% (Olist)',
    ),
    line(
      'by tier',
      entries(r.gmvShareByTier, (x) => pct(x, 0)),
    ),
    line(
      'monthly',
      r.monthlyGmv
        .map((x, m) => `${MONTHS[m]} ${money(x / 1000)}k`)
        .slice(0, 6)
        .join(' '),
    ),
    line(
      '',
      r.monthlyGmv
        .map((x, m) => `${MONTHS[m]} ${money(x / 1000)}k`)
        .slice(6)
        .join(' '),
    ),
    line(`Black Friday ${r.blackFriday.date} / median Nov day`, `${num(r.blackFriday.ratio)}x`, 'ref ~6x (Olist)'),
    line('Cyber Week / Nov-Dec daily mean', `${num(r.cyberWeekToSeason)}x`, 'ref ~2x (Adobe)'),
    line('weekday / daily mean', r.weekdayProfile.map((x, w) => `${WEEKDAYS[w]} ${num(x)}`).join(' ')),
    'orders',
    line(
      'completed / returned / cancelled',
      `${pct(r.statusShares.completed)} / ${pct(r.statusShares.returned)} / ${pct(r.statusShares.cancelled)}`,
      'returned ~8-12%, cancelled ~1.5% (see order-lines.ts)',
    ),
    line('late (of delivered lines)', pct(r.lateRate), 'Amazon target < 4% per seller'),
    line(
      'late by seller status',
      entries(r.lateRateBySellerStatus, (x) => pct(x)),
    ),
    line(
      'late by tier',
      entries(r.lateRateByTier, (x) => pct(x)),
    ),
    line(
      'seller status',
      entries(r.sellerStatusShares, (x) => pct(x)),
    ),
    'reviews',
    line('rating shares 1..5', r.ratingShares.map((x) => pct(x, 0)).join(' '), 'ref 5* ~58%, 1* ~13% (Olist)'),
    line('mean rating', num(r.ratingMean), 'ref ~4.0'),
    line('mean sentiment by rating 1..5', r.sentimentByRating.map((x) => num(x)).join(' ')),
    line('reviews per delivered line', num(r.reviewsPerDeliveredLine)),
    'customers',
    line('repeat purchase rate', pct(r.repeatPurchaseRate), 'ref ~28%'),
    line(
      'retention month 1 / 3 / 6',
      `${pct(r.retention.month1)} / ${pct(r.retention.month3)} / ${pct(r.retention.month6)}`,
      'ref month 1: 5-15% (CDNOW ~15%)',
    ),
    'funnel (page_events sessions)',
    line('sessions / events per session', `${f.sessions.toLocaleString('en-US')} / ${num(f.eventsPerSession)}`),
    line('anonymous sessions', pct(f.anonymousSessionShare)),
    line('view -> cart', pct(f.viewToCart), 'ref ~7% (7-10%)'),
    line('cart -> checkout', pct(f.cartToCheckout), 'ref 45-55%'),
    line('checkout -> purchase', pct(f.checkoutToPurchase), 'ref 65-75%'),
    line('session conversion', pct(f.sessionConversion, 2), 'ref 2-3% (GA4 sample 1.4%)'),
    line(
      'conversion by source',
      entries(f.conversionBySource, (x) => pct(x)),
    ),
    'campaigns (last-touch)',
    line(
      'per year',
      entries(c.campaignsPerYear, (x) => String(x)),
      'a dozen a year',
    ),
    line(
      'spend / ROAS',
      `${money(c.spend)} / ${num(c.roas)}x`,
      `campaigns ${num(c.roasRange[0])}x .. ${num(c.roasRange[1])}x`,
    ),
    line('orders credited to a campaign', pct(c.creditedOrderShare)),
    line(
      'orders / sessions per day, lift',
      `${num(c.orderLift)}x / ${num(c.sessionLift)}x`,
      'campaign days over the 14 days around',
    ),
    line('Black Friday week orders credited', pct(c.blackFridayCreditedShare)),
    'support tickets',
    line('tickets per 1,000 orders', num(t.per1000Orders, 1)),
    line('CSAT mean / 4-5 share / answered', `${num(t.csatMean)} / ${pct(t.csatScore)} / ${pct(t.ratedShare)}`),
    line('CSAT 4-5 share in December', pct(t.decemberCsatScore), 'lower: the holiday rush slows replies'),
    line('median first response', `${num(t.medianFirstResponseHours, 1)} h`),
    line(
      'reasons',
      entries(t.reasons, (x) => pct(x, 0)),
    ),
  ].join('\n');
}
