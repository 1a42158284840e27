import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Makes the host's `<details class="dropdown">` behave as dropdown menus. A `<details>` already opens and closes
 * from the keyboard and tells screen readers whether it is expanded; on top of that: Escape closes the open one
 * and puts focus back on its button (the `<summary>`), a press outside it or focus moving elsewhere closes it
 * (focus stays where the user put it), and opening one closes the others.
 */
export class DropdownController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.onPointerDown, true);
    this.host.addEventListener('keydown', this.onKeyDown);
    this.host.addEventListener('click', this.onClick);
    // `focusout` of shadow content reaches the host retargeted (its related target too): listen where it happens.
    this.host.shadowRoot?.addEventListener('focusout', this.onFocusOut);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onPointerDown, true);
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener('click', this.onClick);
    this.host.shadowRoot?.removeEventListener('focusout', this.onFocusOut);
  }

  private openMenus(): HTMLDetailsElement[] {
    return [...(this.host.shadowRoot?.querySelectorAll<HTMLDetailsElement>('details.dropdown[open]') ?? [])];
  }

  private readonly onPointerDown = (event: Event) => {
    const path = event.composedPath();
    for (const menu of this.openMenus()) if (!path.includes(menu)) menu.open = false;
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    const path = event.composedPath();
    const menu = this.openMenus().find((m) => path.includes(m));
    if (!menu) return;
    event.preventDefault();
    event.stopPropagation();
    menu.open = false;
    menu.querySelector('summary')?.focus();
  };

  /** A click on a closed menu's button (the mouse, Enter or Space) is about to open it: close the others now. */
  private readonly onClick = (event: Event) => {
    const summary = event.composedPath().find((n): n is HTMLElement => (n as Element).localName === 'summary');
    const opening = summary?.parentElement;
    if (!opening?.matches('details.dropdown:not([open])')) return;
    for (const menu of this.openMenus()) menu.open = false;
  };

  /** Focus moved to a known element outside the menu (Tab past its end); a click on nothing is the pointer's. */
  private readonly onFocusOut = (event: Event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (!next) return;
    for (const menu of this.openMenus()) if (!menu.contains(next)) menu.open = false;
  };
}
