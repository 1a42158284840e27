import { conditionalExpectedPurchases, fitBgNbd, probabilityAlive, type BgNbdFit, type BgNbdParams } from './bg-nbd.js';
import {
  discountedPurchases,
  expectedSpend,
  fitGammaGamma,
  type GammaGammaFit,
  type GammaGammaParams,
} from './gamma-gamma.js';

/** Customers in BG/NBD form, column-wise (cheap to copy to a worker): time in weeks, see customer-summary SQL. */
export interface CustomerColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Mean value of the repeat purchases (0 when x = 0). */
  readonly mx: Float64Array;
  /** All revenue of the customer in the window (used when no spend model can be fitted). */
  readonly monetary: Float64Array;
}

export interface CustomerValueOptions {
  /** Horizon of the expected purchases and CLV, in weeks (default 52). */
  readonly horizonWeeks?: number;
  /** Monthly discount rate of the CLV (default 0.01). */
  readonly discountRate?: number;
  /** Parameters of an earlier fit to start from (see FitOptions): refits on a filter change then take a few steps. */
  readonly warmStart?: { readonly bgnbd?: BgNbdParams; readonly gammaGamma?: GammaGammaParams };
  /** The same customers at an earlier cut-off (same order), for P(alive) then; NaN where they had not bought yet. */
  readonly earlier?: CustomerColumns & { readonly index: Int32Array };
}

export interface CustomerValues {
  readonly bgnbd: BgNbdFit | null;
  /** Null when fewer than two repeat buyers: spend then falls back to each customer's own mean purchase. */
  readonly gammaGamma: GammaGammaFit | null;
  /** E[purchases in the horizon | history]. */
  readonly expected: Float64Array;
  readonly pAlive: Float64Array;
  /** Expected value of a future purchase. */
  readonly spend: Float64Array;
  readonly clv: Float64Array;
  /** P(alive) at the earlier cut-off, per customer (NaN when not given or not yet a customer then). */
  readonly pAliveEarlier: Float64Array;
  /** Why the model could not be fitted, when it could not. */
  readonly problem: string | null;
  readonly ms: number;
}

/**
 * Fits BG/NBD on every customer and Gamma-Gamma on the repeat buyers, then predicts each customer's expected
 * purchases over the horizon, P(alive), expected spend per purchase and discounted CLV. Predictions are
 * computed once per distinct (x, t_x, T, m_x), which on real data is far fewer than the customers.
 */
export function customerValues(c: CustomerColumns, options: CustomerValueOptions = {}): CustomerValues {
  const start = performance.now();
  const n = c.x.length;
  const horizonWeeks = options.horizonWeeks ?? 52;
  const discountRate = options.discountRate ?? 0.01;
  const expected = new Float64Array(n).fill(Number.NaN);
  const pAlive = new Float64Array(n).fill(Number.NaN);
  const spend = new Float64Array(n).fill(Number.NaN);
  const clv = new Float64Array(n).fill(Number.NaN);
  const pAliveEarlier = new Float64Array(n).fill(Number.NaN);
  const done = (bgnbd: BgNbdFit | null, gammaGamma: GammaGammaFit | null, problem: string | null): CustomerValues => ({
    bgnbd,
    gammaGamma,
    expected,
    pAlive,
    spend,
    clv,
    pAliveEarlier,
    problem,
    ms: performance.now() - start,
  });
  const rows = Array.from({ length: n }, (_, i) => ({ x: c.x[i], tx: c.tx[i], T: c.T[i] }));
  const observed = rows.filter((r) => r.T > 0);
  if (observed.length < 2) return done(null, null, 'Too few customers to fit the model.');
  if (!observed.some((r) => r.x > 0))
    return done(null, null, 'No customer has bought twice in this window: repeat behaviour cannot be estimated.');
  const bgnbd = fitBgNbd(rows, { start: options.warmStart?.bgnbd, precision: 'interactive' });
  const buyers = rows.map((r, i) => ({ x: r.x, mx: c.mx[i] })).filter((r) => r.x > 0 && r.mx > 0);
  let gammaGamma: GammaGammaFit | null = null;
  if (buyers.length >= 2) {
    const fit = fitGammaGamma(buyers, { start: options.warmStart?.gammaGamma, precision: 'interactive' });
    if (fit.params.q > 1 && Number.isFinite(fit.meanSpend)) gammaGamma = fit;
  }
  const p: BgNbdParams = bgnbd.params;
  // Expected purchases, P(alive) and the discounted purchases depend on (x, t_x, T) only: once per distinct history.
  const memo = new Map<string, [number, number, number]>();
  for (let i = 0; i < n; i++) {
    const { x, tx, T } = rows[i];
    const key = `${x}|${tx}|${T}`;
    let v = memo.get(key);
    if (!v) {
      v = [
        conditionalExpectedPurchases(p, horizonWeeks, x, tx, T),
        probabilityAlive(p, x, tx, T),
        discountedPurchases(p, x, tx, T, { horizonWeeks, discountRate }),
      ];
      memo.set(key, v);
    }
    const s = gammaGamma ? expectedSpend(gammaGamma.params, x, c.mx[i]) : c.monetary[i] / (x + 1);
    expected[i] = v[0];
    pAlive[i] = v[1];
    spend[i] = s;
    clv[i] = s > 0 ? s * v[2] : 0;
  }
  const earlier = options.earlier;
  if (earlier) {
    for (let j = 0; j < earlier.index.length; j++) {
      pAliveEarlier[earlier.index[j]] = probabilityAlive(p, earlier.x[j], earlier.tx[j], earlier.T[j]);
    }
  }
  return done(bgnbd, gammaGamma, null);
}
