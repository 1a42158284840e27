import { MktErrorEvent } from '../../events/error.js';

/**
 * Checks an element's option (an attribute or the property behind it) where it is read. A bad value is never
 * rewritten, because the attribute is what the page's author wrote; the element uses `fallback` instead, and says
 * so once per distinct bad value: a console warning and an `mkt-error` with code `attribute-invalid`.
 */
export class AttributeCheck {
  private readonly reported = new Set<string>();

  constructor(private readonly host: HTMLElement) {}

  valid<V>(name: string, value: V, isValid: (value: V) => boolean, fallback: V, expectation: string): V {
    if (isValid(value)) return value;
    // Quote what the page wrote (`"abc"`, not the NaN it became), unless the property was set since.
    const attribute = this.host.getAttribute(name);
    const fromAttribute =
      attribute !== null &&
      (typeof value === 'number' ? Number.isNaN(value) || Number(attribute) === value : attribute === value);
    const written = fromAttribute ? attribute : String(value);
    const key = `${name}\u0000${written}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      const message = `<${this.host.localName}> ${name}=${JSON.stringify(written)} is not valid: expected ${expectation}. Using ${JSON.stringify(String(fallback))}.`;
      console.warn(`[marketkit] ${message}`);
      // Checks run while rendering: report after it, so that listeners never re-enter an update.
      queueMicrotask(() =>
        this.host.dispatchEvent(new MktErrorEvent({ code: 'attribute-invalid', message, source: this.host.localName })),
      );
    }
    return fallback;
  }
}

/** Accepts only the given values. */
export const oneOf =
  <V>(values: readonly V[]) =>
  (value: unknown): boolean =>
    (values as readonly unknown[]).includes(value);

/** Accepts whole numbers in [min, max]. */
export const integerIn =
  (min: number, max: number) =>
  (value: unknown): boolean =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Accepts finite numbers in [min, max]. */
export const numberIn =
  (min: number, max: number) =>
  (value: unknown): boolean =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/** What values an option takes, its fallback, and the words for what is expected. */
export interface OptionRule<V> {
  readonly isValid: (value: V) => boolean;
  readonly fallback: V;
  readonly expectation: string;
}

/** `horizon-weeks` and `discount-rate` of the customer-value elements. */
export const HORIZON_WEEKS: OptionRule<number> = {
  isValid: integerIn(1, 520),
  fallback: 52,
  expectation: 'a whole number of weeks from 1 to 520',
};
export const DISCOUNT_RATE: OptionRule<number> = {
  isValid: numberIn(0, 0.5),
  fallback: 0.01,
  expectation: 'a monthly rate from 0 to 0.5 (0.01 is 1 % a month)',
};
