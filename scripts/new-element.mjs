// `npm run new:element -- <name> [--root <dir>]`: scaffolds a widget `<mkt-<name>>` on the shape of CONTRIBUTING's
// recipe: its SQL in src/metrics/<name>.ts, registered by name in src/queries/registry.ts, the element and its
// styles in src/components/<name>/, a story, a test against the tiny marketplace, its default heading, and its
// export from src/index.ts (the custom-elements manifest then picks it up from its JSDoc). It draws GMV by category with bars() as a working starting point.
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

// The templates (scripts/element-template/*.tpl) are the files as they are written, with __NAME__ (refund-rate),
// __TAG__ (mkt-refund-rate), __CAMEL__ (refundRate), __PASCAL__ (RefundRate) and __TITLE__ (Refund rate).
const template = (file) =>
  readFileSync(join(import.meta.dirname, 'element-template', file), 'utf8')
    .replaceAll('__NAME__', name)
    .replaceAll('__TAG__', tag)
    .replaceAll('__CAMEL__', camel)
    .replaceAll('__PASCAL__', Pascal)
    .replaceAll('__TITLE__', Title);
const files = {
  [`src/metrics/${name}.ts`]: template('metric.ts.tpl'),
  [`src/components/${name}/${tag}.ts`]: template('element.ts.tpl'),
  [`src/components/${name}/${tag}.styles.ts`]: template('styles.ts.tpl'),
  [`stories/${name}.stories.ts`]: template('story.ts.tpl'),
  [`test/components/${tag}.test.ts`]: template('test.ts.tpl'),
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
addLine(
  'src/queries/registry.ts',
  /from '\.\.\/metrics\/[\w-]+\.js';$/,
  `import { ${camel}Sql } from '../metrics/${name}.js';`,
);
addLine('src/queries/registry.ts', /^ {2}\w+: \w+Sql,$/, `  ${camel}: ${camel}Sql,`);
addLine('test/fixtures/query-samples.ts', /^ {2}\w+: \[named\(/, `  ${camel}: [named('${camel}', filters)],`);
// What a marketkit server accepts as the query's arguments (src/server/query-arguments.ts): the filter state.
addLine('src/server/query-arguments.ts', /^ {2}\w+: argumentList\(.*\),$/, `  ${camel}: argumentList(filters),`);
addLine('src/components/base/default-headings.ts', /^ {2}'mkt-[a-z-]+': '/, `  '${tag}': '${Title}',`);

console.log(`Wrote <${tag}>:
  ${Object.keys(files).join('\n  ')}
  its query's name (src/queries/registry.ts, its server argument schema in src/server/query-arguments.ts,
  sample arguments in test/fixtures/query-samples.ts), its export
  (src/index.ts) and default heading (src/components/base/default-headings.ts).
Next: write its SQL in src/metrics/${name}.ts, its drawing with a chart function of src/charts, and its test's
expected numbers by hand; add it to a demo page. Run: TEST_FILES=test/components/${tag}.test.ts npx wtr`);
