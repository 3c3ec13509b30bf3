import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

interface Manifest {
  manifest_version?: number;
  permissions?: string[];
  action?: { default_popup?: string };
  commands?: Record<string, { suggested_key?: { default?: string } }>;
}

// The manifest is the product's security boundary: activeTab on a click, nothing on page load.
describe('the built Chrome manifest', () => {
  let manifest: Manifest;

  beforeAll(async () => {
    manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
  });

  it('asks for exactly the permissions the product needs, and no standing access to pages', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus'].sort(),
    );
    for (const key of [
      'host_permissions',
      'optional_host_permissions',
      'content_scripts',
      'web_accessible_resources',
      'externally_connectable',
    ]) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });

  it('opens the popup from the toolbar and declares the capture shortcuts', () => {
    expect(manifest.action?.default_popup).toBe('popup.html');
    expect(manifest.commands?.['capture-visible']?.suggested_key?.default).toBe('Alt+Shift+E');
    expect(manifest.commands?.['capture-full-page']?.suggested_key?.default).toBe('Alt+Shift+F');
    expect(manifest.commands?.['capture-element']?.suggested_key?.default).toBe('Alt+Shift+R');
    // Chrome takes at most four suggested keys; more and it drops them all.
    const suggested = Object.values(manifest.commands ?? {}).filter((command) => command.suggested_key);
    expect(suggested.length).toBeLessThanOrEqual(4);
  });
});
