import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/cohort-heatmap/mkt-cohort-heatmap.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktCohortHeatmap } from '../../src/components/cohort-heatmap/mkt-cohort-heatmap.js';
import { cdnowDataset, sharedText } from '../support/cdnow.js';
import { mount, settled, whenReady } from '../support/dom.js';

// Published CDNOW monthly cohort retention (REFERENCE.md): months 1, 6 and 12 of the first three cohorts.
const REFERENCE: Record<string, Record<number, string>> = {
  '1997-01': { 1: '14.75', 6: '9.18', 12: '6.73' },
  '1997-02': { 1: '15.48', 6: '7.39', 12: '6.70' },
  '1997-03': { 1: '14.24', 6: '7.74', 12: '9.35' },
};

describe('<mkt-cohort-heatmap> on the CDNOW master data, loaded through <mkt-data>', function () {
  let data: MktData | undefined;
  let heatmap: MktCohortHeatmap;
  before(async function () {
    const text = await sharedText('cdnow/CDNOW_master.txt');
    if (text === null) return this.skip();
    const el = await mount<MktData>(
      html`<mkt-data .source=${cdnowDataset(text)}><mkt-cohort-heatmap periods="13"></mkt-cohort-heatmap></mkt-data>`,
    );
    data = el;
    heatmap = el.querySelector('mkt-cohort-heatmap')!;
    await whenReady(el);
    expect(el.state.status, el.state.error?.message).to.equal('ready');
    await settled(heatmap);
  });
  after(() => data?.remove());

  for (const [cohort, months] of Object.entries(REFERENCE)) {
    it(`retains the ${cohort} cohort as published in months 1, 6 and 12`, () => {
      const got = Object.keys(months).map((k) => {
        const cell = heatmap.shadowRoot!.querySelector(`.cell[data-key="${cohort}"][data-column="${k}"]`);
        return (Number(cell?.getAttribute('data-value')) * 100).toFixed(2);
      });
      expect(got).to.deep.equal(Object.values(months));
    });
  }

  it('shows 13 columns (months 0 to 12) when periods="13"', () => {
    const row = heatmap.shadowRoot!.querySelectorAll('.cell[data-key="1997-01"]');
    expect(row.length).to.equal(13);
  });
});
