import type { TableColumn } from './data-table.js';

/** A widget's data as plain rows: what its CSV export holds. */
export interface ExportTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list; tab and CR included). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): numbers as they are, dates as ISO, null / undefined / NaN as an empty field. A
 * string that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading `'`
 * (CSV injection guard); numbers are never prefixed, so negative values stay numbers. A field holding a comma,
 * a double quote or a line break is quoted, with its quotes doubled.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV: a header line, then one line per row, each ended by CRLF (RFC 4180). */
export function toCsv(table: ExportTable): string {
  return [table.columns, ...table.rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * The rows of a data-table view as an export table: each column's `raw` value where it has one (numbers stay
 * numbers), its displayed text otherwise.
 */
export function tableFromColumns<R>(columns: readonly TableColumn<R>[], rows: readonly R[]): ExportTable {
  return {
    columns: columns.map((c) => c.label),
    rows: rows.map((r) => columns.map((c) => (c.raw ? c.raw(r) : c.value(r)))),
  };
}

/** `<element>-<YYYY-MM-DD>.<ext>`, with the local date. */
export function exportFileName(element: string, ext: string, date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${element}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${ext}`;
}

/**
 * Computed properties copied onto each exported SVG element, as presentation attributes (an exported file has no
 * stylesheet; a `style` attribute would be blocked by a strict Content-Security-Policy): CSS property → attribute.
 */
const INLINED: readonly (readonly [string, string])[] = [
  ['fill', 'fill'],
  ['fill-opacity', 'fill-opacity'],
  ['stroke', 'stroke'],
  ['stroke-width', 'stroke-width'],
  ['stroke-opacity', 'stroke-opacity'],
  ['stroke-dasharray', 'stroke-dasharray'],
  ['stroke-linecap', 'stroke-linecap'],
  ['stroke-linejoin', 'stroke-linejoin'],
  ['opacity', 'opacity'],
  ['font-family', 'font-family'],
  ['font-size', 'font-size'],
  ['font-weight', 'font-weight'],
  ['font-style', 'font-style'],
  // No presentation attribute of its own: `font-variant` takes the numeric values too.
  ['font-variant-numeric', 'font-variant'],
  ['text-anchor', 'text-anchor'],
  ['dominant-baseline', 'dominant-baseline'],
  ['stop-color', 'stop-color'],
  ['stop-opacity', 'stop-opacity'],
  ['paint-order', 'paint-order'],
  ['visibility', 'visibility'],
];

/** Attributes with no meaning in a file (focus, parts, ids of interactive state, inline styles set by script). */
const DROPPED = ['tabindex', 'part', 'aria-pressed', 'role', 'style'];

export interface SvgExportOptions {
  /** Background painted behind the chart (the card's colour). */
  readonly background: string;
  /** Title of the file (the chart's accessible summary). */
  readonly title?: string;
}

/**
 * Serialises a rendered `<svg>` as a standalone file: every element gets its computed colours, strokes and fonts
 * as presentation attributes (CSS custom properties resolved, so the file needs no stylesheet, and no `style`
 * attribute is written, which a strict Content-Security-Policy would report), attributes still holding `var(` are
 * dropped, hidden elements and Lit's comment markers removed, and a background rectangle is painted first. The SVG
 * must be in the document (computed styles come from it).
 */
export function serializeSvg(source: SVGSVGElement, options: SvgExportOptions): string {
  const clone = source.cloneNode(true) as SVGSVGElement;
  const from = [source, ...source.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  const drop: Element[] = [];
  from.forEach((el, i) => {
    const copy = to[i];
    const style = getComputedStyle(el);
    if (style.display === 'none') {
      drop.push(copy);
      return;
    }
    for (const attr of [...copy.attributes]) {
      if (DROPPED.includes(attr.name) || attr.name.startsWith('data-') || attr.value.includes('var('))
        copy.removeAttribute(attr.name);
    }
    for (const [property, attribute] of INLINED) {
      const value = style.getPropertyValue(property);
      if (value !== '' && !value.includes('var(') && !(attribute === 'font-variant' && value === 'normal'))
        copy.setAttribute(attribute, value);
    }
    // A transform set from script (styleProps) lived in the dropped style: keep where it puts the element.
    const moved = (el as SVGElement).style?.getPropertyValue('transform');
    if (moved && style.transform !== 'none') copy.setAttribute('transform', style.transform);
  });
  for (const el of drop) el.remove();
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);

  const { width, height } = svgSize(source);
  const box = source.viewBox.baseVal;
  const [x, y, w, h] = box && box.width > 0 ? [box.x, box.y, box.width, box.height] : [0, 0, width, height];
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `${x} ${y} ${w} ${h}`);
  clone.removeAttribute('class');
  const ns = 'http://www.w3.org/2000/svg';
  const background = document.createElementNS(ns, 'rect');
  for (const [k, v] of Object.entries({ x, y, width: w, height: h, fill: options.background }))
    background.setAttribute(k, String(v));
  clone.insertBefore(background, clone.firstChild);
  if (options.title) {
    const title = document.createElementNS(ns, 'title');
    title.textContent = options.title;
    clone.insertBefore(title, clone.firstChild);
  }
  return new XMLSerializer().serializeToString(clone);
}

/** The drawn size of an SVG: its width / height attributes, else its box on screen. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const attr = (name: string, fallback: number) => {
    const v = Number.parseFloat(svg.getAttribute(name) ?? '');
    return Number.isFinite(v) && v > 0 && !svg.getAttribute(name)!.endsWith('%') ? v : Math.round(fallback);
  };
  return { width: attr('width', box.width || 640), height: attr('height', box.height || 320) };
}

/**
 * Draws standalone SVG text on a canvas (`scale` × its size, for sharp images) and encodes it as PNG. The size is
 * the image's own (the file's width and height): the text is not parsed into a document here, since a parsed
 * document with style attributes would be reported under a strict Content-Security-Policy.
 */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const width = image.naturalWidth || 640;
    const height = image.naturalHeight || 320;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be encoded as PNG.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
