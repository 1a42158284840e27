/**
 * Locale-aware labels for UTC time axes and time buckets: ticks read "Jan 2025, Feb, Mar, …" for months (the
 * year at the first tick and at each January), "Feb 3, Feb 10, …" for days and weeks (the year when it changes),
 * and "2025, 2026" for years. All dates are UTC midnights, as the kit's `YYYY-MM-DD` days are.
 */
export type TimeUnit = 'day' | 'week' | 'month';

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    cache.set(key, f);
  }
  return f;
}

/** A `YYYY-MM-DD` day as a UTC Date. */
export function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A formatter for the given ticks (call it with the same ticks the axis draws). */
export function timeTickFormat(locale: string, ticks: readonly Date[]): (d: Date) => string {
  const isMonthStart = (d: Date) => d.getUTCDate() === 1;
  const allMonths = ticks.length > 0 && ticks.every(isMonthStart);
  const allYears = allMonths && ticks.every((d) => d.getUTCMonth() === 0);
  const year = dtf(locale, { year: 'numeric' });
  const monthYear = dtf(locale, { month: 'short', year: 'numeric' });
  const month = dtf(locale, { month: 'short' });
  const dayMonth = dtf(locale, { month: 'short', day: 'numeric' });
  const dayMonthYear = dtf(locale, { month: 'short', day: 'numeric', year: 'numeric' });
  return (d: Date) => {
    const i = ticks.findIndex((t) => t.getTime() === d.getTime());
    const prev = i > 0 ? ticks[i - 1] : null;
    const newYear = !prev || prev.getUTCFullYear() !== d.getUTCFullYear();
    if (allYears) return year.format(d);
    if (allMonths) return newYear ? monthYear.format(d) : month.format(d);
    return newYear && i === 0 ? dayMonth.format(d) : newYear ? dayMonthYear.format(d) : dayMonth.format(d);
  };
}

/** A tick count that keeps labels about `spacing` pixels apart. */
export function tickCount(width: number, spacing = 80): number {
  return Math.max(2, Math.floor(width / spacing));
}

/** How a time bucket reads in a tooltip or table: "Mar 2025", "Week of Mar 3, 2025", "Mar 3, 2025". */
export function bucketLabel(day: string, unit: TimeUnit, locale: string): string {
  const d = utcDay(day);
  if (unit === 'month') return dtf(locale, { month: 'short', year: 'numeric' }).format(d);
  const full = dtf(locale, { month: 'short', day: 'numeric', year: 'numeric' }).format(d);
  return unit === 'week' ? `Week of ${full}` : full;
}

/** The last day of the day, week (Monday to Sunday) or month that starts on `day`. */
export function periodEnd(day: string, unit: TimeUnit): string {
  const d = utcDay(day);
  if (unit === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

/** A bucket the window covers only in part (it holds `from` – `to` of the period starting `start`). */
export function isPartial(start: string, from: string, to: string, unit: TimeUnit): boolean {
  return unit !== 'day' && (from !== start || periodEnd(start, unit) !== to);
}

/** "Jan 10 – Jan 31": the part of a bucket a window covers, for partial first and last buckets. */
export function dayRangeLabel(from: string, to: string, locale: string): string {
  const f = dtf(locale, { month: 'short', day: 'numeric' });
  return from === to ? f.format(utcDay(from)) : `${f.format(utcDay(from))} – ${f.format(utcDay(to))}`;
}
