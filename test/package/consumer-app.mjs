// The files of the two consumers the package check builds: a Vite app (`import 'marketkit'`, type-checked) and a
// plain page that maps `marketkit` to the drop-in bundle with an import map. Each shows every element.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Elements without a chart: the check looks for their content instead of an <svg>. */
export const CHARTLESS = ['mkt-filters', 'mkt-kpis', 'mkt-insights', 'mkt-what-if', 'mkt-report'];

const versionOf = (repo, name) =>
  JSON.parse(readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;

/** Every element of the manifest but <mkt-data>, as markup inside `<mkt-data src=...>`. */
function dashboard(repo, src) {
  const manifest = JSON.parse(readFileSync(path.join(repo, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .map((d) => d.tagName)
    .filter((tag) => tag && tag !== 'mkt-data');
  return `<mkt-data src="${src}" locale="en-GB" currency="EUR">\n${tags.map((t) => `  <${t}></${t}>`).join('\n')}\n</mkt-data>`;
}

const page = (title, head, body) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n<title>${title}</title>\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** Path (relative to the consumer folder) → contents. */
export function consumerFiles(tarball, repo) {
  return {
    'package.json': JSON.stringify(
      {
        name: 'marketkit-consumer',
        private: true,
        type: 'module',
        dependencies: { marketkit: `file:${tarball}` },
        devDependencies: { vite: versionOf(repo, 'vite'), typescript: versionOf(repo, 'typescript') },
      },
      null,
      2,
    ),
    'vite-app/index.html': page(
      'marketkit in a Vite app',
      '<script type="module" src="./main.ts"></script>',
      dashboard(repo, './data/'),
    ),
    // Uses the package's types the way an app would: `tsc` fails when they do not resolve or do not match.
    'vite-app/main.ts': `import 'marketkit';
import { MktFilterChangeEvent, type MktErrorCode } from 'marketkit';
import { MktKpis } from 'marketkit/components/kpis/mkt-kpis.js';

declare global {
  interface Window {
    __pageScript?: string;
  }
}

const data = document.querySelector('mkt-data');
data?.addEventListener('mkt-data-ready', (e) => console.log(\`loaded in \${Math.round(e.detail.loadMs)} ms\`));
document.addEventListener('mkt-option-change', (e) => console.log(e.detail.option, e.detail.value));
document.addEventListener('mkt-scenario-change', (e) => console.log(e.detail.projection?.projected.gmv));
const warning: MktErrorCode = 'worker-unavailable';
const api = [MktFilterChangeEvent, MktKpis, data?.setFilters].every((f) => typeof f === 'function');
window.__pageScript = api ? 'ok' : \`missing API (\${warning})\`;
`,
    'vite-app/tsconfig.json': JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          skipLibCheck: true,
          noEmit: true,
          types: [],
        },
        include: ['main.ts'],
      },
      null,
      2,
    ),
    'plain/index.html': page(
      'marketkit on a plain page',
      '<script type="importmap">{ "imports": { "marketkit": "/vendor/marketkit/dist/bundle/marketkit.js" } }</script>\n' +
        '<script type="module" src="./app.js"></script>',
      dashboard(repo, '/data/'),
    ),
    'plain/app.js': `import { MktFilterChangeEvent } from 'marketkit';

window.__pageScript = typeof MktFilterChangeEvent === 'function' ? 'ok' : 'no MktFilterChangeEvent export';
`,
  };
}
