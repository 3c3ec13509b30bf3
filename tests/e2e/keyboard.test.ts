import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickToolbarButton, openTab, startSession, type E2eSession, type PopupHandle } from './harness';

// Keyboard only: every screen can be walked with Tab, every stop shows where focus is, and the main job —
// capture, tag, save — needs no pointer.

interface FocusStop {
  /** A path that names the element uniquely within the page. */
  path: string;
  label: string;
  /** The focus ring as drawn: an outline or a box-shadow on the focused element. */
  visible: boolean;
}

/** Runs in the page: describes the focused element, or null when focus is on the body. */
function describeFocus(): FocusStop | null {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const path: string[] = [];
  for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
    const index = node.parentElement ? [...node.parentElement.children].indexOf(node) : 0;
    path.unshift(`${node.tagName.toLowerCase()}:${index}`);
  }
  // A radio group is one Tab stop (arrow keys move within it).
  if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
    path.splice(0, path.length, `radio-group:${element.name}`);
  }
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  const label =
    element.getAttribute('aria-label') ??
    element.getAttribute('data-testid') ??
    (element.textContent ?? '').trim().slice(0, 40);
  return {
    path: path.join('/'),
    label,
    visible: outline || shadow,
  };
}

/** Runs in the page: every element a keyboard user must be able to reach with Tab. */
function reachableByTab(): { path: string; label: string }[] {
  const selector =
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .filter((element) => {
      if (element.matches(':disabled') || element.tabIndex < 0) return false;
      if (element.closest('[inert]')) return false;
      // Not rendered, or inside a closed <details>: out of the Tab order by design.
      return element.checkVisibility({ visibilityProperty: true });
    })
    .map((element) => {
      const path: string[] = [];
      for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
        const index = node.parentElement ? [...node.parentElement.children].indexOf(node) : 0;
        path.unshift(`${node.tagName.toLowerCase()}:${index}`);
      }
      // A radio group is one Tab stop (arrow keys move within it).
      const group =
        element instanceof HTMLInputElement && element.type === 'radio' && element.name
          ? `radio-group:${element.name}`
          : null;
      return { path: group ?? path.join('/'), label: element.getAttribute('data-testid') ?? element.tagName };
    })
    .filter((element, index, all) => all.findIndex((other) => other.path === element.path) === index);
}

const KEYS = {
  Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 },
  Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
  Space: { key: ' ', code: 'Space', windowsVirtualKeyCode: 32, text: ' ' },
} as const;

/** A real key press in the popup (the popup is a CDP target, not a Playwright page). */
async function press(popup: PopupHandle, name: keyof typeof KEYS): Promise<void> {
  const key = KEYS[name];
  await popup.send('Input.dispatchKeyEvent', { type: 'text' in key ? 'keyDown' : 'rawKeyDown', ...key });
  await popup.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
}

/** Presses Tab until the element matching the selector has focus; returns every stop on the way. */
async function tabTo(popup: PopupHandle, selector: string, limit = 60): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let presses = 0; presses < limit; presses += 1) {
    await press(popup, 'Tab');
    const stop = await popup.evaluate(describeFocus);
    if (stop) stops.push(stop);
    if (await popup.evaluate((wanted: string) => document.activeElement?.matches(wanted) ?? false, selector))
      return stops;
  }
  throw new Error(`Tab never reached ${selector}; stops: ${stops.map((stop) => stop.label).join(', ')}`);
}

/** Tabs through a whole page once round: the stops in order, until focus comes back to the first one. */
async function walk(page: Page, limit = 600): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(describeFocus);
    if (!stop) continue;
    // A date field takes several presses (day, month, year): one stop.
    if (stops.length > 0 && stop.path === stops[stops.length - 1]!.path) continue;
    if (stops.length > 0 && stop.path === stops[0]!.path) return stops;
    stops.push(stop);
  }
  return stops;
}

describe('keyboard use', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('captures, tags and saves with the keyboard alone, focus visible at every stop', async () => {
    const page = await openTab(session.extension.context, session.fixture('access-review.html'));
    const popup = await clickToolbarButton(session.extension, page);
    await popup.waitFor('[data-testid="capture-visible"]');
    const stops = await tabTo(popup, '[data-testid="capture-visible"]');
    await press(popup, 'Enter');
    await popup.waitFor('[data-testid="tagging"]', { timeout: 20_000 });

    stops.push(...(await tabTo(popup, '[data-testid="control-search"]')));
    await popup.send('Input.insertText', { text: 'A.8.13' });
    await popup.waitFor('[data-testid="control-result"][data-control-id="A.8.13"]');
    stops.push(...(await tabTo(popup, '[data-testid="control-result"][data-control-id="A.8.13"]')));
    await press(popup, 'Enter');
    await popup.waitFor('input[type=checkbox][data-control-id="A.8.13"]:checked');

    stops.push(...(await tabTo(popup, '[data-testid="notes"]')));
    await popup.send('Input.insertText', { text: 'Quarterly review, tagged from the keyboard' });
    stops.push(...(await tabTo(popup, '[data-testid="save-tagging"]')));
    await press(popup, 'Enter');
    await popup.waitFor('[data-testid="saved-message"]');
    await popup.close();
    await page.close();

    expect(stops.filter((stop) => !stop.visible).map((stop) => stop.label)).toEqual([]);
    const [record] = (await session.read()).evidence;
    expect(record?.controls).toContain('A.8.13');
    expect(record?.notes).toBe('Quarterly review, tagged from the keyboard');
  });

  const screens = [
    'popup.html',
    'dashboard.html#overview',
    'dashboard.html#controls',
    'dashboard.html#plan',
    'dashboard.html#findings',
    'dashboard.html#evidence',
    'dashboard.html#export',
    'dashboard.html#settings',
    'export.html',
  ];

  for (const screen of screens) {
    it(`reaches every control of ${screen} with Tab, with a visible focus ring and no trap`, async () => {
      const { context, extensionId } = session.extension;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${screen}`);
      await page.waitForLoadState('networkidle');
      // Every screen has its first heading once its data has loaded.
      await page.locator('h1, h2').first().waitFor();
      const expected = await page.evaluate(reachableByTab);
      const stops = await walk(page);
      await page.close();

      expect(expected.length).toBeGreaterThan(0);
      const reached = new Set(stops.map((stop) => stop.path));
      expect(
        expected.filter((element) => !reached.has(element.path)).map((element) => element.label),
      ).toEqual([]);
      expect(stops.filter((stop) => !stop.visible).map((stop) => stop.label)).toEqual([]);
    });
  }
});
