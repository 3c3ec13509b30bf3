import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

interface Manifest {
  manifest_version?: number;
  permissions?: string[];
  optional_host_permissions?: string[];
  action?: { default_popup?: string };
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  storage?: { managed_schema?: string };
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
      ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus', 'alarms'].sort(),
    );
    // Optional origins are never granted at install; settings ask for the one origin a person configures.
    expect([...(manifest.optional_host_permissions ?? [])].sort()).toEqual(['http://*/*', 'https://*/*']);
    for (const key of [
      'host_permissions',
      'content_scripts',
      'web_accessible_resources',
      'externally_connectable',
    ]) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });

  it('declares the managed-storage schema for organisation policy, as a valid top-level object schema', async () => {
    expect(manifest.storage?.managed_schema).toBe('managed-schema.json');
    const schema = JSON.parse(
      await readFile(path.join(EXTENSION_DIR, manifest.storage!.managed_schema!), 'utf8'),
    ) as { type?: string; properties?: Record<string, unknown>; additionalProperties?: unknown };
    // Chrome refuses to load an extension whose schema is not an object without additionalProperties at the top.
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['organisation', 'capturerSource', 'maskingRules', 'mappingRules', 'locked']),
    );
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
