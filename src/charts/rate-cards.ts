import { html, nothing, type TemplateResult } from 'lit';
import type { CursorController } from './cursor.js';
import { onActivate } from './cursor-keys.js';
import { styleProps } from './style-props.js';

export interface RateCard {
  readonly key: string;
  readonly title: string;
  /** Under the title: "32.1K sessions · 3.0% convert" (the part in `strong` bold). */
  readonly meta: readonly [string, string, string];
  readonly rates: readonly {
    readonly label: string;
    /** A share 0–1 (null: none). */
    readonly value: number | null;
    /** The reference mark: the same rate over all cards. */
    readonly ref: number | null;
    readonly text: string;
    /** Drawn apart (the overall rate, last). */
    readonly overall?: boolean;
  }[];
  /** The tooltip's lines; the card's accessible description. */
  readonly lines: readonly string[];
}

export interface RateCardsOptions {
  /** Cards that select (toggle a filter): buttons. Otherwise images named by their lines. */
  readonly select?: { readonly selected: ReadonlySet<string>; readonly toggle: (key: string) => void };
  readonly cursor: CursorController;
}

const share = (r: number | null) => Math.max(0, Math.min(1, r ?? 0));

/**
 * Small multiples of rates: a card per group with its rates as bars against a track and a mark at the rate over
 * all groups. Bars move by transform, and each card contains its layout and paint, so that a new result
 * re-paints the cards without laying the grid out again.
 */
export function rateCards(cards: readonly RateCard[], options: RateCardsOptions): TemplateResult {
  const { select, cursor } = options;
  return html`<ul class="multiples">
    ${cards.map((c) => {
      const on = select?.selected.has(c.key) ?? false;
      const toggle = () => select?.toggle(c.key);
      return html`<li>
        <div
          class="multiple ${on ? 'selected' : ''}"
          part="multiple"
          data-group=${c.key}
          tabindex="0"
          role=${select ? 'button' : 'img'}
          aria-pressed=${select ? String(on) : nothing}
          aria-label=${select ? nothing : c.lines.join('. ')}
          @click=${toggle}
          @keydown=${onActivate(toggle)}
          @focus=${(e: FocusEvent) => cursor.showAt(e, c.lines)}
          @blur=${cursor.hide}
          @pointerenter=${(e: PointerEvent) => cursor.showAt(e, c.lines)}
          @pointerleave=${cursor.hide}
        >
          <div class="multiple-head">
            <span class="name">${c.title}</span>
            <span class="meta">${c.meta[0]}<strong>${c.meta[1]}</strong>${c.meta[2]}</span>
            ${select ? html`<span class="visually-hidden">. ${c.lines.slice(1).join('. ')}</span>` : nothing}
          </div>
          <div class="rates" aria-hidden="true">
            ${c.rates.map(
              (r) =>
                html`<span class="bar-label">${r.label}</span>
                  <span class="track ${r.overall ? 'overall' : ''}">
                    <span class="bar" ${styleProps({ transform: `scaleX(${share(r.value)})` })}></span>
                    <span
                      class="ref"
                      ?hidden=${r.ref === null}
                      ${styleProps({ transform: `translateX(${share(r.ref) * 100}%)` })}
                    ></span>
                  </span>
                  <span class="bar-value">${r.text}</span>`,
            )}
          </div>
        </div>
      </li>`;
    })}
  </ul>`;
}
