// Steps on a launched Firefox (see firefox.mjs): tabs, script evaluation, the keyboard shortcut, and
// reading the add-on's database back with the raw IndexedDB API from one of its own pages.
/* global document, indexedDB, btoa, Blob, window, KeyboardEvent, Cc, Ci */
import { Buffer } from 'node:buffer';
import { setTimeout as sleep } from 'node:timers/promises';

export const DATABASE_NAME = 'isms-evidence';

/** Opens a URL in a new tab (in the background: the page the user works on stays the active tab). */
export async function openTab(launched, url, options = {}) {
  const { context } = await launched.bidi.send('browsingContext.create', {
    type: 'tab',
    background: options.background ?? false,
  });
  await launched.bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

export async function closeTab(launched, context) {
  await launched.bidi.send('browsingContext.close', { context }).catch(() => {});
}

/**
 * Runs a function in a tab and returns its (awaited) result, carried as JSON. The function is sent as
 * source text: it must not close over anything but its JSON arguments.
 */
export async function evaluate(launched, context, fn, ...args) {
  const expression = `Promise.resolve((${fn})(...${JSON.stringify(args)})).then((value) => JSON.stringify(value ?? null))`;
  const result = await launched.bidi.send('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
    userActivation: true,
  });
  if (result.type === 'exception') {
    const details = result.exceptionDetails;
    throw new Error(`In ${context}: ${details.text ?? JSON.stringify(details.exception)}`);
  }
  return JSON.parse(result.result.value);
}

/** Polls a function in a tab until it returns a truthy value. */
export async function waitFor(launched, context, fn, options = {}) {
  const deadline = Date.now() + (options.timeout ?? 15_000);
  for (;;) {
    const value = await evaluate(launched, context, fn, ...(options.args ?? []));
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${options.description ?? String(fn)}`);
    await sleep(options.interval ?? 100);
  }
}

/**
 * Presses a shortcut such as `Alt+Shift+E` in the browser window, as the keyboard would. Headless
 * Firefox takes no OS key events, so the keys go through Firefox's own text input processor (what its
 * test suites use for trusted key events); the add-on's command then fires with activeTab granted.
 */
export async function pressShortcut(launched, shortcut) {
  const { contexts } = await launched.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const browserWindow = contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!browserWindow) throw new Error('No browser window to press the shortcut in.');
  const keys = shortcut.split('+');
  const dispatched = await evaluate(
    launched,
    browserWindow.context,
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
 * Reads the add-on's database from one of its pages with the raw IndexedDB API — a different reader
 * than the Dexie writer. Blob bytes come back as Uint8Arrays.
 */
export async function readDatabase(launched) {
  const context = await openTab(launched, launched.extensionUrl('popup.html?reader'), { background: true });
  try {
    const dump = await evaluate(
      launched,
      context,
      async (name) => {
        if (!(await indexedDB.databases()).some((database) => database.name === name)) return null;
        const database = await new Promise((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        // One transaction over every store: a consistent snapshot even while a capture commits.
        const stores = ['evidence', 'custody', 'blobs'].filter((store) =>
          database.objectStoreNames.contains(store),
        );
        const transaction = database.transaction(stores, 'readonly');
        const readAll = (store) =>
          stores.includes(store)
            ? new Promise((resolve, reject) => {
                const request = transaction.objectStore(store).getAll();
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              })
            : Promise.resolve([]);
        const base64 = (bytes) => {
          let binary = '';
          for (let offset = 0; offset < bytes.length; offset += 0x8000)
            binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
          return btoa(binary);
        };
        try {
          const [evidence, custody, blobRows] = await Promise.all(
            ['evidence', 'custody', 'blobs'].map(readAll),
          );
          const blobs = [];
          for (const row of blobRows) {
            const isBlob = row.data instanceof Blob;
            blobs.push({
              key: row.key,
              type: isBlob ? row.data.type : typeof row.data,
              base64: isBlob ? base64(new Uint8Array(await row.data.arrayBuffer())) : null,
            });
          }
          return { evidence, custody, blobs };
        } finally {
          database.close();
        }
      },
      DATABASE_NAME,
    );
    if (dump === null) return { exists: false, evidence: [], custody: [], blobs: new Map() };
    const blobs = new Map(
      dump.blobs.map((row) => [
        row.key,
        {
          type: row.type,
          bytes: row.base64 === null ? null : new Uint8Array(Buffer.from(row.base64, 'base64')),
        },
      ]),
    );
    return { exists: true, evidence: dump.evidence, custody: dump.custody, blobs };
  } finally {
    await closeTab(launched, context);
  }
}

/** Chooses files in an `<input type=file>`, as the file dialog would (BiDi `input.setFiles`). */
export async function setFiles(launched, context, selector, files) {
  const found = await launched.bidi.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(selector)})`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'root',
  });
  if (found.type !== 'success' || found.result.type !== 'node') throw new Error(`No element ${selector}`);
  await launched.bidi.send('input.setFiles', {
    context,
    element: { sharedId: found.result.sharedId },
    files,
  });
}

/** Clicks an element of a page (with user activation, as a click would have). */
export async function click(launched, context, selector) {
  const clicked = await evaluate(
    launched,
    context,
    (target) => {
      const element = document.querySelector(target);
      element?.click();
      return element !== null;
    },
    selector,
  );
  if (!clicked) throw new Error(`No element ${selector} to click`);
}

/**
 * Waits until the database holds `count` evidence records. A shortcut capture has no reply: when it
 * fails, the add-on says why in the toolbar button's title, which the error quotes.
 */
export async function waitForEvidence(launched, count, options = {}) {
  const deadline = Date.now() + (options.timeout ?? 30_000);
  for (;;) {
    const dump = await readDatabase(launched);
    if (dump.evidence.length >= count) return dump;
    if (Date.now() > deadline) {
      const context = await openTab(launched, launched.extensionUrl('popup.html?reader'), {
        background: true,
      });
      // eslint-disable-next-line no-undef -- `browser` is the extension page's own global
      const title = await evaluate(launched, context, () => browser.action.getTitle({})).catch(String);
      await closeTab(launched, context);
      throw new Error(
        `${count} evidence records expected, ${dump.evidence.length} stored; the button says: ${title}`,
      );
    }
    await sleep(250);
  }
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
  const { contexts } = await launched.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const browserWindow = contexts.find(
    (candidate) => candidate.url === 'chrome://browser/content/browser.xhtml',
  );
  if (!browserWindow) throw new Error('No browser window for the context menu.');
  await waitFor(
    launched,
    browserWindow.context,
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
