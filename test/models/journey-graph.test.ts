import { expect } from '@open-wc/testing';
import { journeyGraph, repeatPaths, sessionPaths } from '../../src/models/journey-graph.js';

describe('journey graph (src/models/journey-graph.ts)', () => {
  it('sessionPaths() runs each session from its source through the steps it reached to a purchase or an exit', () => {
    const paths = sessionPaths([
      { source: 'email', depth: 4, sessions: 2 },
      { source: 'ads', depth: 1, sessions: 3 },
      { source: 'ads', depth: 0, sessions: 1 },
    ]);
    expect(paths).to.deep.equal([
      { nodes: ['email', 'Viewed a product', 'Added to cart', 'Started checkout', 'Purchased'], count: 2 },
      { nodes: ['ads', 'Viewed a product', 'Left after viewing'], count: 3 },
      { nodes: ['ads', 'Left before viewing'], count: 1 },
    ]);
  });

  it('journeyGraph() folds paths into nodes and links, counting each link per entry node', () => {
    const g = journeyGraph(
      sessionPaths([
        { source: 'email', depth: 4, sessions: 2 },
        { source: 'ads', depth: 1, sessions: 3 },
        { source: 'ads', depth: 0, sessions: 1 },
      ]),
    );
    // 2 + 3 + 1 sessions enter.
    expect(g.total).to.equal(6);
    const node = (n: string) => g.nodes.find((x) => x.name === n);
    expect(node('Viewed a product')).to.deep.equal({ name: 'Viewed a product', column: 1, terminal: false });
    expect(node('Left after viewing')).to.deep.equal({ name: 'Left after viewing', column: 2, terminal: true });
    const link = (s: string, t: string) => g.links.find((l) => l.source === s && l.target === t);
    // Viewed a product: 2 from email and 3 from ads.
    expect(link('ads', 'Viewed a product')).to.deep.equal({
      source: 'ads',
      target: 'Viewed a product',
      value: 3,
      bySource: { ads: 3 },
    });
    expect(link('Viewed a product', 'Added to cart')!.bySource).to.deep.equal({ email: 2 });
    expect(g.links).to.have.length(7);
  });

  it('repeatPaths() sends visitors to no purchase, one purchase, or a repeat purchase', () => {
    expect(
      repeatPaths([
        { source: 'ads', purchases: 0, customers: 4 },
        { source: 'ads', purchases: 1, customers: 2 },
        { source: 'mail', purchases: 3, customers: 1 },
      ]).map((p) => p.nodes.join(' → ')),
    ).to.deep.equal([
      'ads → No purchase',
      'ads → First purchase → Bought once',
      'mail → First purchase → Repeat purchase',
    ]);
  });
});
