// Steps on a launched Firefox (see firefox.mjs): tabs, script evaluation in them, clicks and file choices.
/* global document */
import { setTimeout as sleep } from 'node:timers/promises';

/** Opens a URL in a new tab; `background: true` leaves the page the user works on the active tab. */
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

/** Clicks an element of a page once it is there (with user activation, as a click would have). */
export async function click(launched, context, selector) {
  await waitFor(
    launched,
    context,
    (target) => {
      // As a person would: a control still disabled (its state still being read) is clicked once enabled.
      const element = document.querySelector(target);
      if (element === null || element.disabled === true) return false;
      element.click();
      return true;
    },
    { args: [selector], description: `${selector} to click` },
  );
}
