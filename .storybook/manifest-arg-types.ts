import type { ArgTypes } from '@storybook/web-components-vite';

interface Item {
  readonly name: string;
  readonly description?: string;
  readonly type?: { readonly text?: string };
  readonly default?: string;
  readonly kind?: string;
  readonly static?: boolean;
  readonly readonly?: boolean;
  readonly fieldName?: string;
}
interface Declaration {
  readonly tagName?: string;
  readonly members?: readonly Item[];
  readonly attributes?: readonly Item[];
  readonly events?: readonly Item[];
  readonly slots?: readonly Item[];
  readonly cssParts?: readonly Item[];
  readonly cssProperties?: readonly Item[];
}
interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly Declaration[] }[];
}
type ArgType = ArgTypes[string];

/** A control for the types a control can edit: text, number, on/off, or one of a few string literals. */
function controlled(text: string | undefined): Pick<ArgType, 'type' | 'control' | 'options'> {
  const type = (text ?? '').replace(/\s*\|\s*undefined$/, '');
  if (type === 'string' || type === 'number' || type === 'boolean') return { type: { name: type } };
  const literals = type.split('|').map((t) => t.trim());
  if (literals.length > 1 && literals.every((t) => /^'[^']*'$/.test(t))) {
    const options = literals.map((t) => t.slice(1, -1));
    return { type: { name: 'enum', value: options }, control: { type: 'inline-radio' }, options };
  }
  return { control: false };
}

function row(
  item: Item,
  category: string,
  control: Pick<ArgType, 'type' | 'control' | 'options'> = { control: false },
) {
  return {
    name: item.name,
    description: item.description,
    ...control,
    table: {
      category,
      type: item.type?.text ? { summary: item.type.text } : undefined,
      defaultValue: item.default !== undefined ? { summary: item.default } : undefined,
    },
  } as ArgType;
}

/**
 * The Docs page's API table of one element, from custom-elements.json: properties, attributes, methods, events,
 * slots, CSS parts and CSS properties. Storybook's own web-components reader keys every row by its name, so a part
 * named like an attribute (`heading`) replaced the attribute's row and its control; here only properties and
 * attributes are keyed by name (they are the story's args), the rest by category and name.
 */
export function argTypesFromManifest(manifest: Manifest, tagName: string): ArgTypes | undefined {
  const d = manifest.modules.flatMap((m) => m.declarations ?? []).find((x) => x.tagName === tagName);
  if (!d) return undefined;
  const out: ArgTypes = {};
  const attributeOf = new Map((d.attributes ?? []).map((a) => [a.fieldName ?? a.name, a.name]));
  for (const m of d.members ?? []) {
    if (m.static) continue;
    if (m.kind === 'method') out[`method:${m.name}`] = row(m, 'methods');
    // A property with an attribute of the same name is the attribute's row (below).
    else if (attributeOf.get(m.name) !== m.name)
      out[m.name] = row(m, 'properties', m.readonly ? { control: false } : controlled(m.type?.text));
  }
  for (const a of d.attributes ?? [])
    // An attribute named unlike its property (`price-change`) is set through the property's control.
    out[a.name] = row(
      a,
      'attributes',
      a.fieldName && a.fieldName !== a.name ? { control: false } : controlled(a.type?.text),
    );
  for (const e of d.events ?? []) out[`event:${e.name}`] = row(e, 'events');
  for (const s of d.slots ?? []) out[`slot:${s.name}`] = row({ ...s, name: s.name || '(default)' }, 'slots');
  for (const p of d.cssParts ?? []) out[`part:${p.name}`] = row(p, 'css shadow parts');
  for (const p of d.cssProperties ?? []) out[`cssprop:${p.name}`] = row(p, 'css custom properties');
  return out;
}
