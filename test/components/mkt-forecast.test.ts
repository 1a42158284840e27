import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/forecast/mkt-forecast.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktForecast } from '../../src/components/forecast/mkt-forecast.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

/**
 * 84 days (12 weeks) from Wednesday 2025-01-01: Books orders of $20 each, 10 a day on weekdays (Mon–Fri) and 5 on
 * weekends. Every week has 5 × $200 + 2 × $100 = $1,200: a flat series with a weekly pattern, which Holt-Winters
 * forecasts exactly ($1,200 a week, no error, so MAPE 0 and a zero-width interval).
 */
function weeklyPattern(): InMemoryDataset {
  const transactions = [];
  for (let d = 0; d < 84; d++) {
    const date = new Date(Date.UTC(2025, 0, 1 + d));
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    for (let k = 0; k < (weekend ? 5 : 10); k++) {
      transactions.push({
        id: `t${d}-${k}`,
        customer_id: 'c1',
        seller_id: 's2',
        product_id: 'p2',
        order_date: date.toISOString().slice(0, 10),
        quantity: 1,
        revenue: 20,
        status: 'completed',
        delivery_days: 2,
        was_late: false,
      });
    }
  }
  return tinyDataset({ rows: { transactions } });
}

describe('<mkt-forecast>', () => {
  let data: MktData;
  let el: MktForecast;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${weeklyPattern()}><mkt-forecast heading="Forecast"></mkt-forecast></mkt-data>`,
    );
    el = data.querySelector('mkt-forecast')!;
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-forecast')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('forecasts 8 weeks of $1,200 by default: $9,600 in total, with a 0% backtest error', () => {
    // 8 × 1,200 = 9,600. The 4 held-out weeks are 1,200 each and so are the forecasts: MAPE 0%; seasonal naive
    // (the last week before them, 1,200) is also exact.
    expect(text(el, '.headline .value')).to.equal('$9,600');
    expect(text(el, '.mape')).to.equal('0.0%');
    expect(text(el, '.naive')).to.equal('0.0%');
    expect(el.shadowRoot!.querySelectorAll('.fc-point').length).to.equal(8);
  });

  it('the weeks attribute reaches the forecast, and the table lists the weeks with their intervals', async () => {
    el.setAttribute('weeks', '3');
    await waitFor(() => text(el, '.headline .value') === '$3,600', 'a 3-week forecast');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
    await el.updateComplete;
    const cells = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    );
    // 12 weeks end on Mar 25 (84 days from Jan 1): the forecast weeks end Apr 1, 8 and 15.
    const forecast = cells.filter((c) => c[1] === 'Forecast');
    expect(forecast.map((c) => c[0])).to.deep.equal(['Apr 1, 2025', 'Apr 8, 2025', 'Apr 15, 2025']);
    expect(forecast.map((c) => c[2])).to.deep.equal(['$1,200', '$1,200', '$1,200']);
    expect(forecast[0][3]).to.equal('$1,200 – $1,200');
    expect(cells.filter((c) => c[1] === 'Actual')[0][2]).to.equal('$1,200');
  });

  it('asks for more history when the window is shorter than six weeks', async () => {
    data.setFilters({ dateFrom: '2025-01-01', dateTo: '2025-02-01' });
    await waitFor(() => text(el, '.message').includes('6 weeks'), 'the too-short message');
    data.setFilters({ dateFrom: null, dateTo: null });
  });

  it('going back to a filter state seen before reuses its fit, and a new state gets a new one', async () => {
    const value = () => (el as unknown as { task: { value: unknown } }).task.value;
    data.setFilters({ dateFrom: null, dateTo: null });
    await waitFor(() => text(el, '.headline .value') !== '' && !el.shadowRoot!.querySelector('.stale'), 'all data');
    await settled(el);
    const first = value();
    data.setFilters({ dateFrom: '2025-01-06', dateTo: '2025-03-23' });
    await waitFor(() => value() !== first && !el.shadowRoot!.querySelector('.stale'), 'the narrower window');
    await settled(el);
    const narrower = value();
    expect(narrower).to.not.equal(first);
    data.setFilters({ dateFrom: null, dateTo: null });
    await waitFor(() => value() === first, 'the first result again');
    await settled(el);
    expect(value()).to.equal(first);
  });
});
