// Writes docs/schema.md from src/schema/tables.ts, the one truth about the tables: `npm run docs:schema`.
import { writeFileSync } from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import { SCHEMA, TABLE_NAMES } from '../src/schema/tables.js';
import { COERCIONS } from '../src/data/coerce-table.js';
import { DERIVED_TABLES } from '../src/data/derived-tables.js';

const lines = [
  '# Dataset schema',
  '',
  'Generated from `src/schema/tables.ts` by `npm run docs:schema`; do not edit by hand.',
  '',
  'A dataset is a folder with a `manifest.json` and one file per table: Arrow IPC, Parquet or CSV (see [The manifest](#the-manifest)).',
  'Your files may name columns their own way ([Column mapping](#column-mapping)) and hold other types where no value changes',
  '([Type coercions](#type-coercions)). Every listed column must be there; a column that is not nullable needs a value in every',
  'row; a column with a list of values takes only those. Anything else stops the load with an `mkt-error` naming the table,',
  'the column, how many values are wrong and one of them, shown in place of the dashboard. Nothing is dropped or changed silently.',
  'Optional tables may be left out: the elements that need them say so in place, the others work ([Tables per element](#tables-per-element)).',
  'A column marked *optional column* may be left out of the file (the kit adds it, empty); every other column must be',
  'there: where your data has no equivalent, fill it when you convert it, and say how (for example',
  '`generator/convert-olist.ts`: tier from GMV rank, cost null because Olist has no costs).',
  'See [Orders, payments, returns](#orders-payments-returns) for what `order_id` and the optional order tables change.',
  '',
];
for (const name of TABLE_NAMES) {
  const t = SCHEMA[name];
  lines.push(
    `## ${name}${t.optional ? ' (optional)' : ''}`,
    '',
    t.description,
    '',
    '| column | type | nullable | notes |',
    '|---|---|---|---|',
  );
  for (const c of t.columns) {
    const notes = [
      c.optional ? '*Optional column.*' : '',
      c.description,
      c.values ? `One of: ${c.values.map((v) => `\`${v}\``).join(', ')}.` : '',
      c.references ? `→ \`${c.references}\`` : '',
    ]
      .filter(Boolean)
      .join(' ');
    lines.push(`| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | ${notes} |`);
  }
  lines.push('');
}
lines.push(...ordersSection(), ...manifestSection(), ...mappingSection(), ...coercionSection(), ...elementSection());
writeFileSync('docs/schema.md', lines.join('\n'));
console.log('wrote docs/schema.md');

function ordersSection(): string[] {
  return [
    '## Orders, payments, returns',
    '',
    'An **order** is the lines of `transactions` that share an `order_id`; status, customer and date stay per line. With',
    'order ids, every figure called "orders" counts distinct orders (`count(DISTINCT order_key)` in `mkt_orders`,',
    '`src/metrics/orders.ts`); without them (the column left out, or null on a line) each line is its own order, and the',
    'elements say so in place: a note on the KPI average order value ("per order line: no order ids"), on category',
    "performance's orders view, on what-if and on seller health's rates; revenue trend (tooltip, table, CSV), the CSV of",
    'geography and anomalies name the count "Order lines". An order with lines in two categories counts once in each',
    'category and once in the total. What changes meaning with `order_id`:',
    '',
    '| figure | with `order_id` | without |',
    '|---|---|---|',
    '| KPI average order value | GMV / completed orders | GMV / completed lines (the tile says so) |',
    '| Orders in category performance, revenue trend, geography, what-if, anomalies | distinct orders | lines |',
    '| Seller health defect, late, cancellation rates | per order of the seller (its lines in the order) | per line |',
    '| Funnel: purchases vs orders placed | orders | lines |',
    '',
    'Purchase frequency (RFM frequency, BG/NBD repeat purchases) counts **distinct purchase days**, with or without',
    'order ids: two orders on one day are one purchase, as in the BG/NBD papers and the CDNOW summary data.',
    '',
    'Cancellation and late rates follow REFERENCE.md: cancelled orders / orders, orders shipped late / shipped orders',
    '(an order with a completed or returned line), per seller. The order defect rate is orders with a 1–2 star review /',
    'orders (the data has no claims or chargebacks).',
    '',
    '- **orders** (optional) makes orders without lines countable: a cancellation before any item was allocated (Olist',
    '  has 109) is a `cancelled` `orders` row whose id no line carries. It counts once in marketplace-wide order counts',
    '  and cancellation rates; it has no seller, product or category, so per-seller and per-category figures do not',
    '  include it. A completed or returned order without lines has no revenue or item to count and is not counted.',
    '  An order that has lines takes its status, customer and date from its lines, not from this table.',
    '- **payments** (optional): one row per payment of an order; `order_id` as in `transactions.order_id`.',
    '- **returns** (optional): the details (date, reason, refund) of a line whose status is `returned`. A refund is never a',
    '  negative revenue in `transactions`.',
    '- **page_events.order_id** (optional column): on a purchase event, the order it placed.',
    '',
  ];
}

