import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/anomalies/mkt-anomalies.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktAnomalies } from '../../src/components/anomalies/mkt-anomalies.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { generateDatasetIPC } from '../../generator/core/write-dataset.js';
import type { PlantedAnomaly } from '../../generator/core/planted-anomalies.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { rows } from '../../src/data/arrow-rows.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

/** 56 days from 2025-01-01, six Books orders of $20 a day; on day 30 (2025-01-31) they are $100 each. */
function steadyBooks(): InMemoryDataset {
  const transactions = [];
  for (let d = 0; d < 56; d++) {
    const day = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
    for (let k = 0; k < 6; k++) {
      transactions.push({
        id: `t${d}-${k}`,
        customer_id: 'c1',
        seller_id: 's2',
        product_id: 'p2',
        order_date: day,
        quantity: 1,
        revenue: d === 30 ? 100 : 20,
        status: 'completed',
        delivery_days: 2,
        was_late: false,
      });
    }
  }
  return tinyDataset({ rows: { transactions } });
}

describe('<mkt-anomalies> on a hand-made series', () => {
  let data: MktData;
  let el: MktAnomalies;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${steadyBooks()}><mkt-anomalies heading="Anomalies"></mkt-anomalies></mkt-data>`,
    );
    el = data.querySelector('mkt-anomalies')!;
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-anomalies')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('flags the one unusual day: $600 observed vs $120 expected', () => {
    // Every series of GMV (All, Books, silver tier) is 120 a day but 600 on Jan 31: trend (rolling median) 120,
    // weekday pattern 0, so expected $120. Residuals on the log scale are 0 except that day (d), so MAD = 0 and the
    // fallback σ = 1.2533 × d / 56, giving z = 56 / 1.2533 = 44.68. Orders (6 every day) vary not at all: no score.
    const gmv = el.anomalies.filter((a) => a.metric === 'gmv');
    expect(gmv.map((a) => a.slice).sort()).to.deep.equal(['All', 'Books', 'silver']);
    for (const a of gmv) {
      expect(a.day).to.equal('2025-01-31');
      expect(a.observed).to.equal(600);
      expect(a.expected).to.be.closeTo(120, 1e-9);
      expect(a.score).to.be.closeTo(56 / 1.2533, 1e-6);
    }
    expect(el.anomalies.some((a) => a.metric === 'orders')).to.be.false;
    expect(text(el, '.list .values')).to.equal('$600 vs $120 expected');
    expect(text(el, '.list .when')).to.equal('Jan 31, 2025');
    expect(text(el, '.list .score')).to.contain('+44.7');
  });

  it('draws the selected series with one flagged dot, and selecting another item moves the chart', async () => {
    expect(el.shadowRoot!.querySelectorAll('circle.flag').length).to.equal(1);
    const second = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pick')[1];
    second.click();
    await el.updateComplete;
    expect(second.getAttribute('aria-pressed')).to.equal('true');
    expect(text(el, 'figcaption')).to.contain(second.querySelector('.where')!.textContent!);
  });

  it('names a tier anomaly with the word the filters and charts use: "Silver tier"', () => {
    const item = el.shadowRoot!.querySelector<HTMLElement>('.item[data-slice="silver"]')!;
    expect(item.querySelector('.where')!.textContent!.trim()).to.equal('Silver tier');
  });

  it('"Filter" on a category anomaly sends mkt-filter-change for that category', async () => {
    const item = el.shadowRoot!.querySelector<HTMLElement>('.item[data-slice="Books"]')!;
    let detail: unknown = null;
    const listen = (e: MktFilterChangeEvent) => (detail = e.detail);
    data.addEventListener('mkt-filter-change', listen);
    item.querySelector<HTMLButtonElement>('.filter')!.click();
    data.removeEventListener('mkt-filter-change', listen);
    expect(detail).to.deep.equal({ categories: ['Books'] });
    await waitFor(() => data.state.filters.categories.length === 1, 'the filter to apply');
    await settled(el);
    data.setFilters({ categories: [] });
  });

  it('says it needs four weeks when the window is shorter, and a lower threshold reaches the query', async () => {
    data.setFilters({ dateFrom: '2025-01-01', dateTo: '2025-01-20' });
    await waitFor(() => text(el, '.message').includes('four weeks'), 'the too-short message');
    data.setFilters({ dateFrom: null, dateTo: null });
    await waitFor(() => el.shadowRoot!.querySelectorAll('.list li').length === 3, 'the three anomalies again');
    el.limit = 1;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.list li').length).to.equal(1);
  });
});

/** The generator's dated retail events of every year (generator/core/calendar.ts): real unusual days, not false alarms. */
const isRetailEvent = (day: string) => {
  const monthDay = day.slice(5);
  return (monthDay >= '07-08' && monthDay <= '07-11') || monthDay >= '11-21';
};

describe('<mkt-anomalies> on generated data', function () {
  this.timeout(180000);
  let planted: readonly PlantedAnomaly[];
  let found: MktAnomalies['anomalies'];
  let clean: { anomalies: MktAnomalies['anomalies']; rate: number; ordinaryRate: number };
  // Days of the generated marketing campaigns: real lifts of orders and sessions, like the retail events.
  let campaignDays: ReadonlySet<string> = new Set();
  const isKnownEvent = (day: string) => isRetailEvent(day) || campaignDays.has(day);

  async function run(plantAnomalies: boolean) {
    // One year at scale 0.5 gives each category and tier four times the daily volume of the default two years at
    // 0.25, enough for the planted series to be scored (the least daily orders and expected late orders of
    // anomaly-detection.ts); with two years at 0.25 neither planted series is scored at all.
    const { manifest, tables } = await generateDatasetIPC({ seed: 42, scale: 0.5, years: 1, plantAnomalies });
    const data: MktData = await mount(
      html`<mkt-data .source=${{ manifest, files: tables }}><mkt-anomalies limit="100"></mkt-anomalies></mkt-data>`,
    );
    const el = data.querySelector('mkt-anomalies')!;
    await whenReady(data);
    await settled(el);
    const campaigns = rows<{ day: string }>(
      await data.state.engine!.query(
        `SELECT DISTINCT strftime(unnest(range(start_date, end_date + 1, INTERVAL 1 DAY)), '%Y-%m-%d') AS day FROM campaigns`,
      ),
    );
    campaignDays = new Set(campaigns.map((c) => c.day));
    type S = { days: string[]; flagged: boolean[]; scores: number[] };
    const series = (el as unknown as { task: { value: { series: S[] } } }).task.value.series;
    let scored = 0;
    let flagged = 0;
    let ordinary = 0;
    let ordinaryFlagged = 0;
    for (const s of series) {
      s.scores.forEach((z, i) => {
        if (!Number.isFinite(z)) return;
        scored++;
        if (s.flagged[i]) flagged++;
        if (!isKnownEvent(s.days[i])) {
          ordinary++;
          if (s.flagged[i]) ordinaryFlagged++;
        }
      });
    }
    const out = {
      manifest,
      anomalies: el.anomalies,
      rate: flagged / scored,
      ordinaryRate: ordinaryFlagged / ordinary,
      scored,
    };
    data.remove();
    return out;
  }

  before(async () => {
    const withPlanted = await run(true);
    planted = withPlanted.manifest.plantedAnomalies as PlantedAnomaly[];
    found = withPlanted.anomalies;
    clean = await run(false);
  });

  it('finds the planted one-day GMV spike in its category on its day', () => {
    const spike = planted.find((p) => p.metric === 'gmv')!;
    const hit = found.find(
      (a) =>
        a.metric === 'gmv' &&
        a.dim === 'category' &&
        a.slice === spike.category &&
        a.from <= spike.start &&
        a.to >= spike.end,
    );
    expect(hit, `GMV spike in ${spike.category} on ${spike.start}`).to.exist;
    expect(hit!.day).to.equal(spike.start);
    expect(hit!.observed).to.be.greaterThan(2 * hit!.expected);
  });

  it('finds the planted week-long late-shipment surge in its tier', () => {
    const surge = planted.find((p) => p.metric === 'late_rate')!;
    const hits = found.filter(
      (a) =>
        a.metric === 'late_rate' &&
        a.dim === 'tier' &&
        a.slice === surge.tier &&
        a.to >= surge.start &&
        a.from <= surge.end,
    );
    expect(hits.length, `late surge of ${surge.tier} ${surge.start}–${surge.end}`).to.be.greaterThan(0);
    // The flagged days cover most of the week.
    const covered = hits.reduce((n, a) => n + (Date.parse(a.to) - Date.parse(a.from)) / 86_400_000 + 1, 0);
    expect(covered).to.be.at.least(4);
  });

  it('outside the retail events and campaigns, the planted anomalies are among the five strongest rises', () => {
    // The planted anomalies are rises. Small category series also dip by chance (a day of few orders) to scores as
    // large as the planted GMV spike's, so the planted ones must be among the five strongest rises.
    const ordinary = found.filter((a) => !isKnownEvent(a.day) && a.score > 0);
    const spike = planted.find((p) => p.metric === 'gmv')!;
    const surge = planted.find((p) => p.metric === 'late_rate')!;
    const top = ordinary.slice(0, 5);
    expect(
      top.some((a) => a.metric === 'gmv' && a.slice === spike.category && a.day === spike.start),
      'spike in the top 5',
    ).to.be.true;
    expect(
      top.some((a) => a.metric === 'late_rate' && a.slice === surge.tier),
      'surge in the top 5',
    ).to.be.true;
  });

  it('the same data without planting has neither, and few alarms: < 1% of scored days, < 0.5% outside retail events and campaigns', () => {
    const spike = planted.find((p) => p.metric === 'gmv')!;
    expect(
      clean.anomalies.some(
        (a) => a.metric === 'gmv' && a.dim === 'category' && a.slice === spike.category && a.day === spike.start,
      ),
    ).to.be.false;
    const surge = planted.find((p) => p.metric === 'late_rate')!;
    expect(
      clean.anomalies.some(
        (a) => a.metric === 'late_rate' && a.slice === surge.tier && a.to >= surge.start && a.from <= surge.end,
      ),
    ).to.be.false;
    expect(clean.rate).to.be.lessThan(0.01);
    expect(clean.ordinaryRate).to.be.lessThan(0.005);
  });
});
