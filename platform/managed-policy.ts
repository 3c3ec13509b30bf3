import { browser } from 'wxt/browser';
import { parsePolicy, type ParsedPolicy } from '@/utils/settings/policy';

/**
 * The administrator's policy for this extension. Chrome answers `{}` when none is set; Firefox throws
 * ("Managed storage manifest not found") when policies.json names no values for the extension. Both mean
 * "no policy". Read afresh each time: policy can change while the browser runs, and MV3 stops the worker.
 */
export async function readManagedPolicy(): Promise<ParsedPolicy> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    return { policy: {}, problems: [] };
  }
  return parsePolicy(raw);
}

/** Calls back whenever the administrator's policy changes; returns the function that stops listening. */
export function onManagedPolicyChange(callback: () => void): () => void {
  const listener = (_changes: unknown, areaName: string) => {
    if (areaName === 'managed') callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
