/**
 * A duration in hours as people read a service time: minutes under an hour (`30 min`), hours under two days (one
 * decimal under ten: `2.5 h`, `38 h`), days beyond (`2.5 d`); `–` for none. Digits in the dashboard's locale.
 */
export function durationText(hours: number | null | undefined, locale = 'en-US'): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '–';
  const n = (v: number, digits: number) => v.toLocaleString(locale, { maximumFractionDigits: digits });
  if (hours < 1) return `${n(hours * 60, 0)} min`;
  if (hours < 48) return `${n(hours, hours < 10 ? 1 : 0)} h`;
  return `${n(hours / 24, 1)} d`;
}
