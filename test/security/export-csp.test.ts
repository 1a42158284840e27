import { expect } from '@open-wc/testing';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { settled } from '../support/dom.js';
import { mountEveryElement } from '../support/elements.js';

/**
 * The README's policy forbids style attributes (`style-src 'self'`, no 'unsafe-inline'). This page enforces that
 * part of it with a <meta> policy added before anything is exported, and records every violation.
 */
describe('SVG and PNG exports under a Content-Security-Policy without inline styles', () => {
  let data: MktData;
  let widgets: MktWidget<unknown>[];
  const violations: string[] = [];
  const onViolation = (e: SecurityPolicyViolationEvent) =>
    violations.push(`${e.violatedDirective} at ${e.sourceFile}:${e.lineNumber}`);

  before(async () => {
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "style-src-attr 'none'";
    document.head.append(policy);
    document.addEventListener('securitypolicyviolation', onViolation);
    ({ data, widgets } = await mountEveryElement(tinyDataset()));
    for (const w of widgets) await settled(w);
  });

  after(() => {
    document.removeEventListener('securitypolicyviolation', onViolation);
    data.remove();
  });

  it('enforces the policy on this page (a style attribute set by script is reported)', async () => {
    const probe = document.createElement('span');
    probe.setAttribute('style', 'color: red');
    await new Promise((r) => setTimeout(r, 100));
    expect(violations.length).to.be.above(0);
    violations.length = 0;
  });

  it('exports every chart as SVG and PNG with no violation', async () => {
    let exported = 0;
    const withStyle: string[] = [];
    for (const w of widgets) {
      let svg: string;
      try {
        svg = w.exportSvg();
      } catch {
        continue; // No chart on screen (the KPIs, the filter bar, an empty view).
      }
      if (/\sstyle=/.test(svg)) withStyle.push(w.localName);
      const png = await w.exportPng(1);
      expect(png.type, `${w.localName} PNG`).to.equal('image/png');
      exported++;
    }
    // Violations are reported in a task after the one that caused them.
    await new Promise((r) => setTimeout(r, 200));
    expect(exported).to.be.above(8);
    expect(violations).to.deep.equal([]);
    expect(withStyle, 'exported SVGs with a style attribute').to.deep.equal([]);
  });
});
