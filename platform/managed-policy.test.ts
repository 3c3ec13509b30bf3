import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onManagedPolicyChange, readManagedPolicy } from './managed-policy';

describe('readManagedPolicy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads Firefox’s error when no policy names the add-on as no policy', async () => {
    vi.spyOn(browser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await readManagedPolicy()).toEqual({ policy: {}, problems: [] });
  });

  it('reads Chrome’s empty answer as no policy, and a set policy as parsed values', async () => {
    expect(await readManagedPolicy()).toEqual({ policy: {}, problems: [] });
    await fakeBrowser.storage.managed.set({ organisation: 'Northwind', locked: ['organisation'] });
    expect(await readManagedPolicy()).toEqual({
      policy: { organisation: 'Northwind', locked: ['organisation'] },
      problems: [],
    });
  });

  it('calls back on changes to the managed area only, until stopped', async () => {
    const callback = vi.fn();
    const stop = onManagedPolicyChange(callback);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(callback).not.toHaveBeenCalled();
    await fakeBrowser.storage.managed.set({ organisation: 'Northwind' });
    expect(callback).toHaveBeenCalledTimes(1);
    stop();
    await fakeBrowser.storage.managed.set({ organisation: 'Other' });
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
