/**
 * Campaigns and customer service in the distribution report. Campaign lift is measured as a reader would: orders
 * (and sessions) per day on a campaign's days over the same in the 14 days either side that no campaign covers,
 * averaged over the campaigns (Black Friday's aside: its days are the year's peak whatever the campaign).
 */
import { MS_PER_DAY, days, numbers, strings, type Tables } from './columns.js';

export interface CampaignStats {
  readonly campaignsPerYear: Record<string, number>;
  readonly spend: number;
  /** Orders naming a campaign / all orders. */
  readonly creditedOrderShare: number;
  /** Credited revenue (completed lines) / spend, over every campaign. */
  readonly roas: number;
  readonly roasRange: readonly [number, number];
  /** Mean over the campaigns (Black Friday aside) of orders per day on its days / around them. */
  readonly orderLift: number;
  readonly sessionLift: number;
  readonly blackFridayCreditedShare: number;
}

export interface TicketStats {
  readonly per1000Orders: number;
  readonly csatMean: number;
  /** Share of answers of 4 or 5. */
  readonly csatScore: number;
  readonly ratedShare: number;
  readonly medianFirstResponseHours: number;
  readonly decemberCsatScore: number;
  readonly reasons: Record<string, number>;
}

const share = (a: number, b: number) => (b > 0 ? a / b : 0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function perDay(dayOfRow: ArrayLike<number>, keyOfRow: (i: number) => string): Map<number, number> {
  const seen = new Set<string>();
  const counts = new Map<number, number>();
  for (let i = 0; i < dayOfRow.length; i++) {
    const key = keyOfRow(i);
    if (seen.has(key)) continue;
    seen.add(key);
    counts.set(dayOfRow[i], (counts.get(dayOfRow[i]) ?? 0) + 1);
  }
  return counts;
}

export function campaignStats(tables: Tables): CampaignStats {
  const cp = tables.campaigns;
  const ids = strings(cp, 'id') as string[];
  const names = strings(cp, 'name') as string[];
  const from = days(cp, 'start_date');
  const to = days(cp, 'end_date');
  const spend = numbers(cp, 'spend');
  const tx = tables.transactions;
  const order = strings(tx, 'order_id') as string[];
  const campaign = strings(tx, 'campaign_id');
  const status = strings(tx, 'status');
  const revenue = numbers(tx, 'revenue');
  const txDay = days(tx, 'order_date');
  const credited = new Map<string, number>();
  const creditedOrders = new Set<string>();
  for (let i = 0; i < tx.numRows; i++) {
    if (campaign[i] === null) continue;
    creditedOrders.add(order[i]);
    if (status[i] === 'completed') credited.set(campaign[i]!, (credited.get(campaign[i]!) ?? 0) + revenue[i]);
  }
  const orders = perDay(txDay, (i) => order[i]);
  const pe = tables.page_events;
  const session = strings(pe, 'session_id') as string[];
  const peDay = Array.from(numbers(pe, 'event_time'), (t) => Math.floor(t / MS_PER_DAY));
  const sessions = perDay(peDay, (i) => session[i]);
  const covered = (day: number) => ids.some((_, c) => day >= from[c] && day <= to[c]);
  const lift = (counts: Map<number, number>) => {
    const ratios: number[] = [];
    ids.forEach((_, c) => {
      if (names[c].startsWith('Black Friday')) return;
      const mean = (daysList: number[]) =>
        share(
          daysList.reduce((s, d) => s + (counts.get(d) ?? 0), 0),
          daysList.length,
        );
      const inside = Array.from({ length: to[c] - from[c] + 1 }, (_, k) => from[c] + k);
      const around = Array.from({ length: 28 }, (_, k) => (k < 14 ? from[c] - 14 + k : to[c] + k - 13)).filter(
        (d) => counts.has(d) && !covered(d),
      );
      if (around.length > 0 && mean(around) > 0) ratios.push(mean(inside) / mean(around));
    });
    return share(
      ratios.reduce((a, b) => a + b, 0),
      ratios.length,
    );
  };
  const roas = ids.map((id, c) => share(credited.get(id) ?? 0, spend[c]));
  const bf = ids.findIndex(
    (_, c) =>
      names[c].startsWith('Black Friday') &&
      from[c] === Math.max(...from.filter((__, k) => names[k].startsWith('Black Friday'))),
  );
  let bfOrders = 0;
  const bfCredited = new Set<string>();
  const bfAll = new Set<string>();
  if (bf >= 0) {
    for (let i = 0; i < tx.numRows; i++) {
      if (txDay[i] < from[bf] || txDay[i] > to[bf]) continue;
      bfAll.add(order[i]);
      if (campaign[i] === ids[bf]) bfCredited.add(order[i]);
    }
    bfOrders = bfAll.size;
  }
  const perYear: Record<string, number> = {};
  for (let c = 0; c < ids.length; c++) {
    const year = new Date(from[c] * MS_PER_DAY).getUTCFullYear();
    perYear[year] = (perYear[year] ?? 0) + 1;
  }
  const totalSpend = spend.reduce((a, b) => a + b, 0);
  return {
    campaignsPerYear: perYear,
    spend: totalSpend,
    creditedOrderShare: share(creditedOrders.size, new Set(order).size),
    roas: share(
      [...credited.values()].reduce((a, b) => a + b, 0),
      totalSpend,
    ),
    roasRange: roas.length ? [Math.min(...roas), Math.max(...roas)] : [0, 0],
    orderLift: lift(orders),
    sessionLift: lift(sessions),
    blackFridayCreditedShare: share(bfCredited.size, bfOrders),
  };
}

export function ticketStats(tables: Tables): TicketStats {
  const tk = tables.support_tickets;
  const csat = numbers(tk, 'csat');
  const opened = numbers(tk, 'opened_at');
  const responded = numbers(tk, 'first_response_at');
  const reason = strings(tk, 'reason') as string[];
  const rated: number[] = [];
  let december = 0;
  let decemberHigh = 0;
  const response: number[] = [];
  const reasons: Record<string, number> = {};
  for (let i = 0; i < tk.numRows; i++) {
    reasons[reason[i]] = (reasons[reason[i]] ?? 0) + 1 / tk.numRows;
    if (!Number.isNaN(responded[i])) response.push((responded[i] - opened[i]) / 3_600_000);
    if (Number.isNaN(csat[i])) continue;
    rated.push(csat[i]);
    if (new Date(opened[i]).getUTCMonth() === 11) {
      december++;
      if (csat[i] >= 4) decemberHigh++;
    }
  }
  const orders = tables.orders.numRows;
  return {
    per1000Orders: share(1000 * tk.numRows, orders),
    csatMean: share(
      rated.reduce((a, b) => a + b, 0),
      rated.length,
    ),
    csatScore: share(rated.filter((x) => x >= 4).length, rated.length),
    ratedShare: share(rated.length, tk.numRows),
    medianFirstResponseHours: median(response),
    decemberCsatScore: share(decemberHigh, december),
    reasons: Object.fromEntries(Object.entries(reasons).sort((a, b) => b[1] - a[1])),
  };
}
