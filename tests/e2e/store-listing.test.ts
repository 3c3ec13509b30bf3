import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, REPO_ROOT } from './harness';

// docs/STORE.md is what a store reviewer reads: it must describe the package that is actually built.

interface Manifest {
  name: string;
  description: string;
  permissions?: string[];
  icons?: Record<string, string>;
}

const FIREFOX_DIR = path.join(REPO_ROOT, '.output', 'firefox-mv3');

/** The rows of the "Permission justifications" table: permission → justification. */
function justifications(markdown: string): Map<string, string> {
  const section = markdown.split('## Permission justifications')[1]?.split('\n## ')[0] ?? '';
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const match = /^\|\s*`([^`]+)`\s*\|\s*(.+?)\s*\|$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  return rows;
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the store listing (docs/STORE.md) matches the built packages', () => {
  let store: string;
  let chrome: Manifest;

  beforeAll(async () => {
    store = await readFile(path.join(REPO_ROOT, 'docs', 'STORE.md'), 'utf8');
    chrome = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
  });

  it('justifies every permission the manifest asks for, and no other', () => {
    const rows = justifications(store);
    expect([...rows.keys()].sort()).toEqual([...(chrome.permissions ?? [])].sort());
    for (const [permission, text] of rows) expect(text.length, permission).toBeGreaterThan(40);
  });

  it('states the name and the summary the manifest carries, within the stores’ limits', () => {
    expect(store).toContain(`**Name**: ${chrome.name}`);
    const summary = /\*\*Summary\*\*[^:]*: ([\s\S]+?)\n- /.exec(store)?.[1]?.replace(/\s+/g, ' ').trim();
    expect(summary).toBe(chrome.description);
    expect(chrome.description.length).toBeLessThanOrEqual(132);
    expect(chrome.name.length).toBeLessThanOrEqual(45);
  });

  it('ships every icon at the size its manifest key names', async () => {
    const icons = Object.entries(chrome.icons ?? {});
    expect(icons.map(([size]) => size)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
    for (const [size, file] of icons) {
      const { width, height } = pngSize(await readFile(path.join(EXTENSION_DIR, file)));
      expect({ width, height }, file).toEqual({ width: Number(size), height: Number(size) });
      expect(store, file).toContain(`${size}.png`);
    }
  });

  it('describes the same permissions for Firefox', async () => {
    expect(existsSync(path.join(FIREFOX_DIR, 'manifest.json')), 'build the Firefox package first').toBe(true);
    const firefox = JSON.parse(await readFile(path.join(FIREFOX_DIR, 'manifest.json'), 'utf8')) as Manifest;
    expect([...(firefox.permissions ?? [])].sort()).toEqual([...justifications(store).keys()].sort());
    expect(firefox.description).toBe(chrome.description);
  });
});
