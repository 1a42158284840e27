// Writes docs/schema.md from src/schema/tables.ts, the one truth about the tables: `npm run docs:schema`.
import { writeFileSync } from 'node:fs';
import { SCHEMA, TABLE_NAMES } from '../src/schema/tables.js';

const lines = [
  '# Dataset schema',
  '',
  'Generated from `src/schema/tables.ts` by `npm run docs:schema`; do not edit by hand.',
  '',
  'A dataset is a folder with a `manifest.json` and one file per table (Arrow IPC by default; Parquet and CSV also load).',
  'Types are DuckDB types; wider integer and numeric types are accepted where a narrower one is listed.',
  'Optional tables may be left out: the elements that need them say so in place, the others work.',
  '',
];
for (const name of TABLE_NAMES) {
  const t = SCHEMA[name];
  lines.push(`## ${name}${t.optional ? ' (optional)' : ''}`, '', t.description, '', '| column | type | nullable | notes |', '|---|---|---|---|');
  for (const c of t.columns) {
    const notes = [c.description, c.values ? `One of: ${c.values.map((v) => `\`${v}\``).join(', ')}.` : '', c.references ? `→ \`${c.references}\`` : '']
      .filter(Boolean)
      .join(' ');
    lines.push(`| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | ${notes} |`);
  }
  lines.push('');
}
writeFileSync('docs/schema.md', lines.join('\n'));
console.log('wrote docs/schema.md');
