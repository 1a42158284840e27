/**
 * The data covers whole calendar years ending with 2025: two by default (so that the default view, the last
 * year, has a prior year to compare with), more with `--years`. Days are Arrow `DateDay` values: days since
 * 1970-01-01 (UTC). `dayWeights` is the relative demand of each day: trend x month x weekday x retail events,
 * with Black Friday GMV about 6x the median November day (Olist 2017) and Cyber Week about 2x the season's
 * average (Adobe 2024).
 *
 * The covered years are set by `useYears()` (called by generateDataset) and read through live bindings: one
 * calendar at a time per process.
 */

import { campaignLift } from './campaign-calendar.js';
import { MS_PER_DAY, blackFriday, dayOf, monthOf, yearOf } from './dates.js';

export { blackFriday, dayOf, isoDate, monthOf, msOfDay, yearOf } from './dates.js';

/** The last year of the data; the first is `LAST_YEAR - years + 1`. */
export const LAST_YEAR = 2025;
export const DEFAULT_YEARS = 2;
/** The last covered year (kept for the planted anomalies, which fall in it). */
export const YEAR = LAST_YEAR;
export let FIRST_YEAR = LAST_YEAR - DEFAULT_YEARS + 1;
export let START_DAY = Date.UTC(FIRST_YEAR, 0, 1) / MS_PER_DAY;
export const END_DAY = Date.UTC(LAST_YEAR, 11, 31) / MS_PER_DAY;
export let DAY_COUNT = END_DAY - START_DAY + 1;
/** Orders on Black Friday over a median November day; its discounts bring the GMV ratio to about 6x. */
export const BLACK_FRIDAY_ORDERS_TO_MEDIAN_NOVEMBER = 6.9;

/** Black Friday to Cyber Monday of the day's year. */
export function isCyberWeekend(day: number): boolean {
  const offset = day - blackFriday(yearOf(day));
  return offset >= 0 && offset <= 3;
}

/** 1–23 December: carriers are stretched and more parcels arrive late. */
export function isHolidayRush(day: number): boolean {
  const year = yearOf(day);
  return day >= dayOf(year, 12, 1) && day <= dayOf(year, 12, 23);
}

/** Jan..Dec: a mild summer dip, a Q4 lift. */
const MONTH_FACTOR = [0.96, 0.9, 0.98, 0.97, 1.0, 0.96, 1.0, 0.98, 0.95, 1.02, 1.08, 1.22];
/** Sunday..Saturday: online orders peak early in the week and dip on Friday and Saturday. */
const WEEKDAY_FACTOR = [1.04, 1.08, 1.04, 1.0, 0.97, 0.92, 0.9];

/** Multipliers for dated retail events, relative to an ordinary day of the same month and weekday. */
function eventFactor(day: number): number {
  const year = yearOf(day);
  const offset = day - blackFriday(year);
  if (offset === -1) return 1.5; // Thanksgiving
  if (offset === 1) return 2.0;
  if (offset === 2) return 1.9;
  if (offset === 3) return 2.8; // Cyber Monday
  if (offset >= 4 && offset <= 7) return 1.35;
  if (offset >= -7 && offset <= -2) return 1.15;
  if (day >= dayOf(year, 12, 8) && day <= dayOf(year, 12, 19)) return 1.3; // holiday shipping peak
  if (day >= dayOf(year, 12, 20) && day <= dayOf(year, 12, 23)) return 1.05;
  if (day === dayOf(year, 12, 24)) return 0.7;
  if (day === dayOf(year, 12, 25)) return 0.5;
  if (day >= dayOf(year, 12, 26)) return 0.85;
  if (day >= dayOf(year, 7, 8) && day <= dayOf(year, 7, 11)) return 1.25; // mid-summer sales event
  return 1;
}

/**
 * Demand grows 15% a year (compounded), so that each year compares with the one before; marketing campaigns add
 * their lift on their days (campaign-calendar.ts).
 */
function baseWeight(day: number): number {
  const t = (day - START_DAY) / 365;
  const trend = 1.15 ** t;
  const weekday = (new Date(day * MS_PER_DAY).getUTCDay() + 7) % 7;
  return trend * MONTH_FACTOR[monthOf(day)] * WEEKDAY_FACTOR[weekday] * eventFactor(day) * campaignLift(day);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function buildDayWeights(): Float64Array {
  const weights = new Float64Array(DAY_COUNT);
  for (let i = 0; i < DAY_COUNT; i++) weights[i] = baseWeight(START_DAY + i);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const friday = blackFriday(year);
    const november: number[] = [];
    for (let day = dayOf(year, 11, 1); day <= dayOf(year, 11, 30); day++) {
      if (day !== friday) november.push(weights[day - START_DAY]);
    }
    weights[friday - START_DAY] = BLACK_FRIDAY_ORDERS_TO_MEDIAN_NOVEMBER * median(november);
  }
  return weights;
}

/** Relative demand per day of the data, index 0 = START_DAY. */
export let dayWeights: Float64Array = buildDayWeights();

/** Sets the number of covered years (ending with LAST_YEAR). */
export function useYears(years: number): void {
  if (!Number.isInteger(years) || years < 1 || years > 20)
    throw new RangeError(`years must be a whole number from 1 to 20, got ${years}`);
  if (years === LAST_YEAR - FIRST_YEAR + 1) return;
  FIRST_YEAR = LAST_YEAR - years + 1;
  START_DAY = Date.UTC(FIRST_YEAR, 0, 1) / MS_PER_DAY;
  DAY_COUNT = END_DAY - START_DAY + 1;
  dayWeights = buildDayWeights();
}

/** Relative session starts by hour (UTC), evening peak; none after 22:00 so that a session ends on its day. */
export const HOUR_WEIGHTS = [
  1.2, 0.8, 0.5, 0.35, 0.3, 0.35, 0.6, 1.0, 1.4, 1.7, 1.9, 2.0, 2.1, 2.1, 2.0, 2.0, 2.1, 2.3, 2.6, 2.9, 3.1, 3.0,
];