function manifestSection(): string[] {
  return [
    '## The manifest',
    '',
    '`<mkt-data src="/data/shop/">` reads `/data/shop/manifest.json` (or `src` names the manifest itself). Per table:',
    '',
    '| key | meaning |',
    '|---|---|',
    '| `file` | Path of the file, relative to the manifest (or an absolute URL). Required. |',
    '| `format` | `arrow` (Arrow IPC, stream or file), `parquet` or `csv` (a header line; comma separated, `.tsv` tab separated). When absent: by extension — `.arrow` `.arrows` `.ipc` `.feather` → arrow, `.parquet` → parquet, `.csv` `.tsv` → csv; otherwise Parquet is recognised by its first bytes (`PAR1`) and anything else is read as Arrow IPC. |',
    '| `columns` | Your column names: `{ "kitColumn": "yourColumn" }`. Columns left out keep the kit\'s name. |',
    '| `rows` | Row count, informative only. |',
    "| `bytes` | The file's size in bytes, optional: the progress bar's total, and the size of the buffer the file downloads into when the server sends no Content-Length. A wrong size costs time, never data. |",
    '',
    'Other top-level keys (`name`, `currency`, `dateRange`, `notes`, ...) are kept as they are.',
    '',
    '```json',
    JSON.stringify(
      {
        schemaVersion: 1,
        name: 'My shop',
        tables: {
          sellers: { file: 'sellers.csv' },
          products: { file: 'products.parquet' },
          customers: { file: 'customers.arrow' },
          transactions: { file: 'orders.parquet', columns: { order_date: 'purchased_at', revenue: 'amount' } },
        },
      },
      null,
      2,
    ),
    '```',
    '',
    'CSV files are read as text and typed by the schema below (so an id `007` stays `007`); empty cells are null.',
    "Parquet is decoded with parquet-wasm, shipped with the kit (DuckDB-WASM's own Parquet reader is an extension it downloads",
    'at run time); Arrow IPC and CSV go straight to DuckDB in its worker.',
    '',
  ];
}

function mappingSection(): string[] {
  return [
    '## Column mapping',
    '',
    'In the manifest (`columns` per table, above) or from JavaScript with the `mapping` property of `<mkt-data>`,',
    "`{ [table]: { [kitColumn]: yourColumn } }`. The property's entries override the manifest's for the same kit column;",
    'setting it reloads the dataset. A mapping that names a column the kit does not have is a `manifest-invalid` error;',
    'one that names a column your file does not have is `column-missing`. Names match exactly, or else case-insensitively',
    'when only one column matches.',
    '',
    '```js',
    "const data = document.querySelector('mkt-data');",
    "data.mapping = { transactions: { order_date: 'purchased_at', revenue: 'amount' }, customers: { id: 'customer_unique_id' } };",
    "data.src = '/data/shop/';",
    '```',
    '',
  ];
}

