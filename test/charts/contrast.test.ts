import { expect } from '@open-wc/testing';
import { contrastRatio, INK, textOn } from '../../src/charts/contrast.js';
import { blues, categorical, oranges } from '../../src/charts/palette.js';

describe('contrast', () => {
  it('contrastRatio() gives the WCAG ratios published for grey on white and for black on white', () => {
    // WebAIM's contrast checker: #767676 on white 4.54:1 (the lightest grey that passes AA), #777777 4.48:1.
    expect(contrastRatio('#767676', '#ffffff')).to.be.closeTo(4.54, 0.005);
    expect(contrastRatio('#ffffff', '#777777')).to.be.closeTo(4.48, 0.005);
    expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
  });

  it('textOn() picks white on dark fills, the dark ink on light ones, and black on mid-tones neither serves', () => {
    expect(textOn('#08306b')).to.equal(INK.light); // Blues' darkest
    expect(textOn('#edc949')).to.equal(INK.dark); // Tableau yellow
    // Tableau brown #9c755f, worked out by hand: relative luminance 0.2126 × 0.3325 + 0.7152 × 0.1778 + 0.0722 ×
    // 0.1145 = 0.206; white 1.05 / 0.256 = 4.10, the dark ink #1b1f24 (0.0134) 0.256 / 0.0634 = 4.04, both under
    // 4.5; black 0.256 / 0.05 = 5.12.
    expect(contrastRatio('#9c755f', '#ffffff')).to.be.closeTo(4.1, 0.01);
    expect(textOn('#9c755f')).to.equal(INK.black);
  });

  it('textOn() reaches 4.5:1 on every colour of the categorical palette and the Blues and Oranges ramps', () => {
    const fills = [...categorical, ...[0, 0.2, 0.4, 0.5, 0.6, 0.8, 1].flatMap((t) => [blues(t), oranges(t)])];
    for (const fill of fills) expect(contrastRatio(fill, textOn(fill)), fill).to.be.at.least(4.5);
  });
});
