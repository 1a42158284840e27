import { expect } from '@open-wc/testing';
import { csvField, exportFileName, serializeSvg, svgToPng, tableFromColumns, toCsv } from '../../src/charts/export.js';

describe('CSV export', () => {
  it('csvField() leaves plain text and numbers as they are', () => {
    expect(csvField('Books')).to.equal('Books');
    expect(csvField(1234.5)).to.equal('1234.5');
    expect(csvField(-3)).to.equal('-3');
    expect(csvField(0)).to.equal('0');
    expect(csvField(true)).to.equal('true');
  });

  it('csvField() writes null, undefined and non-finite numbers as an empty field', () => {
    expect(csvField(null)).to.equal('');
    expect(csvField(undefined)).to.equal('');
    expect(csvField(Number.NaN)).to.equal('');
    expect(csvField(Infinity)).to.equal('');
  });

  it('csvField() quotes a field holding a comma, a quote or a line break, doubling its quotes (RFC 4180)', () => {
    expect(csvField('Home, Garden')).to.equal('"Home, Garden"');
    expect(csvField('The "best" seller')).to.equal('"The ""best"" seller"');
    expect(csvField('line 1\nline 2')).to.equal('"line 1\nline 2"');
    expect(csvField('a\r\nb')).to.equal('"a\r\nb"');
  });

  it('csvField() prefixes text that a spreadsheet would run as a formula with a quote', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).to.equal('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1 555')).to.equal("'+1 555");
    expect(csvField('-2+3')).to.equal("'-2+3");
    expect(csvField('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvField('\t=1')).to.equal("'\t=1");
    // Only strings: a negative number stays a number.
    expect(csvField(-2)).to.equal('-2');
    expect(csvField('a=b')).to.equal('a=b');
  });

  it('csvField() writes dates as ISO timestamps', () => {
    expect(csvField(new Date(Date.UTC(2025, 0, 2)))).to.equal('2025-01-02T00:00:00.000Z');
  });

  it('toCsv() writes a header and one CRLF-ended line per row', () => {
    const csv = toCsv({
      columns: ['Category', 'GMV'],
      rows: [
        ['Books', 100],
        ['Home, Garden', null],
      ],
    });
    expect(csv).to.equal('Category,GMV\r\nBooks,100\r\n"Home, Garden",\r\n');
  });

  it('tableFromColumns() takes raw values where a column has them and the displayed text otherwise', () => {
    const table = tableFromColumns(
      [
        { label: 'Name', value: (r: { n: string; v: number }) => r.n },
        {
          label: 'Value',
          value: (r: { n: string; v: number }) => `$${r.v}`,
          raw: (r: { n: string; v: number }) => r.v,
        },
      ],
      [{ n: 'a', v: 1 }],
    );
    expect(table).to.deep.equal({ columns: ['Name', 'Value'], rows: [['a', 1]] });
  });

  it('exportFileName() is <element>-<local date>.<ext>', () => {
    expect(exportFileName('mkt-kpis', 'csv', new Date(2025, 10, 4, 23, 30))).to.equal('mkt-kpis-2025-11-04.csv');
  });
});

describe('SVG and PNG export', () => {
  let host: HTMLElement;
  before(() => {
    host = document.createElement('div');
    host.style.setProperty('--fill', 'rgb(10, 20, 30)');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>
        .bar { fill: var(--fill); }
        .label { fill: var(--missing, rgb(200, 0, 0)); font-size: 12px; }
        .gone { display: none; }
      </style>
      <svg width="120" height="60" viewBox="0 0 120 60" role="img" aria-label="Two bars">
        <!-- a comment -->
        <rect class="bar" tabindex="0" part="bar" data-x="1" x="0" y="10" width="40" height="50"></rect>
        <rect x="50" y="20" width="40" height="40" fill="var(--fill)"></rect>
        <text class="label" x="0" y="8">Books</text>
        <text class="gone">hidden</text>
      </svg>`;
    document.body.append(host);
  });
  after(() => host.remove());

  const chart = () => host.shadowRoot!.querySelector('svg')!;

  it('serializeSvg() inlines computed colours and leaves no var( in the file', () => {
    const text = serializeSvg(chart(), { background: 'rgb(255, 255, 255)', title: 'Two bars' });
    expect(text).not.to.contain('var(');
    expect(text).to.contain('fill="rgb(10, 20, 30)"');
    expect(text).to.contain('fill="rgb(200, 0, 0)"');
    expect(text).to.contain('font-size="12px"');
    // Presentation attributes, never a style attribute (a strict Content-Security-Policy reports those).
    expect(text).not.to.match(/\sstyle=/);
  });

  it('serializeSvg() writes a standalone file with a size, a background and a title, without interactive attributes', () => {
    const text = serializeSvg(chart(), { background: 'rgb(22, 25, 29)', title: 'Two bars' });
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(svg.getAttribute('xmlns')).to.equal('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('width')).to.equal('120');
    expect(svg.getAttribute('height')).to.equal('60');
    expect(svg.querySelector('title')!.textContent).to.equal('Two bars');
    const background = svg.querySelector('rect')!;
    expect(background.getAttribute('fill')).to.equal('rgb(22, 25, 29)');
    expect(background.getAttribute('width')).to.equal('120');
    expect(text).not.to.match(/tabindex|part=|data-x|<!--/);
    expect(text).not.to.contain('hidden');
  });

  it('svgToPng() draws the SVG on a canvas at twice its size and returns a PNG', async () => {
    const blob = await svgToPng(serializeSvg(chart(), { background: '#ffffff' }));
    expect(blob.type).to.equal('image/png');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 8)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const bitmap = await createImageBitmap(blob);
    expect([bitmap.width, bitmap.height]).to.deep.equal([240, 120]);
  });
});
