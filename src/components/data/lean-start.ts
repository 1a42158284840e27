/**
 * The elements whose queries read only the lean mkt_orders (src/data/derived-tables.ts: no segments, cohorts,
 * reviews or per-line ids) and are all in LEAN_QUERIES there. A dashboard made of these alone paints before the rest of the derived tables is built;
 * any other element, or a filter on a segment or cohort, has them built when its query first needs them.
 * test/data/lean-start.test.ts checks that each one paints without them.
 */
export const LEAN_ELEMENTS: ReadonlySet<string> = new Set([
  // Its only query reads products (the names of the products filtered on); a filter on a column only the full
  // mkt_orders has (segment, cohort, product) has the rest built.
  'mkt-filters',
  'mkt-kpis',
  'mkt-revenue-trend',
  'mkt-category-performance',
  'mkt-tier-contribution',
]);

/** The marketkit elements of the dashboard of `data`: inside it, or linked to it by `data="<its id>"`. */
export function dashboardElements(data: HTMLElement): Element[] {
  const inside = [...data.querySelectorAll('*')];
  const linked = data.id ? [...document.querySelectorAll(`[data="${CSS.escape(data.id)}"]`)] : [];
  return [...inside, ...linked].filter((el) => el.localName.startsWith('mkt-'));
}

/** Every element of the dashboard of `data` reads only the lean tables. */
export const leanStart = (data: HTMLElement) => dashboardElements(data).every((el) => LEAN_ELEMENTS.has(el.localName));
