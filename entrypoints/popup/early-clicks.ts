/**
 * The popup's HTML already shows its buttons before the script that makes them work has loaded. A click (or
 * Enter, Space) on one of them in that moment is held here and replayed on the same button once the popup is
 * live, so the first click is never lost.
 */
export function holdEarlyClicks(root: HTMLElement): { release: () => void } {
  const held: HTMLElement[] = [];
  const hold = (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest('button');
    if (!button || !root.contains(button)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (!held.includes(button)) held.push(button);
  };
  root.addEventListener('click', hold, true);
  return {
    release() {
      root.removeEventListener('click', hold, true);
      // The live popup kept these nodes (the same markup), so the replay reaches their handlers.
      for (const button of held.splice(0))
        if (button.isConnected && !button.hasAttribute('disabled')) button.click();
    },
  };
}
