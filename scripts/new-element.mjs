// `npm run new:element -- <name> [--root <dir>]`: scaffolds a widget `<mkt-<name>>` on the shape of CONTRIBUTING's
// recipe: its SQL in src/metrics/<name>.ts, the element and its styles in src/components/<name>/, a story, a test
// against the tiny marketplace, its default heading, and its export from src/index.ts (the custom-elements
// manifest then picks it up from its JSDoc). It draws GMV by category with bars() as a working starting point.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? args[rootAt + 1] : '.';
const name = args.find((a, i) => !a.startsWith('--') && (rootAt < 0 || i !== rootAt + 1));
if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  console.error('Usage: npm run new:element -- <name>   (lower-case words joined by hyphens: "refund-rate")');
  process.exit(1);
}
const tag = `mkt-${name}`;
const words = name.split('-');
const camel = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
const Pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const Title = words.join(' ').replace(/^./, (c) => c.toUpperCase());
const path = (...parts) => join(root, ...parts);
if (existsSync(path('src/components', name))) {
  console.error(`src/components/${name} exists already.`);
  process.exit(1);
}

const files = {
  [`src/metrics/${name}.ts`]: `import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';

/** ${Title}: GMV of completed orders by category, largest first. (A starting point: write the new measure here.) */
export function ${camel}Sql(filters: FilterState): string {
  const where = [\`status = 'completed'\`, ...predicates(filters)];
  return \`SELECT category AS key, sum(revenue)::DOUBLE AS value FROM mkt_orders WHERE \${where.join(' AND ')}
    GROUP BY category ORDER BY value DESC, key\`;
}
`,
  [`src/components/${name}/${tag}.ts`]: `import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { rows } from '../../data/arrow-rows.js';
import { ${camel}Sql } from '../../metrics/${name}.js';
import { bars } from '../../charts/bars.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { numberColumn } from '../../charts/data-table.js';
import { SizeController } from '../../charts/size-controller.js';
import { ${camel}Styles } from './${tag}.styles.js';

export type ${Pascal}Row = { readonly key: string; readonly value: number };

/**
 * ${Title}: GMV of completed orders by category in the filtered window.
 *
 * @summary ${Title} by category.
 * @csspart card - The widget's frame.
 * @cssprop --mkt-series-1 - Colour of the bars.
 */
@customElement('${tag}')
export class Mkt${Pascal} extends MktWidget<readonly ${Pascal}Row[]> {
  static override styles = [...MktWidget.styles, chartStyles, ${camel}Styles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  private readonly size = new SizeController(this);

  protected override async query({ engine, filters, signal }: QueryContext): Promise<readonly ${Pascal}Row[]> {
    return rows<${Pascal}Row>(await engine.query(${camel}Sql(filters), signal));
  }

  protected override isEmpty(result: readonly ${Pascal}Row[]): boolean {
    return result.length === 0;
  }

  /** The bars as a table: the "Table" view, the CSV export and the chart's text alternative. */
  protected override dataView(result: readonly ${Pascal}Row[]): DataView<${Pascal}Row> {
    return {
      caption: '${Title} by category',
      rows: result,
      columns: [{ label: 'Category', value: (r) => r.key }, numberColumn('GMV', (r) => r.value, this.format.money)],
    };
  }

  protected override renderResult(result: readonly ${Pascal}Row[]) {
    const chart = bars(
      result.map((r) => ({ key: r.key, label: r.key, value: r.value, text: this.format.money(r.value) })),
      { width: this.size.drawWidth, labelWidth: 120, valueWidth: 80, track: true, label: '${Title} by category' },
    );
    return html\`<div class="chart">\${chart}</div>\`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    '${tag}': Mkt${Pascal};
  }
}
`,
  [`src/components/${name}/${tag}.styles.ts`]: `import { css } from 'lit';

export const ${camel}Styles = css\`
  .bar-row rect.bar {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .bar-row rect.track {
    fill: var(--mkt-surface, var(--_mkt-surface));
  }
  .bar-row text {
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-size: 12px;
  }
\`;
`,
  [`stories/${name}.stories.ts`]: `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/${name}/${tag}.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string };
const el = (a: Args) => html\`<${tag} heading=\${a.heading}></${tag}>\`;

const meta = {
  title: 'Elements/${Title}',
  component: '${tag}',
  tags: ['autodocs'],
  args: { heading: '${Title}' },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
`,
  [`test/components/${tag}.test.ts`]: `import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/${name}/${tag}.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { Mkt${Pascal} } from '../../src/components/${name}/${tag}.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, waitFor, whenReady } from '../support/dom.js';

const drawn = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('g.bar-row')].map((g) => [
    g.getAttribute('data-key'),
    g.querySelector('text.value')!.textContent!.trim(),
  ]);

describe('<${tag}>', () => {
  let data: MktData;
  let el: Mkt${Pascal};
  before(async () => {
    data = await mount(html\`<mkt-data .source=\${tinyDataset()}><${tag}></${tag}></mkt-data>\`);
    el = data.querySelector('${tag}')!;
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('${tag}')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('draws GMV of completed orders by category, largest first', () => {
    // Electronics t1 + t5 + t7 = 300; Toys t8 = 100 (t4 returned, t6 cancelled); Books t2 + t3 = 60.
    expect(drawn(el)).to.deep.equal([
      ['Electronics', '$300'],
      ['Toys', '$100'],
      ['Books', '$60'],
    ]);
  });

  it('follows the dashboard filters', async () => {
    data.setFilters({ categories: ['Books'] });
    await waitFor(() => drawn(el).length === 1, 'the Books filter to apply');
    expect(drawn(el)).to.deep.equal([['Books', '$60']]);
    data.setFilters({ categories: [] });
    await waitFor(() => drawn(el).length === 3, 'all categories again');
  });
});
`,
};

for (const [file, text] of Object.entries(files)) {
  if (existsSync(path(file))) {
    console.error(`${file} exists already.`);
    process.exit(1);
  }
  mkdirSync(dirname(path(file)), { recursive: true });
  writeFileSync(path(file), text);
}

/** Adds a line after the last line that matches `after`. */
function addLine(file, after, line) {
  const lines = readFileSync(path(file), 'utf8').split('\n');
  let at = -1;
  lines.forEach((l, i) => {
    if (after.test(l)) at = i;
  });
  if (at < 0) throw new Error(`${file}: no line matches ${after}`);
  lines.splice(at + 1, 0, line);
  writeFileSync(path(file), lines.join('\n'));
}
addLine(
  'src/index.ts',
  /^export \{ Mkt\w+ \} from '\.\/components\//,
  `export { Mkt${Pascal} } from './components/${name}/${tag}.js';`,
);
addLine('src/components/base/default-headings.ts', /^ {2}'mkt-[a-z-]+': '/, `  '${tag}': '${Title}',`);

console.log(`Wrote <${tag}>:
  ${Object.keys(files).join('\n  ')}
  and its export (src/index.ts) and default heading (src/components/base/default-headings.ts).
Next: write its SQL in src/metrics/${name}.ts, its drawing with a chart function of src/charts, and its test's
expected numbers by hand; add it to a demo page. Run: TEST_FILES=test/components/${tag}.test.ts npx wtr`);