function coercionSection(): string[] {
  return [
    '## Type coercions',
    '',
    'A column may hold another type than the one listed when every value converts without change. A value that would',
    'become null is an error (`column-type`), for example',
    '`Column "transactions.order_date" (user column "purchased_at") holds 12 values that are not dates, e.g. "yesterday".`',
    'Leading and trailing spaces of text are ignored. Any pair not listed here is a `column-type` error.',
    '',
    '| kit type | your column | becomes |',
    '|---|---|---|',
    ...COERCIONS.map(([kit, from, how]) => `| ${kit} | ${from} | ${how} |`),
    '',
    "After coercion: a null in a column that is not nullable, or a value outside a column's list, is a `data-invalid` error.",
    '',
  ];
}

/**
 * Which tables each element needs, read from the components' source: `requires` (MktWidget's default is
 * `mkt_orders`; a list spread from a constant of src/metrics is looked up there) and, in any file of the element's
 * folder, `tables.has('...')` or a `*_REQUIRE` list checked with `tables.has(t)` for tables it uses when present.
 */
function elementSection(): string[] {
  const raw = (tables: readonly string[]): string[] => {
    const out = new Set<string>();
    for (const t of tables) {
      const derived = DERIVED_TABLES.find((d) => d.name === t);
      for (const name of derived ? derived.needs : [t]) out.add(name);
    }
    return TABLE_NAMES.filter((n) => out.has(n));
  };
  const metrics = readdirSync('src/metrics')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(`src/metrics/${f}`, 'utf8'))
    .join('\n');
  const listed = (text: string): string[] => [...text.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const constant = (name: string): string[] =>
    listed(new RegExp(`export const ${name} = \\[([^\\]]*)\\]`).exec(metrics)?.[1] ?? '');
  const tablesIn = (list: string): string[] => [
    ...listed(list),
    ...[...list.matchAll(/\.\.\.([A-Z_]+)/g)].flatMap((m) => constant(m[1])),
  ];
  const rows: string[] = [];
  for (const folder of readdirSync('src/components').sort()) {
    const files = readdirSync(`src/components/${folder}`).filter((f) => f.endsWith('.ts') && !f.includes('.styles.'));
    const folderSource = files.map((f) => readFileSync(`src/components/${folder}/${f}`, 'utf8')).join('\n');
    for (const file of files.filter((f) => /^mkt-.*\.ts$/.test(f))) {
      const source = readFileSync(`src/components/${folder}/${file}`, 'utf8');
      const tag = /@customElement\('([^']+)'\)/.exec(source)?.[1];
      if (!tag || !/extends MktWidget</.test(source)) continue;
      const declared = /requires(?::[^=]+)?\s*=\s*\[([^\]]*)\]/.exec(source)?.[1];
      const needs = declared === undefined ? ['mkt_orders'] : tablesIn(declared);
      const used = [
        ...[...folderSource.matchAll(/tables\.has\('([^']+)'\)/g)].map((m) => m[1]),
        ...[...folderSource.matchAll(/([A-Z_]+_REQUIRE)\.every\(\(t\) => [^;]*tables\.has\(t\)/g)].flatMap((m) =>
          constant(m[1]),
        ),
      ];
      const optional = raw(used).filter((t) => !raw(needs).includes(t));
      const list = (tables: string[]) => (tables.length ? tables.map((t) => `\`${t}\``).join(', ') : '—');
      rows.push(`| \`<${tag}>\` | ${list(raw(needs))} | ${list(optional)} |`);
    }
  }
  return [
    '## Tables per element',
    '',
    'The tables an element cannot work without (it says so in place when one is missing), and the optional tables it uses',
    'when present (without them it shows what it can and says what is missing). An element needs every column of its tables.',
    '`<mkt-data>` itself needs the four required tables.',
    '',
    '| element | needs | uses when present |',
    '|---|---|---|',
    ...rows,
    '',
  ];
}
