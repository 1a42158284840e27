// 50 varied filter changes, the same every run: date ranges, categories, tiers, regions, segments, and resets.
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const CATEGORIES = ['Electronics', 'Home & Kitchen', 'Fashion', 'Beauty', 'Books', 'Sports & Outdoors', 'Toys & Games'];
const TIERS = ['gold', 'silver', 'bronze', 'new'];
const REGIONS = ['California', 'Texas', 'New York', 'Florida'];
const SEGMENTS = ['Champions', 'Loyal Customers', 'At Risk', 'Lost', 'Potential Loyalist'];

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** Two to four months of 2025, from the first of a month to the 28th of another. */
function dateRange(r) {
  const from = Math.floor(r() * 9);
  const to = Math.min(11, from + 1 + Math.floor(r() * 3));
  return { dateFrom: `2025-${MONTHS[from]}-01`, dateTo: `2025-${MONTHS[to]}-28` };
}

export function interactions(count = 50, seed = 7) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const out = [];
  for (let i = 0; i < count; i++) {
    switch (i % 6) {
      case 0:
        out.push(dateRange(r));
        break;
      case 1:
        out.push({ categories: [pick(CATEGORIES)] });
        break;
      case 2:
        out.push({ tiers: [pick(TIERS), pick(TIERS)] });
        break;
      case 3:
        out.push({ regions: [pick(REGIONS)] });
        break;
      case 4:
        out.push({ segment: pick(SEGMENTS) });
        break;
      default:
        out.push({ dateFrom: null, dateTo: null, categories: [], tiers: [], regions: [], segment: null, cohort: null });
    }
  }
  return out;
}

/**
 * The peer benchmark's changes (test/bench/peer/): only the four filters its Mosaic page has (date range, category,
 * tiers, region), each change touching one of them, so that it is one `setFilters` call in the kit and one
 * selection update in Mosaic. Filters accumulate: a date range, a category, two tiers, a region, then one of
 * category / tiers / region cleared (in turn), then the date range cleared.
 */
export function peerInteractions(count = 50, seed = 7) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const clears = [{ categories: [] }, { tiers: [] }, { regions: [] }];
  const out = [];
  for (let i = 0; i < count; i++) {
    const step = i % 6;
    if (step === 0) out.push(dateRange(r));
    else if (step === 1) out.push({ categories: [pick(CATEGORIES)] });
    else if (step === 2) out.push({ tiers: [pick(TIERS), pick(TIERS)] });
    else if (step === 3) out.push({ regions: [pick(REGIONS)] });
    else if (step === 4) out.push(clears[Math.floor(i / 6) % clears.length]);
    else out.push({ dateFrom: null, dateTo: null });
  }
  return out;
}
