/**
 * The element's chart for SVG / PNG export, chosen as the base class does (the largest `<svg>` in the body that is
 * not a legend's, a table's or nested) but sized by its width and height attributes instead of
 * getBoundingClientRect(): the base class asks after every update, and a layout forced there costs the CLV, RFM and
 * churn elements tens of milliseconds per filter change.
 */
export function largestChart(root: ParentNode): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let area = 0;
  for (const svg of root.querySelectorAll<SVGSVGElement>('.body svg')) {
    if (svg.closest('.seq-legend, .legend, table, .visually-hidden') || svg.parentElement?.closest('svg')) continue;
    const size = Number(svg.getAttribute('width')) * Number(svg.getAttribute('height'));
    if (size > area) [best, area] = [svg, size];
  }
  return best;
}
