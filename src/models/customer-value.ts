import {
  expectedPurchasesIfAlive,
  fitBgNbd,
  probabilityAlive,
  type BgNbdCustomer,
  type BgNbdFit,
  type BgNbdParams,
} from './bg-nbd.js';
import {
  discountedPurchasesIfAlive,
  expectedSpend,
  fitGammaGamma,
  type GammaGammaCustomer,
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

/** The two fitted models of a set of customers (or why they could not be fitted). */
export interface CustomerFits {
  readonly bgnbd: BgNbdFit | null;
  /** Null when fewer than two repeat buyers: spend then falls back to each customer's own mean purchase. */
  readonly gammaGamma: GammaGammaFit | null;
  readonly problem: string | null;
  readonly ms: number;
}

/** Fits BG/NBD on every customer and Gamma-Gamma on the repeat buyers (customers with T ≤ 0 are left out). */
export function fitCustomerModels(
  c: Pick<CustomerColumns, 'x' | 'tx' | 'T' | 'mx'>,
  options: Pick<CustomerValueOptions, 'warmStart'> = {},
): CustomerFits {
  const start = performance.now();
  const n = c.x.length;
  const done = (bgnbd: BgNbdFit | null, gammaGamma: GammaGammaFit | null, problem: string | null) => ({
    bgnbd,
    gammaGamma,
    problem,
    ms: performance.now() - start,
  });
  let observed = 0;
  let repeat = 0;
  for (let i = 0; i < n; i++) {
    if (c.T[i] > 0) {
      observed++;
      if (c.x[i] > 0) repeat++;
    }
  }
  if (observed < 2) return done(null, null, 'Too few customers to fit the model.');
  if (repeat === 0)
    return done(null, null, 'No customer has bought twice in this window: repeat behaviour cannot be estimated.');
  const bgnbd = fitBgNbd(groupCustomerColumns(c.x, c.tx, c.T), {
    start: options.warmStart?.bgnbd,
    precision: 'interactive',
  });
  const buyers: GammaGammaCustomer[] = [];
  for (let i = 0; i < n; i++) if (c.x[i] > 0 && c.mx[i] > 0) buyers.push({ x: c.x[i], mx: c.mx[i] });
  let gammaGamma: GammaGammaFit | null = null;
  if (buyers.length >= 2) {
    const fit = fitGammaGamma(buyers, { start: options.warmStart?.gammaGamma, precision: 'interactive' });
    if (fit.params.q > 1 && Number.isFinite(fit.meanSpend)) gammaGamma = fit;
  }
  return done(bgnbd, gammaGamma, null);
}

/** What the parameters describe, for the reader told that the customers leave them undetermined. */
const MEANING: Readonly<Record<string, string>> = {
  r: 'how purchase rates vary between customers',
  alpha: 'how purchase rates vary between customers',
  a: 'how the chance of dropping out varies between customers',
  b: 'how the chance of dropping out varies between customers',
  p: "how a customer's purchases vary around their own mean",
  q: 'how mean spend varies between customers',
  v: 'how mean spend varies between customers',
};

/** Fit warnings for the reader: see {@link fitWarnings}. */
export interface FitWarnings {
  /** A fit that stopped short of its maximum: every number it feeds is rough. */
  readonly unconverged: readonly string[];
  /** Parameters the customers leave undetermined (held at the edge of the range, or nearly flat). */
  readonly undetermined: readonly string[];
}

/**
 * What a reader must be told about the fits behind the numbers: a fit that did not reach its maximum, and the
 * parameters the customers leave undetermined (PARAMETER_RANGE in likelihood-fit.ts says why they are bounded).
 * Empty for ordinary fits. The CLV element, which shows the parameters, shows both kinds; the elements that only
 * use the predictions (RFM segments, churn) show the first.
 */
export function fitWarnings(fits: Pick<CustomerFits, 'bgnbd' | 'gammaGamma'>): FitWarnings {
  const unconverged: string[] = [];
  const undetermined: string[] = [];
  const models = [
    { name: 'BG/NBD', fit: fits.bgnbd, feeds: 'expected purchases, P(alive) and CLV' },
    { name: 'Gamma-Gamma', fit: fits.gammaGamma, feeds: 'expected spend and CLV' },
  ];
  for (const { name, fit, feeds } of models) {
    if (!fit) continue;
    if (!fit.converged) {
      const gain = Number.isFinite(fit.remainingGain)
        ? `${fit.remainingGain.toPrecision(2)} log-likelihood units short of the maximum it expected`
        : 'short of its maximum';
      unconverged.push(`The ${name} fit did not converge (it stopped ${gain}): ${feeds} are rough.`);
      continue;
    }
    if (fit.undetermined.length === 0) continue;
    const names = fit.undetermined.map((n) => (n === 'alpha' ? 'α' : n)).join(', ');
    const meanings = [...new Set(fit.undetermined.map((n) => MEANING[n]))].join('; ');
    const held = fit.atBound.map((n) => (n === 'alpha' ? 'α' : n)).join(', ');
    undetermined.push(
      `${name}: these customers leave ${names} undetermined (${meanings}); ${
        held ? `${held} held at the edge of the allowed range` : 'the likelihood is nearly flat along them'
      }. Predictions use the best fit within the range and are rough.`,
    );
  }
  return { unconverged, undetermined };
}

/** Identical (x, t_x, T) customers as one row with a count, read from columns without a row object per customer. */
export function groupCustomerColumns(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
): BgNbdCustomer[] {
  const groups = new Map<number, Map<number, Map<number, { x: number; tx: number; T: number; count: number }>>>();
  const out: { x: number; tx: number; T: number; count: number }[] = [];
  for (let i = 0; i < x.length; i++) {
    let byT = groups.get(x[i]);
    if (!byT) groups.set(x[i], (byT = new Map()));
    let byTx = byT.get(T[i]);
    if (!byTx) byT.set(T[i], (byTx = new Map()));
    const g = byTx.get(tx[i]);
    if (g) g.count++;
    else {
      const row = { x: x[i], tx: tx[i], T: T[i], count: 1 };
      byTx.set(tx[i], row);
      out.push(row);
    }
  }
  return out;
}

/** Each customer's predictions from fitted models (NaN everywhere when the models could not be fitted). */
export function predictCustomerValues(
  c: CustomerColumns,
  fits: CustomerFits,
  options: Pick<CustomerValueOptions, 'horizonWeeks' | 'discountRate' | 'earlier'> = {},
): CustomerValues {
  const start = performance.now();
  const n = c.x.length;
  const horizonWeeks = options.horizonWeeks ?? 52;
  const discountRate = options.discountRate ?? 0.01;
  const expected = new Float64Array(n).fill(Number.NaN);
  const pAlive = new Float64Array(n).fill(Number.NaN);
  const spend = new Float64Array(n).fill(Number.NaN);
  const clv = new Float64Array(n).fill(Number.NaN);
  const pAliveEarlier = new Float64Array(n).fill(Number.NaN);
  const { bgnbd, gammaGamma, problem } = fits;
  const done = (): CustomerValues => ({
    bgnbd,
    gammaGamma,
    expected,
    pAlive,
    spend,
    clv,
    pAliveEarlier,
    problem,
    ms: fits.ms + performance.now() - start,
  });
  if (!bgnbd) return done();
  const p: BgNbdParams = bgnbd.params;
  // E[Y(horizon) | alive] and the discounted purchases if alive depend on (x, T) only: once per distinct pair; the
  // customer's P(alive | x, t_x, T) then scales both (FHL 2005, eq. 10).
  const ifAlive = new Map<number, Map<number, [number, number]>>();
  for (let i = 0; i < n; i++) {
    const x = c.x[i];
    const T = c.T[i];
    let byT = ifAlive.get(x);
    if (!byT) ifAlive.set(x, (byT = new Map()));
    let v = byT.get(T);
    if (!v) {
      v = [
        expectedPurchasesIfAlive(p, horizonWeeks, x, T),
        discountedPurchasesIfAlive(p, x, T, { horizonWeeks, discountRate }),
      ];
      byT.set(T, v);
    }
    const alive = probabilityAlive(p, x, c.tx[i], T);
    const s = gammaGamma ? expectedSpend(gammaGamma.params, x, c.mx[i]) : c.monetary[i] / (x + 1);
    expected[i] = horizonWeeks > 0 ? v[0] * alive : 0;
    pAlive[i] = alive;
    spend[i] = s;
    clv[i] = s > 0 ? s * v[1] * alive : 0;
  }
  const earlier = options.earlier;
  if (earlier) {
    for (let j = 0; j < earlier.index.length; j++) {
      if (earlier.index[j] < 0) continue;
      pAliveEarlier[earlier.index[j]] = probabilityAlive(p, earlier.x[j], earlier.tx[j], earlier.T[j]);
    }
  }
  return done();
}

/**
 * Fits BG/NBD on every customer and Gamma-Gamma on the repeat buyers, then predicts each customer's expected
 * purchases over the horizon, P(alive), expected spend per purchase and discounted CLV. The likelihoods are
 * evaluated once per distinct history and the horizon sums once per distinct (x, T).
 */
export function customerValues(c: CustomerColumns, options: CustomerValueOptions = {}): CustomerValues {
  return predictCustomerValues(c, fitCustomerModels(c, options), options);
}
