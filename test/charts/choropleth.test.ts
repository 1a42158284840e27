import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { rgb } from 'd3';
import { choropleth, choroplethColor, sequentialRamp, type ChoroplethOptions } from '../../src/charts/choropleth.js';
import { loadBuiltInMap, loadUserMap, MapError, type GeoMap } from '../../src/geo/load-map.js';
import { matchSvgSnapshot, renderChart } from '../support/svg-snapshot.js';

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const { r, g, b: bl } = rgb(c);
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Renders a choropleth into the page and returns its SVG. */
function draw(map: GeoMap, values: Map<string, number>, options: Partial<ChoroplethOptions> = {}): SVGSVGElement {
  const host = document.createElement('div');
  document.body.append(host);
  const max = Math.max(...values.values());
  render(
    choropleth(map.features, values, {
      width: 600,
      projection: map.projection,
      color: choroplethColor(max, 'light'),
      describe: (id) => `${id}: ${values.get(id)}`,
      label: 'test map',
      ...options,
    }),
    host,
  );
  return host.querySelector('svg')!;
}

const path = (svg: SVGSVGElement, id: string) => svg.querySelector<SVGPathElement>(`path[data-region="${id}"]`)!;
const centre = (p: SVGGraphicsElement) => {
  const b = p.getBBox();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2, width: b.width, height: b.height };
};

describe('choropleth colours', () => {
  it('run light to dark blue on a light background, and dark to light on a dark one (d3 Blues 0.15–0.95)', () => {
    expect(sequentialRamp('light')(0)).to.equal('rgb(217, 232, 245)');
    expect(sequentialRamp('light')(1)).to.equal('rgb(8, 61, 126)');
    expect(sequentialRamp('dark')(0)).to.equal('rgb(8, 61, 126)');
    expect(sequentialRamp('dark')(1)).to.equal('rgb(217, 232, 245)');
  });

  it('read "more = more contrast" with the background in both themes', () => {
    for (const [scheme, bg] of [
      ['light', '#ffffff'],
      ['dark', '#16191d'],
    ] as const) {
      const ramp = sequentialRamp(scheme);
      const ratios = [0, 0.25, 0.5, 0.75, 1].map((t) => contrast(ramp(t), bg));
      for (let i = 1; i < ratios.length; i++)
        expect(ratios[i], `${scheme} at ${i / 4}`).to.be.greaterThan(ratios[i - 1]);
      expect(ratios[4], `${scheme}: the largest value stands out`).to.be.greaterThan(9);
    }
  });

  it('choroplethColor() places a value at value / max on the ramp', () => {
    const color = choroplethColor(200, 'light');
    expect(color(50)).to.equal(sequentialRamp('light')(0.25));
    expect(color(200)).to.equal(sequentialRamp('light')(1));
    expect(color(500)).to.equal(sequentialRamp('light')(1));
  });
});

describe('choropleth() on the built-in maps', function () {
  this.timeout(30000);

  it('draws the 27 Brazilian states, fills the three with values by hand, and puts São Paulo south-east of Amazonas', async () => {
    const brazil = await loadBuiltInMap('brazil-states');
    expect(brazil.features.map((f) => f.id).sort()).to.have.length(27);
    // SP 300 is the largest: the ramp's end; RJ 150 / 300 = 0.5; MG 75 / 300 = 0.25.
    const svg = draw(
      brazil,
      new Map([
        ['SP', 300],
        ['RJ', 150],
        ['MG', 75],
      ]),
    );
    expect(svg.querySelectorAll('path.region').length).to.equal(27);
    expect(svg.querySelectorAll('path.region.mark').length).to.equal(3);
    expect(path(svg, 'SP').getAttribute('fill')).to.equal('rgb(8, 61, 126)');
    expect(path(svg, 'RJ').getAttribute('fill')).to.equal(sequentialRamp('light')(0.5));
    expect(path(svg, 'MG').getAttribute('fill')).to.equal(sequentialRamp('light')(0.25));
    expect(path(svg, 'SP').getAttribute('aria-label')).to.equal('SP: 300');
    expect(path(svg, 'SP').getAttribute('tabindex')).to.equal('0');
    // The grey states are not buttons; Amazonas is one of them.
    const amazonas = [...svg.querySelectorAll<SVGPathElement>('path.region.empty')].sort(
      (a, b) => b.getBBox().width * b.getBBox().height - a.getBBox().width * a.getBBox().height,
    )[0];
    const sp = centre(path(svg, 'SP'));
    const am = centre(amazonas);
    expect(sp.x).to.be.greaterThan(am.x);
    expect(sp.y).to.be.greaterThan(am.y);
    // Fitted to the width: Brazil is about as tall as it is wide (capped at 3/4 of the width).
    expect(Number(svg.getAttribute('width'))).to.equal(600);
    expect(Number(svg.getAttribute('height'))).to.equal(450);
    svg.parentElement!.remove();
  });

  it('draws the world without Antarctica, with the US west of the UK, and small countries as dots', async () => {
    const world = await loadBuiltInMap('world');
    const ids = new Set(world.features.map((f) => f.id));
    expect(ids.has('AQ'), 'Antarctica').to.equal(false);
    for (const id of ['US', 'GB', 'FR', 'BR', 'SG', 'MT', 'BH', 'HK', 'JE', 'GG'])
      expect(ids.has(id), id).to.equal(true);
    const svg = draw(
      world,
      new Map([
        ['US', 20],
        ['GB', 10],
        ['SG', 5],
      ]),
    );
    expect(svg.querySelectorAll('path.region.mark').length).to.equal(3);
    expect(path(svg, 'GB').getAttribute('fill')).to.equal(sequentialRamp('light')(0.5));
    expect(path(svg, 'SG').getAttribute('fill')).to.equal(sequentialRamp('light')(0.25));
    expect(centre(path(svg, 'US')).x).to.be.lessThan(centre(path(svg, 'GB')).x);
    // Singapore is well under a pixel at this size: a dot of radius 2.5 px.
    const sg = centre(path(svg, 'SG'));
    expect(sg.width).to.be.closeTo(5, 0.2);
    // Equal Earth without Antarctica is a little over twice as wide as tall.
    const ratio = Number(svg.getAttribute('width')) / Number(svg.getAttribute('height'));
    expect(ratio).to.be.within(2, 2.6);
    svg.parentElement!.remove();
  });

  it('leaves out what Albers USA cannot show (Guam) and draws the 50 states, DC and nothing else', async () => {
    const us = await loadBuiltInMap('us-states');
    const svg = draw(us, new Map([['TX', 1]]));
    const drawn = [...svg.querySelectorAll('path.region')];
    expect(drawn.length).to.equal(51);
    expect(svg.querySelector('[data-region="GU"]')).to.equal(null);
    svg.parentElement!.remove();
  });
});

