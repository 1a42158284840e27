import { html, nothing, type TemplateResult } from 'lit';

/**
 * A segmented control: a labelled group of toggle buttons of which one is pressed. `off(value)` gives the reason
 * a choice is unavailable (the button is disabled and says it in its tooltip), or null.
 */
export function segmented<V>(
  label: string,
  choices: readonly (readonly [V, string])[],
  current: V,
  choose: (value: V) => void,
  off: (value: V) => string | null = () => null,
): TemplateResult {
  return html`<div class="segmented" role="group" aria-label=${label}>
    ${choices.map(([value, text]) => {
      const reason = off(value);
      return html`<button
        type="button"
        aria-pressed=${current === value ? 'true' : 'false'}
        ?disabled=${reason !== null}
        title=${reason ?? nothing}
        @click=${() => choose(value)}
      >
        ${text}
      </button>`;
    })}
  </div>`;
}
