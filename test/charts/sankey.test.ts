import { expect } from '@open-wc/testing';
import { sankey, type FlowActive, type FlowLink, type FlowNode } from '../../src/charts/sankey.js';
import { labelsOnFlows, matchSvgSnapshot, renderChart } from '../support/svg-snapshot.js';

const nodes: FlowNode[] = [
  { name: 'ads', label: 'Paid ads', color: '#4c78a8' },
  { name: 'mail', label: 'Email', color: '#4c78a8' },
  { name: 'View', color: '#888' },
  { name: 'Buy', class: 'good', color: '#1f77b4' },
  { name: 'Leave', class: 'exit', color: '#888', last: true },
];
const links: FlowLink[] = [
  { source: 'ads', target: 'View', value: 6, parts: { ads: 6 } },
  { source: 'mail', target: 'View', value: 2, parts: { mail: 2 } },
  { source: 'View', target: 'Buy', value: 3, class: 'good', parts: { ads: 1, mail: 2 } },
  { source: 'View', target: 'Leave', value: 5, class: 'exit', parts: { ads: 5 } },
];

function draw(width: number, active: FlowActive = null) {
  const activated: string[] = [];
  const result = sankey(nodes, links, {
    width,
    height: 200,
    label: 'Paths',
    count: (n) => String(n.value),
    nodeLines: (n) => [n.label ?? n.name, `${n.value} visits`],
    linkLines: (l, entry) => [`${l.source} → ${l.target}`, `${l.value}`, ...(entry ? [`from ${entry}`] : [])],
    active,
    activate: (a) => activated.push(`${a.kind}:${a.name}`),
    clear: () => {},
  });
  return { ...result, activated };
}

describe('sankey()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('lays out three columns of labelled nodes (snapshot), every node and link focusable with its numbers', async () => {
    const { chart, width, activated } = draw(600);
    expect(width).to.equal(600);
    host = renderChart(chart);
    await matchSvgSnapshot(host, 'sankey');
    const svg = host.shadowRoot!.querySelector('svg')!;
    expect(labelsOnFlows(svg)).to.deep.equal([]);
    // Each link leaves from the far edge of its source's box (label room included), so no label sits on a flow.
    const box = (n: string) => svg.querySelector(`.node[data-node="${n}"] .node-box`)!;
    const right = (n: string) => Number(box(n).getAttribute('x')) + Number(box(n).getAttribute('width'));
    const start = svg.querySelector('.link[data-link="View→Buy"]')!.getAttribute('d')!;
    expect(Number(start.slice(1).split(',')[0])).to.be.closeTo(right('View'), 1e-6);
    expect(svg.querySelector('.node[data-node="View"]')!.getAttribute('aria-label')).to.equal('View. 8 visits');
    expect([...svg.querySelectorAll('[tabindex="0"]')]).to.have.length(nodes.length + links.length);
    svg.querySelector('.link[data-link="View→Leave"]')!.dispatchEvent(new FocusEvent('focus'));
    expect(activated).to.deep.equal(['link:View→Leave']);
    await expect(host).to.be.accessible();
  });

  it('highlights the paths through the active node, and draws an entry node’s part of every link', () => {
    host = renderChart(draw(600, { kind: 'node', name: 'Buy' }).chart);
    const on = [...host.shadowRoot!.querySelectorAll('.link.on')].map((l) => l.getAttribute('data-link'));
    expect(on.sort()).to.deep.equal(['View→Buy', 'ads→View', 'mail→View']);
    host.remove();
    host = renderChart(draw(600, { kind: 'node', name: 'mail' }).chart);
    // Email's two visits: mail → View (2 of 2) and View → Buy (2 of 3); none of View → Leave.
    expect(host.shadowRoot!.querySelectorAll('.overlay')).to.have.length(2);
    expect(host.shadowRoot!.querySelector('.link[data-link="View→Buy"]')!.getAttribute('aria-label')).to.equal(
      'View → Buy. 3. from mail',
    );
  });

  it('grows wider than it is given when its columns need the room (its container scrolls)', () => {
    // Three columns need 3 × (12 + 70) + 2 × 60 = 366 px at the least.
    expect(draw(300).width).to.equal(366);
  });
});
