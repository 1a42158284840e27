import { expect } from '@open-wc/testing';
import { detectMap } from '../../src/geo/built-in-maps.js';
import { loadBuiltInMap } from '../../src/geo/load-map.js';
import { matchRegions } from '../../src/geo/match-regions.js';
import { choroplethLayout } from '../../src/charts/choropleth.js';
import { tableFromIPC } from 'apache-arrow';
import { parquetToArrowStream } from '../../src/data/parquet.js';
import { sharedText } from '../support/shared-data.js';

/** The regions a 600 px wide map of `map` draws, and how the given region names fall onto it. */
async function onMap(map: 'brazil-states' | 'world', names: readonly string[]) {
  const loaded = await loadBuiltInMap(map);
  const drawn = new Set(choroplethLayout(loaded.features, loaded.projection, 600).shapes.map((s) => s.id));
  return matchRegions(
    names.map((region) => ({ region })),
    loaded.places,
    drawn,
  );
}

describe('the regions of real datasets on the built-in maps (needs ../shared/data)', function () {
  this.timeout(60000);

  it('Olist: every Brazilian state of customers.csv is matched, and the Brazil map is picked', async function () {
    const csv = await sharedText('olist-2017-subset/customers.csv');
    if (csv === null) this.skip();
    const [header, ...lines] = csv!.trim().split(/\r?\n/);
    const column = header.split(',').indexOf('customer_state');
    const counts = new Map<string, number>();
    for (const line of lines) {
      const state = line.split(',')[column];
      counts.set(state, (counts.get(state) ?? 0) + 1);
    }
    // The subset has customers in all 26 states and the Federal District.
    expect(counts.size).to.equal(27);
    const detected = detectMap([...counts].map(([region, weight]) => ({ region, weight })));
    expect(detected).to.deep.equal({ map: 'brazil-states', matched: 27, weight: lines.length });
    const { byFeature, unmatched } = await onMap('brazil-states', [...counts.keys()]);
    expect(unmatched).to.deep.equal([]);
    expect(byFeature.size).to.equal(27);
  });

  it('UCI Online Retail: every country is matched but "Channel Islands", "European Community" and "Unspecified"', async function () {
    const response = await fetch('/shared-data/uci-online-retail/online_retail.parquet');
    if (!response.ok) {
      console.warn('[marketkit tests] uci-online-retail/online_retail.parquet is not available; skipping.');
      this.skip();
    }
    const table = tableFromIPC(await parquetToArrowStream(new Uint8Array(await response.arrayBuffer())));
    const countries = [...new Set(table.getChild('Country')!.toArray() as string[])].sort();
    // 38 values: 35 countries (as names, "EIRE", "RSA" and "USA") and three that are none.
    expect(countries.length).to.equal(38);
    expect(detectMap(countries.map((region) => ({ region, weight: 1 })))?.map).to.equal('world');
    const { byFeature, unmatched } = await onMap('world', countries);
    expect(unmatched.map((r) => r.region)).to.deep.equal(['Channel Islands', 'European Community', 'Unspecified']);
    expect(byFeature.size).to.equal(35);
    for (const id of ['IE', 'ZA', 'US', 'SG', 'MT', 'BH', 'HK']) expect(byFeature.has(id), id).to.equal(true);
  });
});
