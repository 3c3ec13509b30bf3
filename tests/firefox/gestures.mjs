// The user's gestures that headless Firefox cannot take from the OS: a keyboard shortcut and a context
// menu choice, made through Firefox's own browser window (BiDi with system access).
/* global document, window, KeyboardEvent, Cc, Ci */
import { Buffer } from 'node:buffer';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import { evaluate, waitFor } from './pages.mjs';

async function browserWindowContext(launched) {
  const { contexts } = await launched.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const browserWindow = contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!browserWindow) throw new Error('No browser window found over BiDi.');
  return browserWindow.context;
}

/**
 * Presses a shortcut such as `Alt+Shift+E` in the browser window, as the keyboard would. Headless
 * Firefox takes no OS key events, so the keys go through Firefox's own text input processor (what its
 * test suites use for trusted key events); the add-on's command then fires with activeTab granted.
 */
export async function pressShortcut(launched, shortcut) {
  const browserWindow = await browserWindowContext(launched);
  const keys = shortcut.split('+');
  const dispatched = await evaluate(
    launched,
    browserWindow,
    (names) => {
      const processor = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!processor.beginInputTransactionForTests(window)) return false;
      // Keys synthesised in the parent are not handed back from a web page's process to the window's
      // key set, so they are pressed with the focus in the address bar; the active tab is the same.
      window.gURLBar.focus();
      const modifierCodes = {
        Alt: 'AltLeft',
        Shift: 'ShiftLeft',
        Ctrl: 'ControlLeft',
        Control: 'ControlLeft',
      };
      const events = names.map((name) => {
        const key = name === 'Ctrl' ? 'Control' : name;
        const isModifier = key in modifierCodes;
        return new KeyboardEvent('', {
          key,
          code: isModifier ? modifierCodes[key] : `Key${key.toUpperCase()}`,
          keyCode: isModifier
            ? KeyboardEvent[`DOM_VK_${key === 'Control' ? 'CONTROL' : key.toUpperCase()}`]
            : key.toUpperCase().charCodeAt(0),
        });
      });
      for (const event of events) processor.keydown(event);
      for (const event of [...events].reverse()) processor.keyup(event);
      return true;
    },
    keys,
  );
  if (!dispatched) throw new Error(`Firefox refused the key events for ${shortcut}.`);
}

/**
 * Right-clicks a page (a real BiDi mouse action) and chooses an item of Firefox's context menu by its
 * label, the way a click on the item does (`activateItem`); headless menus cannot be clicked by pixels.
 */
export async function chooseContextMenuItem(launched, context, label, point = { x: 200, y: 200 }) {
  await launched.bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: point.x, y: point.y },
          { type: 'pointerDown', button: 2 },
          { type: 'pointerUp', button: 2 },
        ],
      },
    ],
  });
  const browserWindow = await browserWindowContext(launched);
  await waitFor(
    launched,
    browserWindow,
    (text) => {
      const menu = document.getElementById('contentAreaContextMenu');
      const item = [...menu.querySelectorAll('menuitem')].find((candidate) => candidate.label === text);
      if (menu.state !== 'open' || !item) return false;
      menu.activateItem(item);
      return true;
    },
    { args: [label], description: `the context menu item "${label}"` },
  );
}

/**
 * Clicks an element with the mouse (a BiDi pointer action, so the page gets trusted input events): what an API
 * that needs the user's own click, such as `permissions.request`, takes as one. `element.click()` is not.
 */
export async function mouseClick(launched, context, selector) {
  await waitFor(
    launched,
    context,
    (target) => {
      const element = document.querySelector(target);
      if (element === null || element.disabled === true) return false;
      element.scrollIntoView({ block: 'center' });
      return true;
    },
    { args: [selector], description: `${selector} to click` },
  );
  const found = await launched.bidi.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(selector)})`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'root',
  });
  if (found.type !== 'success' || found.result.type !== 'node') throw new Error(`No element ${selector}`);
  await launched.bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          {
            type: 'pointerMove',
            x: 0,
            y: 0,
            origin: { type: 'element', element: { sharedId: found.result.sharedId } },
          },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

/** Mouse actions in a page (BiDi `input.performActions`): moves, presses and releases, as a person makes them. */
export function pointerActions(launched, context, actions) {
  return launched.bidi.send('input.performActions', {
    context,
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
  });
}

/** Presses and releases each key in turn in a page (BiDi `input.performActions`). */
export function pressKeys(launched, context, names) {
  return launched.bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'key',
        id: 'keyboard',
        actions: names.flatMap((value) => [
          { type: 'keyDown', value },
          { type: 'keyUp', value },
        ]),
      },
    ],
  });
}

/** Firefox's own screenshot of a viewport box (BiDi): an independent source of the pixels a capture stores. */
export async function viewportClip(launched, context, box) {
  const { data } = await launched.bidi.send('browsingContext.captureScreenshot', {
    context,
    origin: 'viewport',
    clip: { type: 'box', ...box },
  });
  return readPng(new Uint8Array(Buffer.from(data, 'base64')));
}
