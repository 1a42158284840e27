import { addDays } from '../metrics/filter-sql.js';

/**
 * Date presets of the filter bar, counted back from the last day of data rather than from today: a dataset (the
 * synthetic one above all) may end long before today, and "the last 30 days" of it should still hold data.
 */
export const DATE_PRESETS = [
  'last-7-days',
  'last-30-days',
  'last-90-days',
  'month-to-date',
  'quarter-to-date',
  'year-to-date',
  'last-year',
  'all',
] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const PRESET_LABELS: Readonly<Record<DatePreset, string>> = {
  'last-7-days': 'Last 7 days',
  'last-30-days': 'Last 30 days',
  'last-90-days': 'Last 90 days',
  'month-to-date': 'Month to date',
  'quarter-to-date': 'Quarter to date',
  'year-to-date': 'Year to date',
  'last-year': 'Last year',
  all: 'All data',
};

/** A filter date range, `YYYY-MM-DD` inclusive; null ends are the data's own first or last day. */
export interface DateRange {
  readonly from: string | null;
  readonly to: string | null;
}

const LAST_DAYS: Partial<Record<DatePreset, number>> = { 'last-7-days': 7, 'last-30-days': 30, 'last-90-days': 90 };

/**
 * The range a preset selects in data whose orders run from `first` to `last` (`YYYY-MM-DD`): "to date" presets end
 * on `last` and start on the first day of its month, quarter or year; "last year" is the calendar year before
 * `last`'s. A range that starts before the data starts on `first` (the filters never name days without data);
 * null when the range holds no day of data. `all` is the unfiltered range.
 */
export function presetRange(preset: DatePreset, first: string, last: string): DateRange | null {
  if (preset === 'all') return { from: null, to: null };
  const year = Number(last.slice(0, 4));
  const month = Number(last.slice(5, 7));
  const days = LAST_DAYS[preset];
  let from: string;
  let to = last;
  if (days !== undefined) from = addDays(last, 1 - days);
  else if (preset === 'month-to-date') from = `${last.slice(0, 7)}-01`;
  else if (preset === 'quarter-to-date') from = `${year}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  else if (preset === 'year-to-date') from = `${year}-01-01`;
  else [from, to] = [`${year - 1}-01-01`, `${year - 1}-12-31`];
  if (to < first) return null;
  return { from: from < first ? first : from, to };
}

/** The first preset that selects exactly `range` in data from `first` to `last`; null for a custom range. */
export function matchPreset(range: DateRange, first: string, last: string): DatePreset | null {
  return (
    DATE_PRESETS.find((preset) => {
      const r = presetRange(preset, first, last);
      return r !== null && r.from === range.from && r.to === range.to;
    }) ?? null
  );
}
