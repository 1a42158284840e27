// Generates custom-elements.json from the elements' JSDoc; Storybook's autodocs and editors read it.
import { readdirSync, readFileSync } from 'node:fs';

/** Event name → class name, from src/events (`static readonly eventName = 'mkt-…'` in each class). */
function eventClasses() {
  const classes = new Map();
  for (const file of readdirSync('src/events')) {
    const code = readFileSync(`src/events/${file}`, 'utf8');
    for (const m of code.matchAll(/export class (\w+) extends Event \{\s*static readonly eventName = '([^']+)'/g))
      classes.set(m[2], m[1]);
  }
  return classes;
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/base/data-link.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also guesses events from `dispatchEvent(new X(value))` and names them after the argument;
      // the documented `@fires mkt-*` tags are the contract, so keep only those, typed with their event class.
      // Private and protected members are not API: keep them out of the manifest (and Storybook's props table).
      name: 'marketkit-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        const classes = eventClasses();
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) {
              declaration.events = declaration.events
                .filter((e) => e.name?.startsWith('mkt-'))
                .map((e) => (classes.has(e.name) ? { ...e, type: { text: classes.get(e.name) } } : e));
            }
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
              );
            }
          }
        }
      },
    },
  ],
};
