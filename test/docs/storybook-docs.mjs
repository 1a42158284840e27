// Opens every Docs page of the built Storybook (storybook-static, rebuilt first when missing or older than the
// sources) in Chromium and fails on a blank page, a missing section (the element's description; its API table with
// every attribute, event, CSS part and CSS property of custom-elements.json; each of its stories, showing the
// element) or any page or console error. Also checks that every element of the manifest has a Docs page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../support/chromium.mjs';
import { serveFolders } from '../e2e/static-server.mjs';
import { checks } from '../support/checks.mjs';
import { ensureStorybookBuilt, STORYBOOK_DIR } from './storybook-build.mjs';

const PAGE_TIMEOUT = 30000;

ensureStorybookBuilt();
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = new Map(
  manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [[d.tagName, d]] : [])),
);
const entries = Object.values(JSON.parse(readFileSync(path.join(STORYBOOK_DIR, 'index.json'), 'utf8')).entries);
const docsPages = entries.filter((e) => e.type === 'docs');
/** The `component` of a story file's default export (a tag name), or null. */
const componentOf = (importPath) => readFileSync(importPath, 'utf8').match(/^\s*component:\s*'([^']+)'/m)?.[1] ?? null;

/** The first sentence of a JSDoc description as the Docs page shows it (Markdown rendered to text). */
const shownText = (markdown) =>
  markdown
    .split(/(?<=\.)\s/)[0]
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // Underscores inside code (`support_tickets`) are text; elsewhere, like asterisks, emphasis.
    .replace(/`([^`]*)`/g, (_, code) => code.replaceAll('_', '\uE000'))
    .replace(/[*_]/g, '')
    .replaceAll('\uE000', '_')
    .replace(/\s+/g, ' ')
    .trim();

const server = await serveFolders([['/', path.resolve(STORYBOOK_DIR)]]);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const { check, finish } = checks('storybook-docs');

console.log(`storybook-docs: ${docsPages.length} Docs pages at ${base}`);

await check('every element in custom-elements.json has a Docs page', async () => {
  const documented = new Set(docsPages.map((e) => componentOf(e.importPath)));
  const missing = [...elements.keys()].filter((tag) => !documented.has(tag));
  if (missing.length > 0) throw new Error(`no story file with autodocs has component: ${missing.join(', ')}`);
});

for (const entry of docsPages) {
  const tag = componentOf(entry.importPath);
  const element = elements.get(tag);
  const stories = entries.filter((e) => e.type === 'story' && e.importPath === entry.importPath);
  await check(`${entry.title}: <${tag}>'s description, API table and ${stories.length} stories, no error`, async () => {
    if (!element)
      throw new Error(`${entry.importPath} documents ${tag ?? 'no component'}, which is not in the manifest`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    // A page error (Storybook's own, like "docsParameter.renderer is not a function") ends the wait at once.
    const failed = new Promise((resolve) => page.on('pageerror', resolve));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    try {
      await page.goto(`${base}/iframe.html?viewMode=docs&id=${entry.id}`);
      // The Docs page is drawn, with its API table, and every story shows the element (after its dataset).
      const drawn = page
        .waitForFunction(
          ({ tag, ids }) => {
            const docs = document.querySelector('#storybook-docs .sbdocs-content');
            if (!docs?.querySelector('table.docblock-argstable')) return false;
            return ids.every((id) => document.querySelector(`#story--${CSS.escape(id)} ${tag}`));
          },
          { tag, ids: stories.map((s) => s.id) },
          { timeout: PAGE_TIMEOUT, polling: 100 },
        )
        .catch(
          () =>
            page.isClosed() ||
            problems.push(`the page, its API table or a story did not appear within ${PAGE_TIMEOUT / 1000} s`),
        );
      await Promise.race([drawn, failed]);
      const shown = await page.evaluate(() => {
        const docs = document.querySelector('#storybook-docs .sbdocs-content');
        const rows = {};
        let category = '';
        for (const tr of docs?.querySelectorAll('table.docblock-argstable tbody tr') ?? []) {
          // A section's header row is titled "Hide attributes items" (or "Show ..." when folded).
          const section = tr.title.match(/^(?:Hide|Show) (.*) items$/);
          if (section) category = section[1];
          else (rows[category] ??= []).push(tr.querySelector('td:first-child span')?.textContent.trim());
        }
        return {
          text: (docs?.textContent ?? '').replace(/\s+/g, ' '),
          title: docs?.querySelector('h1')?.textContent.trim(),
          rows,
          stories: [...document.querySelectorAll('[id^="story--"]')].map((e) => e.id),
          // Error messages shown in stories other than the "Error" ones (which show one on purpose).
          errors: [...document.querySelectorAll('[id^="story--"]:not([id$="--error"]):not([id$="-inner"])')].flatMap(
            (story) =>
              [...story.querySelectorAll('*')]
                .flatMap((el) => [...(el.shadowRoot?.querySelectorAll('.message.error, [role="alert"]') ?? [])])
                .map((m) => `${story.id}: ${m.textContent.trim().slice(0, 160)}`),
          ),
        };
      });
      if (shown.text.length < 200) problems.push(`the Docs page is blank (${shown.text.length} characters of text)`);
      if (shown.title !== entry.title.split('/').at(-1)) problems.push(`its title is "${shown.title}"`);
      const description = shownText(element.description ?? '');
      if (!description || !shown.text.includes(description))
        problems.push(`the element's description is missing: "${description.slice(0, 80)}…"`);
      const expected = {
        attributes: element.attributes ?? [],
        events: element.events ?? [],
        'css shadow parts': element.cssParts ?? [],
        'css custom properties': element.cssProperties ?? [],
      };
      for (const [category, items] of Object.entries(expected)) {
        const names = new Set(shown.rows[category] ?? []);
        const missing = items.map((i) => i.name).filter((n) => !names.has(n));
        if (missing.length > 0) problems.push(`the API table's ${category} lack ${missing.join(', ')}`);
      }
      if (!(element.attributes?.length > 0)) problems.push(`<${tag}> has no attributes in the manifest`);
      problems.push(...shown.errors.map((e) => `a story shows an error: ${e}`));
      const missingStories = stories.filter((s) => !shown.stories.includes(`story--${s.id}`));
      if (missingStories.length > 0)
        problems.push(`stories not shown: ${missingStories.map((s) => s.name).join(', ')}`);
    } finally {
      await page.close();
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
}

// A Docs page starts a DuckDB per story, which takes long on a busy machine: the stories' data is checked once,
// on one story of its own (and every story renders with its data in test/stories.test.ts).
await check("a story's dataset loads into DuckDB in the built Storybook (its wasm and worker are served)", async () => {
  const story = entries.find((e) => e.type === 'story' && e.importPath.endsWith('/kpis.stories.ts'));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  try {
    await page.goto(`${base}/iframe.html?viewMode=story&id=${story.id}`);
    const status = await page
      .waitForFunction(
        () => {
          const status = document.querySelector('mkt-data')?.state?.status;
          return (status === 'ready' || status === 'error') && status;
        },
        null,
        { timeout: 90000, polling: 100 },
      )
      .then((h) => h.jsonValue());
    if (status !== 'ready') problems.push(`<mkt-data> says ${status}`);
  } finally {
    await page.close();
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
});

await browser.close();
server.close();
finish();
