import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { click, closeTab, evaluate, openTab, waitFor } from './pages.mjs';
import { pressShortcut } from './gestures.mjs';
import { waitForEvidence } from './database.mjs';

const SECRETS = [
  'grace.kim@northwind-finance.example',
  'oncall.secops@northwind-finance.example',
  'AKIAIOSFODNN7EXAMPLE',
];

// Masking in Firefox: switched on in the popup, then a full-page capture by shortcut. The collector and
// the page agent run in Firefox's isolated world, and the pixels are blacked out by the background page.
describe('Firefox: masking secrets in a full-page capture', () => {
  let server: FixtureServer;
  let firefox: LaunchedFirefox;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('leaves no secret in any stored byte and blacks out the e-mail cell', async () => {
    const popup = await openTab(firefox, firefox.extensionUrl('popup.html'), { background: true });
    await click(firefox, popup, 'input[data-testid="masking-enabled"]');
    await closeTab(firefox, popup);
    // The popup ticks the box at once and saves through the background: wait until a new popup reads it.
    await expect.poll(() => maskingShownOn(firefox), { timeout: 10_000 }).toBe(true);

    const page = await openTab(firefox, new URL('hostile/secrets.html', server.url).href);
    const textBox = await evaluate(firefox, page, () => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('email-1')!);
      const box = range.getBoundingClientRect();
      return {
        x: box.left,
        y: box.top + window.scrollY,
        width: box.width,
        height: box.height,
        dpr: devicePixelRatio,
      };
    });
    await pressShortcut(firefox, 'Alt+Shift+F');
    const dump = await waitForEvidence(firefox, 1, { timeout: 60_000 });
    const record = dump.evidence[0]!;
    expect(record.kind).toBe('full-page');

    const haystacks: [string, string][] = [['record', JSON.stringify(record)]];
    for (const [key, blob] of dump.blobs) {
      if (!key.startsWith(`${record.id}/`)) continue;
      const bytes = Buffer.from(blob.bytes!);
      haystacks.push([key, bytes.toString('latin1')], [`${key} (utf-16)`, bytes.toString('utf16le')]);
    }
    expect(haystacks.length).toBeGreaterThan(10);
    for (const [where, text] of haystacks)
      for (const secret of SECRETS)
        expect(text.toLowerCase().includes(secret.toLowerCase()), `${secret} in ${where}`).toBe(false);

    const bytesOf = (name: string) =>
      dump.blobs.get(record.artifacts.find((artifact) => artifact.name === name)!.blobKey)!.bytes!;
    expect(new TextDecoder().decode(bytesOf('text.txt'))).toContain('[masked]');
    const png = readPng(bytesOf('original-1.png'));
    const { dpr } = textBox;
    const y = Math.round((textBox.y + textBox.height / 2) * dpr);
    for (let x = Math.ceil(textBox.x * dpr); x < Math.floor((textBox.x + textBox.width) * dpr); x++)
      expect(png.pixel(x, y).slice(0, 3), `pixel ${x},${y}`).toEqual([0, 0, 0]);
    expect(png.pixel(Math.round(30 * dpr), y).slice(0, 3)).not.toEqual([0, 0, 0]);
    await closeTab(firefox, page);
  });
});

/** Whether a freshly opened popup shows masking switched on (it reads the stored setting). */
async function maskingShownOn(firefox: LaunchedFirefox): Promise<boolean | undefined> {
  const popup = await openTab(firefox, firefox.extensionUrl('popup.html'), { background: true });
  try {
    return await waitFor(
      firefox,
      popup,
      () => {
        const box = document.querySelector<HTMLInputElement>('input[data-testid="masking-enabled"]');
        // A new popup shows the switch disabled until it has read the setting.
        return box && !box.disabled ? { checked: box.checked } : null;
      },
      { description: 'the masking switch' },
    ).then((state) => state?.checked);
  } finally {
    await closeTab(firefox, popup);
  }
}
