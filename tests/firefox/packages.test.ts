import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractZip, readDirectory, readZip, type ZipFiles } from './archives';
import { REPO_ROOT } from './firefox.mjs';
import { releaseEnvironment } from './release-environment';

const OUTPUT_DIR = path.join(REPO_ROOT, '.output');
const PERMISSIONS = ['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'];
// Declared optional only so that settings can ask for the one origin a person configures.
const OPTIONAL_ORIGINS = ['http://*/*', 'https://*/*'];
const NO_STANDING_ACCESS = [
  'host_permissions',
  'content_scripts',
  'web_accessible_resources',
  'externally_connectable',
];

interface Manifest {
  manifest_version: number;
  version: string;
  permissions: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  background: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

// `npm run zip` makes what is uploaded to the stores: both packages and the sources the add-ons site asks for.
describe('the store packages from `npm run zip`', () => {
  let version: string;
  const packages = new Map<'chrome' | 'firefox' | 'sources', ZipFiles>();
  let rebuildDir: string | undefined;

  beforeAll(async () => {
    const zip = spawnSync('npm', ['run', 'zip', '--silent'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: releaseEnvironment(),
    });
    if (zip.status !== 0)
      throw new Error(`npm run zip failed (${zip.status}):\n${zip.stdout}\n${zip.stderr}`);
    version = (
      JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
    ).version;
    for (const name of ['chrome', 'firefox', 'sources'] as const) {
      packages.set(
        name,
        await readZip(path.join(OUTPUT_DIR, `isms-evidence-collector-${version}-${name}.zip`)),
      );
    }
  }, 240_000);
  afterAll(async () => {
    if (rebuildDir) await rm(rebuildDir, { recursive: true, force: true });
  });

  const manifestOf = (name: 'chrome' | 'firefox') =>
    JSON.parse(new TextDecoder().decode(packages.get(name)!.get('manifest.json'))) as Manifest;

  it.each(['chrome', 'firefox'] as const)(
    '%s: the production manifest, no standing access to pages',
    (name) => {
      const manifest = manifestOf(name);
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.version).toBe(version);
      expect([...manifest.permissions].sort()).toEqual(PERMISSIONS);
      expect([...(manifest.optional_host_permissions ?? [])].sort()).toEqual(OPTIONAL_ORIGINS);
      for (const key of NO_STANDING_ACCESS) expect(manifest, key).not.toHaveProperty(key);
      // Firefox's export asks for downloads at its first click, to learn when the download is complete.
      expect(manifest.optional_permissions ?? []).toEqual(name === 'firefox' ? ['downloads'] : []);
    },
  );

  it('firefox: an event page, the gecko id and Firefox 128 as the minimum', () => {
    const manifest = manifestOf('firefox');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.browser_specific_settings?.gecko).toMatchObject({
      id: 'isms-evidence-collector@isms-evidence-collector.org',
      strict_min_version: '128.0',
    });
    expect(manifestOf('chrome').background).toEqual({ service_worker: 'background.js' });
  });

  it.each(['chrome', 'firefox'] as const)('%s: no test hook, no source maps, no local paths', (name) => {
    const files = packages.get(name)!;
    expect(files.get('background.js')).toBeDefined();
    for (const [file, bytes] of files) {
      expect(file).not.toMatch(/\.map$/);
      if (!/\.(js|html)$/.test(file)) continue;
      const text = new TextDecoder().decode(bytes);
      expect(text, file).not.toContain('handleCaptureTrigger');
      expect(text, file).not.toContain('sourceMappingURL');
      expect(text, file).not.toContain(REPO_ROOT);
    }
  });

  it('sources: the lockfile and the build files, nothing built, installed or hidden', () => {
    const files = [...packages.get('sources')!.keys()];
    for (const required of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'docs/STORE.md',
    ])
      expect(files).toContain(required);
    for (const file of files) {
      expect(file).not.toMatch(/(^|\/)(node_modules|\.output|\.wxt|dist|test-results)\//);
      expect(file).not.toMatch(/(^|\/)\.[^/]/);
      expect(file).not.toMatch(/\.log$/);
    }
  });

  it('sources: rebuild the Firefox package file for file', async () => {
    rebuildDir = await mkdtemp(path.join(tmpdir(), 'isms-sources-'));
    await extractZip(packages.get('sources')!, rebuildDir);
    // The reviewer runs `npm ci`; the same locked packages are linked here instead of downloaded again.
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(rebuildDir, 'node_modules'), 'dir');
    const build = spawnSync(
      path.join(rebuildDir, 'node_modules', '.bin', 'wxt'),
      ['build', '-b', 'firefox'],
      { cwd: rebuildDir, encoding: 'utf8', env: releaseEnvironment() },
    );
    expect(build.status, build.stderr).toBe(0);
    const submitted = packages.get('firefox')!;
    const rebuilt = await readDirectory(path.join(rebuildDir, '.output', 'firefox-mv3'));
    expect([...rebuilt.keys()].sort().join('\n')).toBe([...submitted.keys()].sort().join('\n'));
    for (const [file, bytes] of submitted) expect(Buffer.compare(rebuilt.get(file)!, bytes), file).toBe(0);
  }, 180_000);
});
