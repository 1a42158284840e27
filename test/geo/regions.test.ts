import { expect } from '@open-wc/testing';
import { BUILT_IN_PLACES, detectMap } from '../../src/geo/built-in-maps.js';
import { findPlace, placeKey } from '../../src/geo/places.js';
import { matchRegions } from '../../src/geo/match-regions.js';

const lookup = (map: keyof typeof BUILT_IN_PLACES, names: readonly string[]) =>
  names.map((n) => findPlace(BUILT_IN_PLACES[map], n) ?? null);

describe('region names', () => {
  it('placeKey() ignores case, accents, dots, apostrophes and punctuation', () => {
    expect(placeKey('São Paulo')).to.equal('sao paulo');
    expect(placeKey('U.S.A.')).to.equal('usa');
    expect(placeKey('Côte d’Ivoire')).to.equal('cote divoire');
    expect(placeKey('  Washington,   D.C. ')).to.equal('washington dc');
    expect(placeKey('Bosnia & Herzegovina')).to.equal('bosnia and herzegovina');
  });

  it('finds countries by name, alpha-2, alpha-3, numeric code and common variants', () => {
    expect(
      lookup('world', [
        'United Kingdom',
        'GB',
        'gbr',
        '826',
        'UK',
        'EIRE',
        'U.S.A.',
        'United States',
        "Cote d'Ivoire",
        'Czech Republic',
        'Czechia',
        'RSA',
        'Russia',
        'Viet Nam',
        'Germany',
        'DEU',
      ]),
    ).to.deep.equal(['GB', 'GB', 'GB', 'GB', 'GB', 'IE', 'US', 'US', 'CI', 'CZ', 'CZ', 'ZA', 'RU', 'VN', 'DE', 'DE']);
  });

  it('finds no country for names that are none, or that name two ("Congo")', () => {
    expect(lookup('world', ['Channel Islands', 'Unspecified', 'European Community', 'Congo', ''])).to.deep.equal([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('finds Brazilian states by two-letter code, ISO 3166-2 code and name, with or without accents', () => {
    expect(
      lookup('brazil-states', [
        'SP',
        'rj',
        'São Paulo',
        'Sao Paulo',
        'BR-MG',
        'Minas Gerais',
        'Distrito Federal',
        'XX',
      ]),
    ).to.deep.equal(['SP', 'RJ', 'SP', 'SP', 'MG', 'MG', 'DF', null]);
  });

  it('finds US states by USPS code, ISO 3166-2 code and name, and DC by its usual names', () => {
    expect(
      lookup('us-states', [
        'TX',
        'ca',
        'New York',
        'US-WA',
        'Washington',
        'District of Columbia',
        'Washington, D.C.',
        'Puerto Rico',
        'Ontario',
      ]),
    ).to.deep.equal(['TX', 'CA', 'NY', 'WA', 'WA', 'DC', 'DC', 'PR', null]);
  });

  it('matchRegions() groups the rows of one region named two ways and keeps the others, in order', () => {
    const rows = [
      { region: 'USA', gmv: 5 },
      { region: 'Channel Islands', gmv: 4 },
      { region: 'United States', gmv: 3 },
      { region: 'France', gmv: 2 },
      { region: 'Unspecified', gmv: 1 },
    ];
    const { byFeature, unmatched } = matchRegions(rows, BUILT_IN_PLACES.world, new Set(['US', 'FR', 'GB']));
    expect([...byFeature.keys()]).to.deep.equal(['US', 'FR']);
    expect(byFeature.get('US')!.map((r) => r.gmv)).to.deep.equal([5, 3]);
    expect(unmatched.map((r) => r.region)).to.deep.equal(['Channel Islands', 'Unspecified']);
  });

  it('matchRegions() lists a region the map knows but does not draw (Puerto Rico on Albers USA)', () => {
    const { byFeature, unmatched } = matchRegions(
      [{ region: 'Texas' }, { region: 'Puerto Rico' }],
      BUILT_IN_PLACES['us-states'],
      new Set(['TX', 'CA']),
    );
    expect([...byFeature.keys()]).to.deep.equal(['TX']);
    expect(unmatched).to.deep.equal([{ region: 'Puerto Rico' }]);
  });
});

describe('detectMap()', () => {
  const weights = (names: readonly string[]) => names.map((region) => ({ region, weight: 1 }));
  const OLIST = 'AC AL AM AP BA CE DF ES GO MA MG MS MT PA PB PE PI PR RJ RN RO RR RS SC SE SP TO'.split(' ');

  it("picks Brazil for Olist's 27 state codes, though many are also country or US codes (PA, MA, SC, ...)", () => {
    expect(detectMap(weights(OLIST))).to.deep.equal({ map: 'brazil-states', matched: 27, weight: 27 });
  });

  it("picks the world for UCI Online Retail's countries", () => {
    const uci = ['United Kingdom', 'France', 'EIRE', 'Germany', 'Channel Islands', 'Unspecified', 'RSA', 'USA'];
    // Six of the eight are countries ("Channel Islands" and "Unspecified" are not); none is a state.
    expect(detectMap(weights(uci))).to.deep.equal({ map: 'world', matched: 6, weight: 6 });
  });

  it('picks US states for state names and for USPS codes (CA is also Canada: 5 against 1)', () => {
    expect(detectMap(weights(['California', 'Texas', 'New York', 'Georgia']))?.map).to.equal('us-states');
    expect(detectMap(weights(['CA', 'TX', 'NY', 'FL', 'WA']))).to.deep.equal({
      map: 'us-states',
      matched: 5,
      weight: 5,
    });
  });

  it('breaks a tie on the customers behind the matches, then prefers US states', () => {
    // "GA" is Georgia the state and Gabon; "SP" only São Paulo. 1 match each: the heavier one wins.
    expect(
      detectMap([
        { region: 'GA', weight: 10 },
        { region: 'SP', weight: 50 },
      ])?.map,
    ).to.equal('brazil-states');
    expect(detectMap(weights(['CA']))?.map).to.equal('us-states');
  });

  it('returns null when no map knows any region', () => {
    expect(detectMap(weights(['Narnia', 'Unknown']))).to.equal(null);
    expect(detectMap([])).to.equal(null);
  });
});
