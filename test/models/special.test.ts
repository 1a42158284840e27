import { expect } from '@open-wc/testing';
import { digamma, hyp2f1, lnBeta, lnGamma } from '../../src/models/special.js';
import { bfgs } from '../../src/models/bfgs.js';
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

describe('digamma()', () => {
  it('matches closed forms: ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(n + 1) = −γ + H(n), ψ(1/4) = −γ − π/2 − 3 ln 2', () => {
    const gamma = 0.5772156649015329; // Euler–Mascheroni
    expect(digamma(1)).to.be.closeTo(-gamma, 1e-13);
    expect(digamma(0.5)).to.be.closeTo(-gamma - 2 * Math.LN2, 1e-13);
    expect(digamma(0.25)).to.be.closeTo(-gamma - Math.PI / 2 - 3 * Math.LN2, 1e-12);
    // H(10) = 7381/2520.
    expect(digamma(11)).to.be.closeTo(-gamma + 7381 / 2520, 1e-13);
    // Large argument: ψ(x) ≈ ln x − 1/(2x) − 1/(12x²).
    expect(digamma(1e6)).to.be.closeTo(Math.log(1e6) - 5e-7 - 1 / 12e12, 1e-14);
  });
});

describe('bfgs()', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1) from (−1.2, 1)', () => {
    const result = bfgs(
      ([x, y]) => ({
        f: 100 * (y - x * x) ** 2 + (1 - x) ** 2,
        g: [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)],
      }),
      [-1.2, 1],
    );
    expect(result.converged).to.equal(true);
    expect(result.x[0]).to.be.closeTo(1, 1e-6);
    expect(result.x[1]).to.be.closeTo(1, 1e-6);
  });

  it('reports no convergence when the iterations run out', () => {
    const result = bfgs(([x]) => ({ f: Math.cosh(x), g: [Math.sinh(x)] }), [20], { maxIterations: 1 });
    expect(result.converged).to.equal(false);
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
