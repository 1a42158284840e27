import { expect } from '@open-wc/testing';
import {
  DEFAULT_ASSUMPTIONS,
  NO_CHANGE,
  demandFactor,
  project,
  projectPart,
  type SliceBaseline,
} from '../../src/models/what-if.js';

const books: SliceBaseline = { key: 'Books', gmv: 1000, cost: 600, orders: 10, conversion: 0.02, lateRate: 0.1 };
const toys: SliceBaseline = { key: 'Toys', gmv: 500, cost: 200, orders: 5, conversion: 0.04, lateRate: 0.05 };

describe('what-if model', () => {
  it('changes nothing without a change', () => {
    const p = project([books, toys], 'Books', NO_CHANGE);
    expect(p.projected).to.deep.equal(p.baseline);
    // 1000 + 500, 600 + 200: margin 1500 − 800 = 700.
    expect(p.baseline).to.deep.equal({ gmv: 1500, orders: 15, cost: 800, margin: 700 });
  });

  it('a 10% price rise at elasticity −1.5 sells 13.3% less and earns 4.7% less GMV', () => {
    // q = 1.1^−1.5 = 1 / 1.15369 = 0.866784; GMV = 1000 × 1.1 × 0.866784 = 953.46; cost 600 × q = 520.07.
    const p = project([books], 'Books', { ...NO_CHANGE, priceChange: 0.1 });
    expect(p.demandFactor).to.be.closeTo(0.866784, 1e-6);
    expect(p.projected.gmv).to.be.closeTo(953.46, 0.01);
    expect(p.projected.cost).to.be.closeTo(520.07, 0.01);
    expect(p.projected.margin).to.be.closeTo(433.39, 0.01);
    expect(p.projected.orders).to.be.closeTo(8.6678, 1e-4);
  });

  it('applies a promotion with its own elasticity: 20% off at −2 sells 56.25% more', () => {
    // 0.8^−2 = 1.5625; GMV = 1000 × 0.8 × 1.5625 = 1250; cost 600 × 1.5625 = 937.5; margin 312.5.
    const p = project([books], 'Books', { ...NO_CHANGE, discount: 0.2 });
    expect(p.projected.gmv).to.be.closeTo(1250, 1e-9);
    expect(p.projected.margin).to.be.closeTo(312.5, 1e-9);
  });

  it('scales orders with conversion and with the late rate', () => {
    // Conversion 2% → 2.5%: × 1.25. Late 10% → 5%: 5 points better × 1% per point = × 1.05.
    expect(demandFactor(books, { ...NO_CHANGE, conversion: 0.025 })).to.be.closeTo(1.25, 1e-12);
    expect(demandFactor(books, { ...NO_CHANGE, lateRate: 0.05 })).to.be.closeTo(1.05, 1e-12);
    expect(
      demandFactor(books, { ...NO_CHANGE, lateRate: 0.3 }, { ...DEFAULT_ASSUMPTIONS, lateOrderLoss: 0.02 }),
    ).to.be.closeTo(0.6, 1e-12);
  });

  it('combines every lever on one slice and leaves the others alone', () => {
    // q = 1.1^−1.5 × 0.8^−2 × 1.25 × 1.05 = 0.866784 × 1.5625 × 1.25 × 1.05 = 1.777585;
    // Books GMV = 1000 × 1.1 × 0.8 × 1.777585 = 1564.27, cost 600 × 1.777585 = 1066.55; Toys unchanged 500 / 200.
    const p = project([books, toys], 'Books', { priceChange: 0.1, discount: 0.2, conversion: 0.025, lateRate: 0.05 });
    expect(p.demandFactor).to.be.closeTo(1.777585, 1e-6);
    expect(p.projected.gmv).to.be.closeTo(1564.27 + 500, 0.01);
    expect(p.projected.cost).to.be.closeTo(1066.55 + 200, 0.01);
    expect(p.projected.orders).to.be.closeTo(17.77585 + 5, 1e-4);
    expect(p.projected.margin).to.be.closeTo(1564.27 + 500 - 1266.55, 0.02);
  });

  it('ignores the conversion lever when the baseline conversion is unknown', () => {
    expect(
      demandFactor({ conversion: null, lateRate: null }, { ...NO_CHANGE, conversion: 0.5, lateRate: 0.5 }),
    ).to.equal(1);
  });

  it('with no target, applies the levers to every slice', () => {
    // Both slices × 1.1 × 0.866784 in GMV: 1500 × 0.953462 = 1430.19.
    const p = project([books, toys], null, { ...NO_CHANGE, priceChange: 0.1 });
    expect(p.projected.gmv).to.be.closeTo(1430.19, 0.01);
  });

  it('projectPart() changes one part of everything and keeps the rest at its baseline', () => {
    // Everything: Books + Toys = GMV 1500, cost 800, 15 orders. Books 10% dearer at −1.5: GMV 953.46, cost 520.07
    // (see above); the rest (GMV 500, cost 200) unchanged: 1453.46 and 720.07.
    const all: SliceBaseline = { key: 'All', gmv: 1500, cost: 800, orders: 15, conversion: null, lateRate: null };
    const p = projectPart(all, books, { ...NO_CHANGE, priceChange: 0.1 });
    expect(p.baseline).to.deep.equal({ gmv: 1500, orders: 15, cost: 800, margin: 700 });
    expect(p.projected.gmv).to.be.closeTo(1453.46, 0.01);
    expect(p.projected.cost).to.be.closeTo(720.07, 0.01);
    // Without a part, everything: 1500 × 1.1 × 0.866784 = 1430.19.
    expect(projectPart(all, null, { ...NO_CHANGE, priceChange: 0.1 }).projected.gmv).to.be.closeTo(1430.19, 0.01);
  });
});
