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

export function interactions(count = 50, seed = 7) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const out = [];
  for (let i = 0; i < count; i++) {
    switch (i % 6) {
      case 0: {
        const from = Math.floor(r() * 9);
        const to = Math.min(11, from + 1 + Math.floor(r() * 3));
        out.push({ dateFrom: `2025-${MONTHS[from]}-01`, dateTo: `2025-${MONTHS[to]}-28` });
        break;
      }
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