describe('a map of the page’s own', function () {
  this.timeout(30000);
  const URL = '/test/fixtures/maps/three-zones.geojson';

  it('reads a GeoJSON file by the property region-key names, wound either way, fitted to the width', async () => {
    const map = await loadUserMap(URL, 'zone', ['West Zone']);
    expect(map.features.map((f) => f.id)).to.deep.equal(['West Zone', 'Middle Zone', "Île de l'Est"]);
    const svg = draw(
      map,
      new Map([
        ['West Zone', 4],
        ['Middle Zone', 2],
      ]),
    );
    // Three 10° squares side by side (wound counter-clockwise as RFC 7946 has it): each about a third of the width.
    // Taken for "the globe but this square" they would each span the whole map.
    const west = centre(path(svg, 'West Zone'));
    const middle = centre(path(svg, 'Middle Zone'));
    expect(west.width).to.be.within(150, 250);
    expect(middle.x).to.be.greaterThan(west.x);
    expect(path(svg, 'Middle Zone').getAttribute('fill')).to.equal(sequentialRamp('light')(0.5));
    expect(svg.querySelectorAll('path.region.empty').length).to.equal(1);
    svg.parentElement!.remove();
  });

  it('draws three zones, two with values as toggle buttons and one grey and hidden (snapshot), accessibly', async () => {
    const map = await loadUserMap(URL, 'code', []);
    const selected: string[] = [];
    const host = renderChart(
      choropleth(
        map.features,
        new Map([
          ['W', 4],
          ['M', 1],
        ]),
        {
          width: 300,
          projection: map.projection,
          color: choroplethColor(4, 'light'),
          describe: (id) => `Zone ${id}`,
          label: 'Orders by zone',
          selected: new Set(['M']),
          onSelect: (id) => selected.push(id),
        },
      ),
    );
    try {
      await matchSvgSnapshot(host, 'choropleth');
      const svg = host.shadowRoot!.querySelector('svg')!;
      expect(svg.getAttribute('aria-label')).to.equal('Orders by zone');
      const marks = [...svg.querySelectorAll<SVGPathElement>('path.mark')];
      // W holds the largest value (the ramp's end), M a quarter of it; E has none: no button, no name.
      expect(
        marks.map((m) => [m.dataset.region, m.getAttribute('aria-pressed'), m.getAttribute('fill')]),
      ).to.deep.equal([
        ['W', 'false', sequentialRamp('light')(1)],
        ['M', 'true', sequentialRamp('light')(0.25)],
      ]);
      expect(svg.querySelector('path.empty')!.closest('[aria-hidden="true"]')).to.not.equal(null);
      marks[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      marks[1].dispatchEvent(new MouseEvent('click'));
      expect(selected).to.deep.equal(['W', 'M']);
      await expect(host).to.be.accessible();
    } finally {
      host.remove();
    }
  });

  it('matches names without regard to case and accents', async () => {
    const map = await loadUserMap(URL, 'code', []);
    expect(map.features.map((f) => f.id)).to.deep.equal(['W', 'M', 'E']);
    const zones = await loadUserMap(URL, 'zone', []);
    expect(zones.places.byKey.get('ile de lest')).to.equal("Île de l'Est");
  });

  it('says which URL failed and why: HTTP status, not JSON, no such property', async () => {
    const failure = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (e) {
        return e as MapError;
      }
      throw new Error('expected a failure');
    };
    const missing = await failure(loadUserMap('/test/fixtures/maps/missing.json', 'name', []));
    expect(missing).to.be.instanceOf(MapError);
    expect(missing.code).to.equal('fetch-failed');
    expect(missing.message).to.equal('The map could not be loaded from /test/fixtures/maps/missing.json (HTTP 404).');
    const text = await failure(loadUserMap('/test/fixtures/maps/html-page.txt', 'name', []));
    expect(text.code).to.equal('file-malformed');
    expect(text.message).to.contain('/test/fixtures/maps/html-page.txt is not JSON');
    const key = await failure(loadUserMap(URL, 'NAME_1', []));
    expect(key.code).to.equal('file-malformed');
    expect(key.message).to.equal(
      `No region of the map at ${URL} has a property "NAME_1" (region-key); its properties are "zone", "code".`,
    );
  });
});
