import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleProps, type StyleProps } from '../../src/charts/style-props.js';

describe('styleProps', () => {
  const draw = (root: HTMLElement, props: StyleProps) => render(html`<span ${styleProps(props)}></span>`, root);

  it('sets, changes and removes inline properties through the CSSOM', () => {
    const root = document.createElement('div');
    draw(root, { width: '40%', backgroundColor: 'red' });
    const span = root.querySelector('span')!;
    expect(span.style.width).to.equal('40%');
    expect(span.style.backgroundColor).to.equal('red');
    draw(root, { width: '60%' });
    expect(span.style.width).to.equal('60%');
    expect(span.style.backgroundColor).to.equal('');
  });

  it('does not write a value that has not changed', () => {
    const root = document.createElement('div');
    draw(root, { width: '40%', left: '10%' });
    const span = root.querySelector('span')!;
    const written: string[] = [];
    const set = span.style.setProperty.bind(span.style);
    span.style.setProperty = (name: string, value: string | null) => (written.push(name), set(name, value));
    draw(root, { width: '40%', left: '20%' });
    expect(written).to.deep.equal(['left']);
    expect(span.style.left).to.equal('20%');
  });
});
