import { html, type TemplateResult } from 'lit';

/** The header's "Table" button, pressed while the widget shows its numbers as a table instead of the chart. */
export function tableToggle(pressed: boolean, toggle: () => void, className = 'toggle'): TemplateResult {
  return html`<button type="button" class=${className} aria-pressed=${pressed ? 'true' : 'false'} @click=${toggle}>
    Table
  </button>`;
}
