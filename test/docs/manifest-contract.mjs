// The custom-elements manifest is the elements' public contract (Storybook's docs pages and editors read it). Checks,
// from custom-elements.json (`npm run manifest`) and the sources: every element has a summary and a description;
// it declares (`@fires`) every event it dispatches and dispatches every event it declares; and every event is a
// typed class in src/events, documented, registered in GlobalEventHandlersEventMap and exported from src/index.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checks } from '../support/checks.mjs';

if (!existsSync('custom-elements.json')) {
  console.log('manifest: custom-elements.json is missing; run `npm run manifest` first');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

// Sent on `document`, not by an element: how a widget with `data="id"` learns that its <mkt-data> has appeared.
// Internal to marketkit (components/base/data-link.ts listens), so not part of any element's contract.
const DOCUMENT_EVENTS = new Set(['mkt-data-connected']);
// MktWidget's protected helper that dispatches for the subclass calling it: only such a subclass sends the event.
const HELPERS = { changeFilters: 'mkt-filter-change' };

const { check, finish } = checks('manifest');

const read = (file) => readFileSync(file, 'utf8');

/** Every event class of src/events: name → { className, file, code }. */
const eventClasses = new Map();
for (const file of readdirSync('src/events').filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
  const code = read(`src/events/${file}`);
  for (const m of code.matchAll(/export class (\w+) extends Event \{\s*static readonly eventName = '([^']+)'/g))
    eventClasses.set(m[2], { className: m[1], file, code });
}
const classToName = new Map([...eventClasses].map(([name, c]) => [c.className, name]));

/** The .ts module a relative import of `from` names, or null for a package import. */
function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const file = path.resolve(path.dirname(from), spec).replace(/\.js$/, '.ts');
  return existsSync(file) ? path.relative('.', file) : null;
}

/** The module and the src modules it imports (not into other elements' modules), transitively. */
function moduleClosure(entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of read(file).matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
      const next = resolveImport(file, m[1]);
      if (next && !(path.basename(next).startsWith('mkt-') && next !== entry && !next.includes('/base/')))
        stack.push(next);
    }
  }
  return [...seen];
}

/** `[target, eventName]` of every `x.dispatchEvent(new Y(...))` in a module (helpers' dispatches left out). */
function dispatches(file) {
  // Without comments: JSDoc examples show page scripts dispatching events.
  const code = read(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const out = [];
  for (const m of code.matchAll(/([\w.]+)\??\.dispatchEvent\(\s*new\s+(\w+)\s*\(\s*(?:(['"`])([^'"`]+)\3)?/g)) {
    const [, target, className, , literal] = m;
    const name = className === 'Event' || className === 'CustomEvent' ? literal : classToName.get(className);
    if (!name) throw new Error(`${file} dispatches a ${className} this check cannot name`);
    out.push([target, name]);
  }
  for (const [helper, name] of Object.entries(HELPERS)) {
    if (new RegExp(`protected ${helper}\\(`).test(code)) {
      const own = out.findIndex(([, n]) => n === name);
      if (own >= 0) out.splice(own, 1);
    } else if (code.includes(`this.${helper}(`)) out.push(['this', name]);
  }
  return out;
}

/** Every class the manifest describes (elements and their base classes), with its module. */
const classes = new Map(
  manifest.modules.flatMap((mod) => (mod.declarations ?? []).map((d) => [d.name, { ...d, path: mod.path }])),
);
const declarations = [...classes.values()].filter((d) => d.customElement && d.tagName);

/** The modules of an element's class and of its superclasses that the manifest knows (MktWidget, CohortWidget). */
function classChain(d) {
  const modules = [];
  for (let cls = d; cls; cls = classes.get(cls.superclass?.name)) modules.push(cls.path);
  return modules;
}

console.log(`manifest: ${declarations.length} elements in custom-elements.json, ${eventClasses.size} event classes`);

await check('finds the elements and the event classes', () => {
  if (declarations.length < 10) throw new Error(`only ${declarations.length} elements in the manifest`);
  if (eventClasses.size < 5) throw new Error(`only ${eventClasses.size} event classes in src/events`);
});

for (const d of declarations) {
  await check(`<${d.tagName}> has a summary and a description`, () => {
    if (!d.summary?.trim()) throw new Error(`no @summary in the class JSDoc of ${d.name} (${d.path})`);
    if (!d.description?.trim()) throw new Error(`no description in the class JSDoc of ${d.name} (${d.path})`);
  });

  await check(`<${d.tagName}> declares every event it dispatches, and dispatches every event it declares`, () => {
    const modules = classChain(d);
    const files = new Set(modules.flatMap(moduleClosure));
    const sent = [...files].flatMap((file) => dispatches(file).map(([target, name]) => ({ file, target, name })));
    const onDocument = sent.filter((s) => /^(document|window)$/.test(s.target));
    const stray = onDocument.filter((s) => !DOCUMENT_EVENTS.has(s.name));
    if (stray.length > 0)
      throw new Error(stray.map((s) => `${s.file} sends ${s.name} on ${s.target}: not an element's event`).join('\n'));
    const dispatched = new Set(sent.filter((s) => !onDocument.includes(s)).map((s) => s.name));
    const declared = new Set((d.events ?? []).map((e) => e.name));
    const problems = [
      ...[...dispatched].filter((n) => !declared.has(n)).map((n) => `dispatches ${n} without an @fires tag`),
      ...[...declared].filter((n) => !dispatched.has(n)).map((n) => `declares @fires ${n} but never dispatches it`),
      ...(d.events ?? []).filter((e) => !e.description?.trim()).map((e) => `@fires ${e.name} has no description`),
    ];
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
}

const indexCode = read('src/index.ts');
const eventsIndex = read('src/events/index.ts');
const declaredEvents = new Set(declarations.flatMap((d) => (d.events ?? []).map((e) => e.name)));
for (const name of declaredEvents) {
  await check(`${name} is a typed, documented, exported event class`, () => {
    const cls = eventClasses.get(name);
    if (!name.startsWith('mkt-')) throw new Error(`${name}: public events are named mkt-*`);
    if (!cls) throw new Error(`no class in src/events has eventName '${name}'`);
    const { className, file, code } = cls;
    if (!new RegExp(`\\*/\\s*export class ${className}\\b`).test(code))
      throw new Error(`${className} (src/events/${file}) has no JSDoc saying when it is sent and what its detail is`);
    if (!/readonly detail\b/.test(code)) throw new Error(`${className} has no typed detail`);
    if (!new RegExp(`'${name}': ${className};`).test(code))
      throw new Error(`${className} is not registered in GlobalEventHandlersEventMap`);
    const module = `./${file.replace(/\.ts$/, '.js')}`;
    const exported =
      (indexCode.includes("export * from './events/index.js'") && eventsIndex.includes(`from '${module}'`)) ||
      new RegExp(`export \\{[^}]*\\b${className}\\b[^}]*\\} from '\\./events/`).test(indexCode);
    if (!exported) throw new Error(`${className} is not exported from src/index.ts`);
  });
}

finish();
