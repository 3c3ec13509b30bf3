import { browser } from 'wxt/browser';
import { serviceOrigin } from '@/utils/settings/origin';

/**
 * The host permission of one configured service origin, asked for at run time (docs/STORE.md). The
 * manifest declares `http://*\/*` and `https://*\/*` as optional only; this module never asks for more
 * than the one pattern `serviceOrigin` gives.
 */

function patternOf(url: string): string {
  const origin = serviceOrigin(url);
  if (!origin.ok) throw new Error(`The address ${origin.problem}.`);
  return origin.pattern;
}

/** True when the browser already lets the extension reach this URL's origin. */
export async function hasOriginPermission(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [patternOf(url)] });
}

/**
 * Asks the person for this URL's origin. Call it first in a click handler, before any `await`: Firefox
 * (and Chrome after a while) only shows the prompt while the click's user gesture lasts. Resolves false
 * when they decline.
 */
export function requestOriginPermission(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [patternOf(url)] });
}

/** Gives the origin back, when the service is removed from the settings. */
export async function releaseOriginPermission(url: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [patternOf(url)] });
}
