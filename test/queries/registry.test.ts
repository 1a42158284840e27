import { expect } from '@open-wc/testing';
import {
  buildQuery,
  isQueryName,
  named,
  QUERY_BUILDERS,
  type NamedQuery,
  type QueryName,
} from '../../src/queries/registry.js';
import { filters, SAMPLES } from '../fixtures/query-samples.js';

describe('Named-query registry', () => {
  it('has representative arguments in this test for every query it names', () => {
    expect(Object.keys(SAMPLES).sort()).to.deep.equal(Object.keys(QUERY_BUILDERS).sort());
  });

  for (const [name, queries] of Object.entries(SAMPLES) as [QueryName, readonly NamedQuery[]][]) {
    it(`${name}: the server builds the same SQL from the arguments as JSON sent them`, () => {
      for (const q of queries) {
        expect(q.name).to.equal(name);
        const sent = JSON.parse(JSON.stringify({ name: q.name, args: q.args })) as { name: unknown; args: unknown };
        expect(isQueryName(sent.name)).to.be.true;
        const rebuilt = buildQuery(sent.name as QueryName, sent.args as NamedQuery['args']);
        expect(rebuilt).to.equal(q.sql);
        expect(rebuilt.length).to.be.greaterThan(20);
      }
    });
  }

  it('named() leaves out trailing undefined arguments, which JSON would turn into null', () => {
    const q = named('support', filters, undefined);
    expect(q.args).to.have.length(1);
    expect(JSON.parse(JSON.stringify(q.args))).to.deep.equal(q.args);
    expect(q.sql).to.equal(named('support', filters, 'all').sql);
  });

  it('isQueryName() accepts only the registry names (never one inherited from Object)', () => {
    expect(isQueryName('orderKpis')).to.be.true;
    for (const bad of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'SELECT 1', '', 42, null])
      expect(isQueryName(bad), String(bad)).to.be.false;
  });
});
