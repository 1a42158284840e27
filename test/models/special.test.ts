import { expect } from '@open-wc/testing';
import { hyp2f1, lnBeta, lnGamma } from '../../src/models/special.js';
import { nelderMead } from '../../src/models/nelder-mead.js';

describe('special functions', () => {
  it('lnGamma() matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(5)).to.be.closeTo(Math.log(24), 1e-12);
    expect(lnGamma(11)).to.be.closeTo(Math.log(3628800), 1e-12);
    expect(lnGamma(0.5)).to.be.closeTo(0.5 * Math.log(Math.PI), 1e-12);
    expect(lnGamma(0.1)).to.be.closeTo(Math.log(9.513507698668732), 1e-12);
  });

  it('lnBeta() is ln(Γ(a)Γ(b)/Γ(a+b)): B(2, 3) = 1/12', () => {
    expect(lnBeta(2, 3)).to.be.closeTo(Math.log(1 / 12), 1e-12);
  });

  it('hyp2f1() matches closed forms on both branches (direct series and Euler transformation)', () => {
    // 2F1(1, 1; 2; z) = −ln(1 − z) / z  (c − a − b = 0: direct series)
    for (const z of [0.1, 0.5, 0.9, 0.99]) expect(hyp2f1(1, 1, 2, z)).to.be.closeTo(-Math.log(1 - z) / z, 1e-10);
    // 2F1(a, b; b; z) = (1 − z)^(−a)  (c − a − b = −a < 0: Euler transformation)
    for (const z of [0.2, 0.7, 0.95])
      expect(hyp2f1(2.5, 3, 3, z)).to.be.closeTo(Math.pow(1 - z, -2.5), 1e-9 * Math.pow(1 - z, -2.5));
    expect(hyp2f1(1, 2, 3, 0)).to.equal(1);
    expect(() => hyp2f1(1, 1, 2, 1)).to.throw(RangeError);
  });
});

describe('nelderMead()', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = ([x, y]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { fTolerance: 1e-14, xTolerance: 1e-9 });
    expect(result.converged).to.equal(true);
    expect(result.x[0]).to.be.closeTo(1, 1e-5);
    expect(result.x[1]).to.be.closeTo(1, 1e-5);
  });

  it('treats non-finite values as +∞ and stays in the finite region', () => {
    const f = ([x]: readonly number[]) => (x < 0 ? NaN : (x - 2) ** 2);
    expect(nelderMead(f, [1]).x[0]).to.be.closeTo(2, 1e-5);
  });
});
