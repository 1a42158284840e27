// Proves that ESLint's layer rules (eslint.config.mjs) fire: each import below is linted as if it were written in
// the file named, and must be refused (or allowed) as CONTRIBUTING's table says. Run by `npm run lint`.
import { ESLint } from 'eslint';

const cases = [
  { file: 'src/charts/layer-check.ts', from: '../components/base/mkt-widget.js', refused: true },
  { file: 'src/charts/layer-check.ts', from: '../data/query-engine.js', refused: true },
  { file: 'src/metrics/layer-check.ts', from: '../components/kpis/kpi-list.js', refused: true },
  { file: 'src/models/layer-check.ts', from: '../components/churn/mkt-churn.js', refused: true },
  { file: 'src/data/layer-check.ts', from: '../components/clv/mkt-clv.js', refused: true },
  { file: 'src/models/worker/layer-check.ts', from: '../../components/base/segmented.js', refused: true },
  { file: 'src/data/layer-check.ts', from: '../server/node-database.js', refused: true },
  { file: 'src/components/kpis/layer-check.ts', from: '../../server/errors.js', refused: true },
  { file: 'src/index-check.ts', from: './server/cli.js', refused: true },
  { file: 'src/charts/layer-check.ts', from: '../server/errors.js', refused: true },
  { file: 'src/server/layer-check.ts', from: '../components/kpis/mkt-kpis.js', refused: true },
  { file: 'src/server/layer-check.ts', from: '../data/derived-tables.js', refused: false },
  { file: 'src/server/layer-check.ts', from: './node-database.js', refused: false },
  { file: 'src/queries/layer-check.ts', from: '../components/kpis/kpi-list.js', refused: true },
  { file: 'src/queries/layer-check.ts', from: '../data/query-engine.js', refused: true },
  { file: 'src/queries/layer-check.ts', from: '../data/filter-state.js', type: true, refused: false },
  { file: 'src/queries/layer-check.ts', from: '../metrics/kpis.js', refused: false },
  { file: 'src/components/kpis/layer-check.ts', from: '../../queries/registry.js', refused: false },
  { file: 'src/charts/layer-check.ts', from: './time-line.js', refused: false },
  { file: 'src/data/layer-check.ts', from: '../models/customer-analysis.js', refused: false },
  { file: 'src/components/kpis/layer-check.ts', from: '../../data/query-engine.js', refused: false },
  { file: 'src/components/kpis/layer-check.ts', from: '../base/segmented.js', refused: false },
];

const eslint = new ESLint();
const failures = [];
for (const c of cases) {
  const source = c.type
    ? `import type { x } from '${c.from}';\nexport type y = x;\n`
    : `import { x } from '${c.from}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(source, { filePath: c.file });
  const refused = result.messages.some((m) => /(^|\/)no-restricted-imports$/.test(m.ruleId ?? ''));
  if (refused !== c.refused)
    failures.push(`${c.file}: import from '${c.from}' was ${refused ? 'refused' : 'allowed'}, expected the opposite`);
}
if (failures.length > 0) {
  console.error(`Layer rules do not hold:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`Layer rules: ${cases.length} imports refused or allowed as expected.`);
