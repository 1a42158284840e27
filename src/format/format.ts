/** Number, currency, percent and date formatting through Intl, for the dashboard's locale and currency. */
export interface Formatter {
  money(value: number | null | undefined): string;
  moneyCompact(value: number | null | undefined): string;
  count(value: number | null | undefined): string;
  compact(value: number | null | undefined): string;
  percent(value: number | null | undefined, digits?: number): string;
  /** Signed change, `+12.3%`. */
  change(value: number | null | undefined): string;
  date(day: string | Date | number): string;
  /** Two days as one range, the shared parts written once (`Sep 2 – Oct 1, 2025` in en-US). */
  dateRange(from: string | Date | number, to: string | Date | number): string;
  month(day: string | Date | number): string;
}

const DASH = '–';
const cache = new Map<string, Formatter>();

function toDate(day: string | Date | number): Date {
  if (day instanceof Date) return day;
  if (typeof day === 'number') return new Date(day);
  return new Date(day.length === 7 ? `${day}-01T00:00:00Z` : day.length === 10 ? `${day}T00:00:00Z` : day);
}

export function formatter(locale = 'en-US', currency = 'USD'): Formatter {
  const key = `${locale}|${currency}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const safe = (f: () => Intl.NumberFormat, fallback: () => Intl.NumberFormat) => {
    try {
      return f();
    } catch {
      return fallback();
    }
  };
  const money = safe(
    () => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }),
    () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }),
  );
  const moneyCompact = safe(
    () => new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }),
    () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact' }),
  );
  const count = safe(
    () => new Intl.NumberFormat(locale),
    () => new Intl.NumberFormat('en-US'),
  );
  const compact = safe(
    () => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }),
    () => new Intl.NumberFormat('en-US', { notation: 'compact' }),
  );
  const percents = new Map<number, Intl.NumberFormat>();
  const pct = (digits: number) => {
    if (!percents.has(digits)) {
      percents.set(
        digits,
        new Intl.NumberFormat(safeLocale(locale), {
          style: 'percent',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
      );
    }
    return percents.get(digits)!;
  };
  const signed = new Intl.NumberFormat(safeLocale(locale), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const day = new Intl.DateTimeFormat(safeLocale(locale), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const month = new Intl.DateTimeFormat(safeLocale(locale), { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  const f: Formatter = {
    money: (v) => (ok(v) ? money.format(v) : DASH),
    moneyCompact: (v) => (ok(v) ? moneyCompact.format(v) : DASH),
    count: (v) => (ok(v) ? count.format(v) : DASH),
    compact: (v) => (ok(v) ? compact.format(v) : DASH),
    percent: (v, digits = 1) => (ok(v) ? pct(digits).format(v) : DASH),
    change: (v) => (ok(v) ? signed.format(v) : DASH),
    date: (d) => day.format(toDate(d)),
    dateRange: (a, b) => day.formatRange(toDate(a), toDate(b)),
    month: (d) => month.format(toDate(d)),
  };
  cache.set(key, f);
  return f;
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** What a dashboard formats with when its `locale` or `currency` cannot be used. */
export const FALLBACK_LOCALE = 'en-US';
export const FALLBACK_CURRENCY = 'USD';

/** A `locale` or `currency` that cannot be used, and why. */
export interface FormatProblem {
  readonly attribute: 'locale' | 'currency';
  readonly message: string;
}

/**
 * The locale and currency a dashboard formats with: the ones asked for when this browser knows them, else the
 * fallbacks, with a problem for each replaced (so that the page says so instead of showing dollars silently).
 */
export function checkFormat(
  locale: string,
  currency: string,
): { locale: string; currency: string; problems: FormatProblem[] } {
  // The fallbacks are taken as known without asking Intl: its first use loads its locale data (12 to 30 ms), which
  // <mkt-data> would otherwise wait for before starting DuckDB.
  if (locale === FALLBACK_LOCALE && currency.toUpperCase() === FALLBACK_CURRENCY)
    return { locale, currency: FALLBACK_CURRENCY, problems: [] };
  const problems: FormatProblem[] = [];
  let knownLocale = false;
  try {
    knownLocale = locale !== '' && Intl.NumberFormat.supportedLocalesOf(Intl.getCanonicalLocales(locale)).length > 0;
  } catch {
    knownLocale = false;
  }
  if (!knownLocale) {
    problems.push({
      attribute: 'locale',
      message: `locale="${locale}" is not a locale this browser can format with (a BCP 47 tag such as "de-DE"); numbers and dates use ${FALLBACK_LOCALE}.`,
    });
  }
  const code = currency.toUpperCase();
  const currencies = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('currency');
  const knownCurrency = /^[A-Z]{3}$/.test(code) && (!currencies || currencies.includes(code));
  if (!knownCurrency) {
    problems.push({
      attribute: 'currency',
      message: `currency="${currency}" is not an ISO 4217 currency code (such as "EUR"); amounts are shown in ${FALLBACK_CURRENCY}.`,
    });
  }
  return {
    locale: knownLocale ? locale : FALLBACK_LOCALE,
    currency: knownCurrency ? code : FALLBACK_CURRENCY,
    problems,
  };
}
