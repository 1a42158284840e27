// What the customer analysis (customer-analysis.ts) and the churn model (churn-model.ts) both speak of: a fitted
// model of one filter state and the columns it is fitted from. A leaf module, so that the two do not import each
// other.
import type { CustomerFits, CustomerColumns, CustomerValues } from './customer-value.js';

/** What the worker's store throws when a request without a summary names a model it does not have (any more). */
export const MISSING_MODEL = 'missing customer model';

/** Strings of an Arrow Utf8 column as its raw bytes and offsets (cheap to copy), or already decoded. */
export type TextColumn = { readonly bytes: Uint8Array; readonly offsets: Int32Array } | readonly string[];

/** The customer-summary query's columns (see src/metrics/customer-summary.ts). */
export interface SummaryColumns extends CustomerColumns {
  readonly ids: TextColumn;
  readonly recencyDays: Float64Array;
}

/** A fitted model of one filter state, with each customer's history (index = position in `ids`). */
export interface CustomerModel {
  readonly ids: readonly string[];
  readonly columns: CustomerColumns;
  readonly recencyDays: Float64Array;
  readonly fits: CustomerFits;
  /** Predictions by horizon and discount rate. */
  values(horizonWeeks: number, discountRate: number): CustomerValues;
  /** Position of a customer id in `ids`. */
  indexOf(id: string): number;
  /** {@link indexOf} of every id of a list (−1 where absent). */
  positions(list: readonly string[]): Int32Array;
}
