/**
 * The data covers the calendar year 2025. Days are Arrow `DateDay` values: days since 1970-01-01 (UTC).
 * `dayWeights` is the relative demand of each day: trend x month x weekday x retail events, with Black Friday
 * GMV about 6x the median November day (Olist 2017) and Cyber Week about 2x the season's average (Adobe 2024).
 */

const MS_PER_DAY = 86_400_000;

export const YEAR = 2025;
export const START_DAY = Date.UTC(YEAR, 0, 1) / MS_PER_DAY;
export const END_DAY = Date.UTC(YEAR, 11, 31) / MS_PER_DAY;
export const DAY_COUNT = END_DAY - START_DAY + 1;
export const BLACK_FRIDAY = Date.UTC(YEAR, 10, 28) / MS_PER_DAY;
/** Orders on Black Friday over a median November day; its discounts bring the GMV ratio to about 6x. */
export const BLACK_FRIDAY_ORDERS_TO_MEDIAN_NOVEMBER = 6.9;

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function msOfDay(day: number): number {
  return day * MS_PER_DAY;
}

/** 0 = January. */
export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth();
}

/** Jan..Dec: a mild summer dip, a Q4 lift. */
const MONTH_FACTOR = [0.96, 0.9, 0.98, 0.97, 1.0, 0.96, 1.0, 0.98, 0.95, 1.02, 1.08, 1.22];
/** Sunday..Saturday: online orders peak early in the week and dip on Friday and Saturday. */
const WEEKDAY_FACTOR = [1.04, 1.08, 1.04, 1.0, 0.97, 0.92, 0.9];

/** Multipliers for dated retail events, relative to an ordinary day of the same month and weekday. */
function eventFactor(day: number): number {
  const offset = day - BLACK_FRIDAY;
  if (offset === -1) return 1.5; // Thanksgiving
  if (offset === 1) return 2.0;
  if (offset === 2) return 1.9;
  if (offset === 3) return 2.8; // Cyber Monday
  if (offset >= 4 && offset <= 7) return 1.35;
  if (offset >= -7 && offset <= -2) return 1.15;
  if (day >= dayOf(YEAR, 12, 8) && day <= dayOf(YEAR, 12, 19)) return 1.3; // holiday shipping peak
  if (day >= dayOf(YEAR, 12, 20) && day <= dayOf(YEAR, 12, 23)) return 1.05;
  if (day === dayOf(YEAR, 12, 24)) return 0.7;
  if (day === dayOf(YEAR, 12, 25)) return 0.5;
  if (day >= dayOf(YEAR, 12, 26)) return 0.85;
  if (day >= dayOf(YEAR, 7, 8) && day <= dayOf(YEAR, 7, 11)) return 1.25; // mid-summer sales event
  return 1;
}

function baseWeight(day: number): number {
  const t = (day - START_DAY) / DAY_COUNT;
  const trend = 1 + 0.15 * t;
  const weekday = (new Date(day * MS_PER_DAY).getUTCDay() + 7) % 7;
  return trend * MONTH_FACTOR[monthOf(day)] * WEEKDAY_FACTOR[weekday] * eventFactor(day);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function buildDayWeights(): Float64Array {
  const weights = new Float64Array(DAY_COUNT);
  for (let i = 0; i < DAY_COUNT; i++) weights[i] = baseWeight(START_DAY + i);
  const november: number[] = [];
  for (let day = dayOf(YEAR, 11, 1); day <= dayOf(YEAR, 11, 30); day++) {
    if (day !== BLACK_FRIDAY) november.push(weights[day - START_DAY]);
  }
  weights[BLACK_FRIDAY - START_DAY] = BLACK_FRIDAY_ORDERS_TO_MEDIAN_NOVEMBER * median(november);
  return weights;
}

/** Relative demand per day of the year, index 0 = START_DAY. */
export const dayWeights: Float64Array = buildDayWeights();

/** Relative session starts by hour (UTC), evening peak; none after 22:00 so that a session ends on its day. */
export const HOUR_WEIGHTS = [
  1.2, 0.8, 0.5, 0.35, 0.3, 0.35, 0.6, 1.0, 1.4, 1.7, 1.9, 2.0, 2.1, 2.1, 2.0, 2.0, 2.1, 2.3, 2.6, 2.9, 3.1, 3.0,
];
