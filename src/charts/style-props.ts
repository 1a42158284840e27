import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

export type StyleProps = Readonly<Record<string, string | number | null | undefined>>;

const kebab = (name: string) => (name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/**
 * Sets inline style properties through the CSSOM (`element.style.setProperty`), never through the `style`
 * attribute: a page whose Content-Security-Policy has no `style-src 'unsafe-inline'` blocks style attributes,
 * including the string Lit's `styleMap` writes on its first render. Use as an element binding:
 * `<span ${styleProps({ background: colour })}></span>`.
 */
class StylePropsDirective extends Directive {
  /** What this binding last set, by property: unchanged values are not written again. */
  private previous = new Map<string, string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT)
      throw new Error('styleProps() is an element binding: <span ${styleProps({...})}>.');
  }

  render(_props: StyleProps): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): unknown {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.previous.keys()) {
      if (props[name] == null) {
        style.removeProperty(kebab(name));
        this.previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null || this.previous.get(name) === String(value)) continue;
      style.setProperty(kebab(name), String(value));
      this.previous.set(name, String(value));
    }
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
