import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
// @ts-expect-error a virtual module made by test/support/wtr-plugins.mjs: every stories/**/*.stories.ts
import { stories } from '/__stories__.js';
import { waitFor } from './support/dom.js';

interface StoryModule {
  default: {
    title: string;
    args?: Record<string, unknown>;
    render?: (args: Record<string, unknown>) => TemplateResult;
  };
  [name: string]: unknown;
}
type Story = { args?: Record<string, unknown>; render?: (args: Record<string, unknown>) => TemplateResult };

/** Every element under `root`, through shadow roots. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

function settled(container: Element, expectLoading: boolean): boolean {
  const all = deepElements(container);
  const data = all.filter((el) => el.localName === 'mkt-data') as (Element & { state: { status: string } })[];
  if (data.some((d) => d.state.status === 'loading' || d.state.status === 'idle')) return false;
  if (container.textContent?.includes('Generating the story dataset')) return false;
  if (expectLoading) return all.some((el) => el.classList.contains('skeleton'));
  return !all.some((el) => el.matches('.skeleton, .stale'));
}

const modules = Object.entries(stories as Record<string, () => Promise<StoryModule>>);

describe('Every story renders', function () {
  this.timeout(120000);
  const errors: unknown[] = [];
  const original = console.error;
  before(() => {
    console.error = (...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
      original(...args);
    };
  });
  after(() => {
    console.error = original;
  });

  it('finds the story files', () => {
    expect(modules.length).to.be.greaterThan(1);
  });

  for (const [file, load] of modules) {
    it(`${file}: every story renders its state with no console error`, async () => {
      const module = await load();
      const meta = module.default;
      for (const [name, value] of Object.entries(module)) {
        if (name === 'default' || typeof value !== 'object' || value === null) continue;
        const story = value as Story;
        const renderStory = story.render ?? meta.render;
        expect(renderStory, `${meta.title} / ${name} has a render function`).to.be.a('function');
        errors.length = 0;
        const container = document.createElement('div');
        container.style.width = '960px';
        document.body.append(container);
        render(renderStory!({ ...meta.args, ...story.args }), container);
        const kind = name.toLowerCase();
        await waitFor(() => settled(container, kind === 'loading'), `${meta.title} / ${name} to settle`, 60000);
        const messages = deepElements(container).filter((el) => el.matches('.message.error, [role="alert"]'));
        if (kind === 'error') expect(messages.length, `${meta.title} / ${name} shows an error`).to.be.greaterThan(0);
        else
          expect(
            messages.map((m) => m.textContent?.trim()),
            `${meta.title} / ${name} shows no error`,
          ).to.deep.equal([]);
        if (kind === 'empty') {
          expect(
            deepElements(container).some((el) => el.matches('.message.empty')),
            `${meta.title} / ${name} shows its empty state`,
          ).to.be.true;
        }
        expect(errors, `${meta.title} / ${name} logged no console error`).to.deep.equal([]);
        render(null, container);
        container.remove();
      }
    });
  }
});
