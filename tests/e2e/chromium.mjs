// Drives the built extension in the Debian Chromium with playwright-core. Plain ESM with a .d.mts beside
// it, so the TypeScript e2e tests, `npm start` and `npm run bench` share one launcher.
/* global document, indexedDB, btoa, Blob, Event */
import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { checkExtensionTraffic } from './netlog.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const VIEWPORT = { width: 1280, height: 800 };
export const DATABASE_NAME = 'isms-evidence';

/** A sentence saying what is missing and how to get it, or null when Chromium is installed. */
export function chromiumProblem() {
  if (existsSync(CHROMIUM_PATH)) return null;
  return (
    `Chromium is not installed at ${CHROMIUM_PATH}. Install the Debian package: ` +
    '`sudo apt-get update && sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).'
  );
}

/** Launches Chromium with the unpacked extension in a fresh temporary profile. */
export async function launchExtension(options = {}) {
  const extensionDir = path.resolve(options.extensionDir ?? EXTENSION_DIR);
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npx wxt build\` first.`);
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'isms-e2e-'));
  // Every browser records a NetLog, so that close() can prove the extension stayed on this machine.
  const netLogDir = options.netLogPath ? null : await mkdtemp(path.join(tmpdir(), 'isms-netlog-'));
  const netLogPath = options.netLogPath ?? path.join(netLogDir, 'netlog.json');
  /** @type {(() => Promise<void>) | void} */
  let unprepareProfile;
  const removeProfile = async () => {
    await unprepareProfile?.();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    if (netLogDir) await rm(netLogDir, { recursive: true, force: true });
  };
  // A test may prepare the fresh profile first (e.g. put its IndexedDB folder on a tiny disk).
  try {
    unprepareProfile = await options.prepareProfile?.(userDataDir);
  } catch (error) {
    await removeProfile();
    throw error;
  }
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      viewport: options.viewport ?? VIEWPORT,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--remote-debugging-port=0',
        `--log-net-log=${netLogPath}`,
      ],
    })
    .catch(async (error) => {
      await removeProfile();
      throw error;
    });
  /** @type {import('playwright-core').Browser | undefined} */
  let secondClient;
  /** @type {string | undefined} */
  let extensionId;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await secondClient?.close().catch(() => {});
    await context.close().catch(() => {}); // flushes the NetLog
    try {
      if (extensionId && options.checkNetwork !== false) {
        const { offMachine } = await checkExtensionTraffic(netLogPath, extensionId);
        if (offMachine.length > 0) {
          throw new Error(`The extension made requests that leave this machine: ${offMachine.join(', ')}`);
        }
      }
    } finally {
      await removeProfile();
    }
  };
  try {
    const serviceWorker = await extensionServiceWorker(context);
    extensionId = new URL(serviceWorker.url()).host;
    let browser = context.browser();
    if (!browser) {
      // Persistent contexts may expose no Browser: connect a second client on the port Chromium wrote.
      const port = (await readFile(path.join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0];
      secondClient = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      browser = secondClient;
    }
    const browserSession = await browser.newBrowserCDPSession();
    return {
      context,
      extensionId,
      browserSession,
      userDataDir,
      serviceWorker: () => extensionServiceWorker(context),
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/** The extension's service worker; MV3 may have stopped and restarted it, so look it up each time. */
export async function extensionServiceWorker(context) {
  const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  if (running) return running;
  return context.waitForEvent('serviceworker', {
    predicate: (worker) => worker.url().startsWith('chrome-extension://'),
    timeout: 15_000,
  });
}

/** Opens a URL in a new tab of the browser window and waits for it to load. */
export async function openTab(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * The person allows a site for the extension (chrome://extensions → Site access): Chromium's permission prompt
 * cannot be answered by automation. The extension's own pages still call permissions.request.
 */
export async function allowSiteAccess(extension, origin) {
  const { protocol, hostname } = new URL(origin);
  const page = await extension.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ([id, pattern]) => globalThis.chrome.developerPrivate.addHostPermission(id, pattern),
    [extension.extensionId, `${protocol}//${hostname}/*`],
  );
  await page.close();
}

/** All CDP targets, including the `tab` targets that the default filter hides. */
export async function listTargets(browserSession) {
  const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{}] });
  return targetInfos;
}

/**
 * Clicks the extension's toolbar button on a tab, for real: Chromium grants activeTab and opens the
 * popup. The popup is no Playwright page; it is returned as a handle driven over CDP.
 */
export async function clickToolbarButton(launched, page, options = {}) {
  const { browserSession, extensionId } = launched;
  await page.bringToFront();
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const before = await listTargets(browserSession);
  const knownPopups = new Set(
    before.filter((t) => t.type === 'page' && t.url === popupUrl).map((t) => t.targetId),
  );
  // Extensions.triggerAction wants the tab target, not the page target Playwright knows.
  const tabs = before.filter(
    (t) => t.type === 'tab' && t.url === page.url() && t.embedderData?.tabActive !== false,
  );
  if (tabs.length !== 1) {
    throw new Error(`Expected one active tab target for ${page.url()}, found ${tabs.length}.`);
  }
  await browserSession.send('Extensions.triggerAction', { id: extensionId, targetId: tabs[0].targetId });
  const deadline = Date.now() + (options.timeout ?? 10_000);
  for (;;) {
    const popup = (await listTargets(browserSession)).find(
      (t) => t.type === 'page' && t.url === popupUrl && !knownPopups.has(t.targetId),
    );
    if (popup) {
      const handle = await attachPopup(browserSession, popup.targetId);
      await handle.waitForFunction(() => document.readyState === 'complete');
      return handle;
    }
    if (Date.now() > deadline) throw new Error(`The toolbar button opened no popup (${popupUrl}).`);
    await sleep(25);
  }
}

/**
 * Attaches to a target through the browser session and returns helpers built on Runtime.evaluate.
 * Non-flat sessions (Target.sendMessageToTarget) keep everything on Playwright's own connection.
 */
export async function attachPopup(browserSession, targetId) {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  const pending = new Map();
  let nextId = 0;
  let detached = false;
  const onMessage = (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
    else waiter.resolve(message.result);
  };
  const onDetached = (event) => {
    if (event.sessionId !== sessionId) return;
    detached = true;
    for (const waiter of pending.values()) waiter.reject(new Error('The popup closed.'));
    pending.clear();
  };
  browserSession.on('Target.receivedMessageFromTarget', onMessage);
  browserSession.on('Target.detachedFromTarget', onDetached);

  const send = (method, params = {}) => {
    if (detached) return Promise.reject(new Error('The popup closed.'));
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, method });
      browserSession
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error) => {
          pending.delete(id);
          reject(error);
        });
    });
  };

  const evaluate = async (fn, ...args) => {
    const expression = typeof fn === 'function' ? `(${fn})(...${JSON.stringify(args)})` : fn;
    const result = await send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      userGesture: true,
    });
    if (result.exceptionDetails) {
      const details = result.exceptionDetails;
      throw new Error(`In the popup: ${details.exception?.description ?? details.text}`);
    }
    return result.result.value;
  };

  const waitForFunction = async (fn, options = {}) => {
    const timeout = options.timeout ?? 10_000;
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await evaluate(fn, ...(options.args ?? []));
      if (value) return value;
      if (Date.now() > deadline) {
        const body = await evaluate(() => document.body?.innerText ?? '').catch(() => '');
        throw new Error(
          `Timed out after ${timeout} ms waiting for ${options.description ?? String(fn)}. Popup text: ${JSON.stringify(body.slice(0, 500))}`,
        );
      }
      await sleep(options.interval ?? 25);
    }
  };

  const waitFor = (selector, options = {}) =>
    waitForFunction((sel) => document.querySelector(sel) !== null, {
      ...options,
      args: [selector],
      description: selector,
    });

  return {
    targetId,
    sessionId,
    send,
    evaluate,
    waitForFunction,
    waitFor,
    async click(selector, options) {
      await waitFor(selector, options);
      // As a person would: a control that is still disabled (its state still being read) is clicked once it
      // is enabled. After a short grace the click goes ahead anyway, for tests that check a disabled control.
      await waitForFunction((sel) => document.querySelector(sel)?.disabled !== true, {
        args: [selector],
        timeout: 5_000,
        description: `${selector} enabled`,
      }).catch(() => undefined);
      await evaluate((sel) => {
        const element = document.querySelector(sel);
        element.scrollIntoView({ block: 'center' });
        element.click();
      }, selector);
    },
    async type(selector, text, options) {
      await waitFor(selector, options);
      await evaluate((sel) => {
        const element = document.querySelector(sel);
        element.focus();
        element.select?.();
      }, selector);
      // Input.insertText fires beforeinput/input like a keyboard would; frameworks see a real edit.
      await send('Input.insertText', { text });
    },
    async fill(selector, value, options) {
      await waitFor(selector, options);
      // For inputs that take no typing (type=date): set the value as the browser's picker would.
      await evaluate(
        (sel, text) => {
          const element = document.querySelector(sel);
          const prototype = Object.getPrototypeOf(element);
          Object.getOwnPropertyDescriptor(prototype, 'value').set.call(element, text);
          element.dispatchEvent(new Event('input', { bubbles: true }));
          element.dispatchEvent(new Event('change', { bubbles: true }));
        },
        selector,
        value,
      );
    },
    text: (selector) => evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector),
    exists: (selector) => evaluate((sel) => document.querySelector(sel) !== null, selector),
    async close() {
      if (!detached) await browserSession.send('Target.closeTarget', { targetId }).catch(() => {});
      browserSession.off('Target.receivedMessageFromTarget', onMessage);
      browserSession.off('Target.detachedFromTarget', onDetached);
    },
  };
}

