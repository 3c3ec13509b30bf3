// Drives the built add-on in the Debian Firefox ESR over WebDriver BiDi: a fresh profile, the add-on
// installed temporarily with `webExtension.install`, and extension pages at a fixed moz-extension UUID.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { connectBidi } from './bidi.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIREFOX_EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'firefox-mv3');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
export const ADDON_ID = 'isms-evidence-collector@isms-evidence-collector.org';

/** A sentence saying what is missing and how to get it, or null when Firefox is installed. */
export function firefoxProblem() {
  if (existsSync(FIREFOX_PATH)) return null;
  return (
    `Firefox is not installed at ${FIREFOX_PATH}. Install the Debian package: ` +
    '`sudo apt-get update && sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH to a Firefox binary).'
  );
}

/** Preferences for a quiet, offline test profile. The remote agent adds its own recommended set too. */
function profilePreferences(extensionUuid, downloadDir) {
  return {
    // A fixed moz-extension://UUID/ so the test can open the add-on's own pages.
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: extensionUuid }),
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': '',
    'browser.aboutwelcome.enabled': false,
    'browser.newtabpage.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.disabledForTesting': true,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    // Downloads (the export) land in a known folder without a dialog.
    'browser.download.folderList': 2,
    'browser.download.dir': downloadDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
  };
}

/** Starts Firefox and returns the BiDi WebSocket URL it prints once its remote agent listens. */
function startFirefox(profileDir) {
  const child = spawn(
    FIREFOX_PATH,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profileDir,
      '--remote-debugging-port=0',
      // Lets BiDi open moz-extension:// pages and reach the browser window, which presses the shortcut.
      '--remote-allow-system-access',
      'about:blank',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  let output = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Firefox printed no BiDi address in 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk) => {
      output += chunk;
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before it listened:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

/**
 * Launches headless Firefox in a fresh profile and installs the unpacked add-on temporarily. `prefs` adds
 * preferences to the profile (e.g. one that answers permission prompts).
 * @param {{ extensionDir?: string, prefs?: Record<string, string | number | boolean> }} [options]
 */
export async function launchFirefox(options = {}) {
  const problem = firefoxProblem();
  if (problem) throw new Error(problem);
  const extensionDir = path.resolve(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built add-on in ${extensionDir}: run \`npx wxt build -b firefox\` first.`);
  }
  const workDir = await mkdtemp(path.join(tmpdir(), 'isms-firefox-'));
  const profileDir = path.join(workDir, 'profile');
  const downloadDir = path.join(workDir, 'downloads');
  const extensionUuid = randomUUID();
  const prefs = { ...profilePreferences(extensionUuid, downloadDir), ...options.prefs };
  await Promise.all([mkdir(profileDir), mkdir(downloadDir)]);
  await writeFile(
    path.join(profileDir, 'user.js'),
    Object.entries(prefs)
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );

  const firefox = startFirefox(profileDir);
  let bidi;
  const close = async () => {
    await bidi?.send('browser.close').catch(() => {});
    bidi?.close();
    if (firefox.child.exitCode === null && firefox.child.signalCode === null) {
      const exited = new Promise((resolve) => firefox.child.once('exit', resolve));
      const timer = setTimeout(() => firefox.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  try {
    bidi = await connectBidi(`${await firefox.url}/session`);
    const installed = await bidi.send('webExtension.install', {
      extensionData: { type: 'path', path: extensionDir },
    });
    return {
      bidi,
      addonId: installed.extension,
      extensionUuid,
      extensionUrl: (page) => `moz-extension://${extensionUuid}/${page}`,
      downloadDir,
      browserVersion: bidi.capabilities.browserVersion,
      userAgent: bidi.capabilities.userAgent,
      firefoxOutput: firefox.output,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
