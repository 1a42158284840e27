import { expect, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import '../../src/components/data/mkt-data.js';
import '../../src/components/clv/mkt-clv.js';
import '../../src/components/rfm-segments/mkt-rfm-segments.js';
import '../../src/components/churn/mkt-churn.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktClv } from '../../src/components/clv/mkt-clv.js';
import type { MktRfmSegments } from '../../src/components/rfm-segments/mkt-rfm-segments.js';
import type { MktChurn } from '../../src/components/churn/mkt-churn.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import { fitBgNbd } from '../../src/models/bg-nbd.js';
import { fitWarnings } from '../../src/models/customer-value.js';
import { oneTimeBuyersDataset } from '../fixtures/one-time-buyers.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

/** A widget's current result, and what its renderResult() draws for a changed copy of it. */
function result<R>(el: MktWidget<R>): R {
  return (el as unknown as { task: { value: R } }).task.value;
}
/** The text of the warnings box that `el`'s renderResult() draws for `changed` (a copy of its result). */
function drawnWarnings<R>(el: MktWidget<R>, changed: R): string {
  const box = document.createElement('div');
  render((el as unknown as { renderResult(r: R): TemplateResult }).renderResult(changed), box);
  return box.querySelector('[data-warnings="fit"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('model elements say what their scores and fits cannot tell (test/fixtures/one-time-buyers.ts)', () => {
  let data: MktData;
  let clv: MktClv;
  let segments: MktRfmSegments;
  let churn: MktChurn;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${oneTimeBuyersDataset()}>
        <mkt-rfm-segments></mkt-rfm-segments><mkt-clv></mkt-clv><mkt-churn></mkt-churn>
      </mkt-data>`,
    );
    segments = data.querySelector('mkt-rfm-segments')!;
    clv = data.querySelector('mkt-clv')!;
    churn = data.querySelector('mkt-churn')!;
    await whenReady(data);
    await Promise.all([settled(segments), settled(clv), settled(churn)]);
  });
  after(() => data.remove());

  it('<mkt-rfm-segments> says that frequency cannot tell the 8 one-time buyers of 10 apart', async () => {
    // Scores by hand in test/metrics/rfm.test.ts: F = 1 for the eight who bought once (80 %), 5 for the two others;
    // no R or M score holds more than 3 of the 10.
    expect(text(segments, '[data-warnings="ties"]')).to.equal(
      'Frequency cannot tell 80.0% of these customers apart: they bought on 1 day and all score F = 1. Equal values get equal scores, so the rules separate them by the other two scores only.',
    );
    const rows = [...segments.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [
      tr.getAttribute('data-segment'),
      tr.querySelector('td:nth-child(2)')!.textContent!.trim(),
    ]);
    expect(rows).to.deep.equal([
      ['Potential Loyalist', '4'],
      ['Champions', '2'],
      ['Others', '2'],
      ['About To Sleep', '1'],
      ['Lost', '1'],
    ]);
    await expect(segments).shadowDom.to.be.accessible();
    segments.method = 'kmeans';
    await waitFor(() => text(segments, '.note').includes('K-means'), 'the K-means view');
    await settled(segments);
    // Clusters have no scores: no note about them.
    expect(segments.shadowRoot!.querySelector('[data-warnings="ties"]')).to.equal(null);
    segments.method = 'rules';
    await waitFor(() => segments.shadowRoot!.querySelector('[data-warnings="ties"]') !== null, 'the rules view');
  });

  it('<mkt-clv> names the parameters two repeat buyers leave undetermined, next to the parameters', () => {
    const warnings = text(clv, '[data-warnings="fit"]');
    // Two repeat buyers, both still buying: dropout (a, b) runs to the edge of its range, and so does q (two
    // customers cannot show how mean spend varies between customers).
    expect(warnings).to.contain('BG/NBD: these customers leave');
    expect(warnings).to.contain('a, b held at the edge of the allowed range');
    expect(warnings).to.contain('Gamma-Gamma: these customers leave q undetermined');
    const fit = result(clv).bgnbd!;
    expect(fit.converged).to.equal(true);
    expect(fit.atBound).to.deep.equal(['a', 'b']);
  });

  it('a fit that did not converge is said in <mkt-clv> and <mkt-rfm-segments> (<mkt-churn> uses no BG/NBD fit)', () => {
    const stopped = fitBgNbd(
      [
        { x: 0, tx: 0, T: 4 },
        { x: 2, tx: 3, T: 5 },
        { x: 1, tx: 1, T: 8 },
      ],
      { precision: 'interactive', maxEvaluations: 6 },
    );
    const [warning] = fitWarnings({ bgnbd: stopped, gammaGamma: null }).unconverged;
    expect(warning).to.contain('The BG/NBD fit did not converge');
    expect(drawnWarnings(clv, { ...result(clv), fitWarnings: [warning] })).to.equal(warning);
    expect(drawnWarnings(segments, { ...result(segments), fitWarnings: [warning] })).to.equal(warning);
    // And none of them shows one when the fits converged.
    expect(segments.shadowRoot!.querySelector('[data-warnings="fit"]')).to.equal(null);
    expect(churn.shadowRoot!.querySelector('[data-warnings="fit"]')).to.equal(null);
  });
});