/**
 * Opens an extension page in a background tab. A foreground tab would take the focus, and an open
 * popup closes when it loses the focus.
 */
export async function openBackgroundPage(launched, url) {
  const opened = launched.context.waitForEvent('page', { predicate: (candidate) => candidate.url() === url });
  await launched.browserSession.send('Target.createTarget', { url, background: true });
  const page = await opened;
  await page.waitForLoadState('load');
  return page;
}

/**
 * Reads the extension's database with the raw IndexedDB API from an extension page — a different
 * reader than the Dexie writer. Blob bytes are read only when asked for.
 */
export async function readDatabase(launched, options = {}) {
  // `?reader` tells this tab apart from the real popup, which has the same page.
  const page = await openBackgroundPage(
    launched,
    `chrome-extension://${launched.extensionId}/popup.html?reader`,
  );
  try {
    const dump = await page.evaluate(
      async ({ name, withBlobs }) => {
        const known = await indexedDB.databases();
        if (!known.some((database) => database.name === name)) return null;
        const database = await new Promise((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const readAll = (store) =>
          new Promise((resolve, reject) => {
            const request = database.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        const base64 = (bytes) => {
          let binary = '';
          for (let offset = 0; offset < bytes.length; offset += 0x8000) {
            binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
          }
          return btoa(binary);
        };
        try {
          const stores = [...database.objectStoreNames];
          const has = (store) => stores.includes(store);
          const evidence = has('evidence') ? await readAll('evidence') : [];
          const custody = has('custody') ? await readAll('custody') : [];
          const blobRows = has('blobs') ? await readAll('blobs') : [];
          const blobs = [];
          for (const row of blobRows) {
            const isBlob = row.data instanceof Blob;
            blobs.push({
              key: row.key,
              evidenceId: row.evidenceId,
              type: isBlob ? row.data.type : typeof row.data,
              size: isBlob ? row.data.size : -1,
              base64: withBlobs && isBlob ? base64(new Uint8Array(await row.data.arrayBuffer())) : null,
            });
          }
          return { version: database.version, stores, evidence, custody, blobs };
        } finally {
          database.close();
        }
      },
      { name: DATABASE_NAME, withBlobs: options.withBlobs ?? false },
    );
    if (dump === null)
      return { exists: false, version: 0, stores: [], evidence: [], custody: [], blobs: new Map() };
    const blobs = new Map(
      dump.blobs.map((row) => [
        row.key,
        {
          evidenceId: row.evidenceId,
          type: row.type,
          size: row.size,
          bytes: row.base64 === null ? null : new Uint8Array(Buffer.from(row.base64, 'base64')),
        },
      ]),
    );
    return { exists: true, ...dump, blobs };
  } finally {
    await page.close();
  }
}
