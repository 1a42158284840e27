/**
 * Arrow-key navigation over the points of a chart that is one focus stop (a line with hundreds of points should
 * not be hundreds of tab stops): returns the index to move to, or null when the key is not a navigation key.
 */
export function cursorKey(event: KeyboardEvent, index: number | null, count: number): number | null {
  if (count === 0) return null;
  const at = index ?? -1;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, at + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return at < 0 ? count - 1 : Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageUp':
      return Math.max(0, (at < 0 ? count : at) - 10);
    case 'PageDown':
      return Math.min(count - 1, at + 10);
    default:
      return null;
  }
}

/** True for the keys that activate a button. */
export function isActivation(event: KeyboardEvent): boolean {
  return event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar';
}

/** A keydown listener that runs `act` on Enter or Space (and keeps Space from scrolling): a mark's button keys. */
export function onActivate(act: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (!isActivation(event)) return;
    event.preventDefault();
    act();
  };
}
