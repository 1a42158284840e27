/** Calendar arithmetic on Arrow `DateDay` values (days since 1970-01-01, UTC). */

export const MS_PER_DAY = 86_400_000;

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

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The day after the fourth Thursday of November of `year`. */
export function blackFriday(year: number): number {
  const first = dayOf(year, 11, 1);
  const thursday = first + ((4 - new Date(first * MS_PER_DAY).getUTCDay() + 7) % 7);
  return thursday + 21 + 1;
}
