/**
 * Invariants of campaigns and support tickets: a campaign lies inside the data with start <= end and spend > 0, on
 * a channel that is a traffic source; an order line or a session credited to a campaign (last touch) falls on the
 * campaign's days, every line of an order names the same campaign, and a campaign session arrived through the
 * campaign's channel. A ticket about an order names an order of the same customer, opened on or after the order,
 * at most `end`; its seller sold in that order; responses come after opening and resolution after the response;
 * CSAT is 1..5 and only on resolved tickets.
 */
import { TRAFFIC_SOURCES } from '../../src/schema/tables.js';
import { MS_PER_DAY, days, indexById, numbers, strings, type Tables } from './columns.js';
import type { Violations } from './invariants.js';

export function marketingServiceViolations(tables: Tables, start: number, end: number, v: Violations): void {
  const cp = tables.campaigns;
  const campaign = indexById(strings(cp, 'id'));
  const from = days(cp, 'start_date');
  const to = days(cp, 'end_date');
  const channel = strings(cp, 'channel');
  const spend = numbers(cp, 'spend');
  for (let i = 0; i < cp.numRows; i++) {
    v.check(from[i] >= start && from[i] <= to[i] && to[i] <= end, 'campaign days inside the data', () => `row ${i}`);
    v.check(spend[i] > 0, 'campaign spend > 0', () => `row ${i}`);
    v.check(
      (TRAFFIC_SOURCES as readonly (string | null)[]).includes(channel[i]),
      'campaign channel is a traffic source',
      () => `${channel[i]}`,
    );
  }
  const during = (id: string | null, day: number) => {
    const c = id === null ? undefined : campaign.get(id);
    return c !== undefined && day >= from[c] && day <= to[c];
  };

  const tx = tables.transactions;
  const txOrder = strings(tx, 'order_id');
  const txCampaign = strings(tx, 'campaign_id');
  const txDay = days(tx, 'order_date');
  const txCustomer = strings(tx, 'customer_id');
  const txSeller = strings(tx, 'seller_id');
  const orderCampaign = new Map<string, string | null>();
  const orders = new Map<string, { customer: string | null; day: number; sellers: Set<string | null> }>();
  for (let i = 0; i < tx.numRows; i++) {
    const order = txOrder[i]!;
    if (txCampaign[i] !== null)
      v.check(during(txCampaign[i], txDay[i]), 'a credited line falls on its campaign', () => `${order}`);
    if (!orderCampaign.has(order)) orderCampaign.set(order, txCampaign[i]);
    else v.check(orderCampaign.get(order) === txCampaign[i], 'every line of an order names one campaign', () => order);
    const o = orders.get(order) ?? { customer: txCustomer[i], day: txDay[i], sellers: new Set() };
    o.sellers.add(txSeller[i]);
    orders.set(order, o);
  }

  const pe = tables.page_events;
  const peCampaign = strings(pe, 'campaign_id');
  const peSource = strings(pe, 'traffic_source');
  const peTime = numbers(pe, 'event_time');
  for (let i = 0; i < pe.numRows; i++) {
    const id = peCampaign[i];
    if (id === null) continue;
    v.check(
      during(id, Math.floor(peTime[i] / MS_PER_DAY)),
      'a campaign session falls on its campaign',
      () => `event row ${i}`,
    );
    const c = campaign.get(id);
    v.check(
      c !== undefined && peSource[i] === channel[c],
      "a campaign session comes through the campaign's channel",
      () => `event row ${i}`,
    );
  }

  const tk = tables.support_tickets;
  const tkOrder = strings(tk, 'order_id');
  const tkCustomer = strings(tk, 'customer_id');
  const tkSeller = strings(tk, 'seller_id');
  const opened = numbers(tk, 'opened_at');
  const responded = numbers(tk, 'first_response_at');
  const resolved = numbers(tk, 'resolved_at');
  const csat = numbers(tk, 'csat');
  const lastMs = (end + 1) * MS_PER_DAY;
  for (let i = 0; i < tk.numRows; i++) {
    const order = tkOrder[i] === null ? undefined : orders.get(tkOrder[i]!);
    if (tkOrder[i] !== null) {
      v.check(
        order !== undefined && order.customer === tkCustomer[i],
        'a ticket names an order of its customer',
        () => `ticket row ${i}`,
      );
      v.check(
        order === undefined || opened[i] >= order.day * MS_PER_DAY,
        'a ticket opens on or after its order',
        () => `ticket row ${i}`,
      );
      v.check(
        order === undefined || tkSeller[i] === null || order.sellers.has(tkSeller[i]),
        "a ticket's seller sold in its order",
        () => `ticket row ${i}`,
      );
    }
    v.check(opened[i] < lastMs, 'a ticket opens within the data', () => `ticket row ${i}`);
    v.check(
      Number.isNaN(responded[i]) || (responded[i] >= opened[i] && responded[i] < lastMs),
      'first response after opening, within the data',
      () => `ticket row ${i}`,
    );
    v.check(
      Number.isNaN(resolved[i]) || (resolved[i] >= responded[i] && resolved[i] < lastMs),
      'resolved after the first response, within the data',
      () => `ticket row ${i}`,
    );
    v.check(
      Number.isNaN(csat[i]) ||
        (Number.isInteger(csat[i]) && csat[i] >= 1 && csat[i] <= 5 && !Number.isNaN(resolved[i])),
      'CSAT 1..5, on resolved tickets',
      () => `ticket row ${i}`,
    );
  }
}
