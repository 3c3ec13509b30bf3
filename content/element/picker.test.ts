import { afterEach, describe, expect, it, vi } from 'vitest';
import { ElementPicker, type PickerOptions } from './picker';

function open(timeoutMs = 60_000) {
  const parsed = new DOMParser().parseFromString('<table><tr><td>cell</td></tr></table>', 'text/html');
  document.body.replaceChildren(document.importNode(parsed.body.firstElementChild!, true));
  const onDone = vi.fn<PickerOptions['onDone']>();
  const before = document.documentElement.outerHTML;
  const picker = new ElementPicker(document, window, { timeoutMs, onDone });
  return { picker, onDone, before };
}

describe('ElementPicker', () => {
  afterEach(() => {
    document.querySelector('isms-evidence-picker')?.remove();
  });

  it('adds one host with a closed shadow root and nothing else; removing it leaves no trace', () => {
    const { picker, before } = open();
    const hosts = document.querySelectorAll('isms-evidence-picker');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.shadowRoot).toBeNull(); // closed: the page cannot reach into it
    expect(hosts[0]!.getAttribute('style')).toContain('pointer-events: none !important');
    picker.remove();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(picker.isOpen).toBe(false);
  });

  it('ignores input the page makes up: synthetic clicks and keys select nothing and cancel nothing', () => {
    const { picker, onDone } = open();
    const cell = document.querySelector('td')!;
    cell.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 }));
    cell.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0 }));
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onDone).not.toHaveBeenCalled();
    expect(picker.isOpen).toBe(true);
    picker.remove();
  });

  it('cancels itself after the timeout and says so once', async () => {
    const { picker, onDone, before } = open(20);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone).toHaveBeenCalledWith({ kind: 'cancelled', reason: 'timeout' }, null);
    expect(picker.isOpen).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
