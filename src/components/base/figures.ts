import { css, html, type TemplateResult } from 'lit';

/** A row of headline figures, label above value (`<dl>`); each tile carries `data-figure` = its label. */
export function figures(items: readonly (readonly [label: string, value: string])[]): TemplateResult {
  return html`<dl class="figures" part="figures">
    ${items.map(
      ([label, value]) =>
        html`<div data-figure=${label}>
          <dt>${label}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}

export const figuresStyles = css`
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
    gap: 0.5rem;
    margin: 0 0 0.5rem;
  }
  .figures div {
    padding: 0.4rem 0.6rem;
    border-radius: 6px;
    background: var(--mkt-surface, var(--_mkt-surface));
  }
  .figures dt {
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .figures dd {
    margin: 0.1rem 0 0;
    font-size: 1.15em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
`;
