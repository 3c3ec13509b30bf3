import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { sha256Hex, verifyArtifacts, verifyCustodyChain } from '../e2e/verify.mjs';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { click, closeTab, evaluate, openTab, waitFor } from './pages.mjs';
import { pressShortcut } from './gestures.mjs';
import { readDatabase, waitForEvidence, type DatabaseDump } from './database.mjs';

// The manual black-out in Firefox, through the popup page in a tab (see popup.test.ts): a real pointer drag
// on the preview, an area typed in percent, then the background page rewrites the stored images with
// OffscreenCanvas and logs the change in the custody chain.
describe('Firefox: manual black-out of a capture', () => {
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

  it('blacks out the typed area in the stored images, and the custody chain verifies', async () => {
    const page = await openTab(firefox, new URL('hostile/secrets.html', server.url).href);
    const secret = await evaluate(firefox, page, () => {
      const box = document.getElementById('email-1')!.getBoundingClientRect();
      const name = document.querySelector('#users tbody td')!.getBoundingClientRect();
      return {
        x: box.left,
        y: box.top,
        width: box.width,
        height: box.height,
        nameX: name.left + 5,
        viewportWidth: window.innerWidth,
        viewportHeight: window.innerHeight,
        dpr: window.devicePixelRatio,
      };
    });
    expect(secret.y + secret.height).toBeLessThan(secret.viewportHeight);
    // The shortcut grants activeTab (and stores a first capture); the popup's capture is the one edited.
    await pressShortcut(firefox, 'Alt+Shift+E');
    await waitForEvidence(firefox, 1);

    const popup = await openTab(firefox, firefox.extensionUrl('popup.html'), { background: true });
    await click(firefox, popup, 'button[data-testid="capture-visible"]');
    await waitFor(
      firefox,
      popup,
      () => document.querySelector('[data-testid="tagging"], [data-testid="capture-error"]')?.textContent,
      { timeout: 20_000, description: 'the tagging view' },
    );
    expect(
      await evaluate(
        firefox,
        popup,
        () => document.querySelector('[data-testid="capture-error"]')?.textContent,
      ),
    ).toBeNull();
    const before = await readDatabase(firefox);
    expect(before.evidence).toHaveLength(2);
    const captured = [...before.evidence].sort((a, b) => a.sequence - b.sequence).at(-1)!;
    const centreY = Math.round((secret.y + secret.height / 2) * secret.dpr);
    const centreX = Math.round((secret.x + secret.width / 2) * secret.dpr);
    const original = readPng(bytesOf(before, captured, 'original.png'));
    expect(original.pixel(centreX, centreY).slice(0, 3)).not.toEqual([0, 0, 0]);

    // The popup's tab in front (the capture is done), then a real pointer drag over the preview.
    await firefox.bidi.send('browsingContext.activate', { context: popup });
    await click(firefox, popup, '[data-testid="blackout-toggle"]');
    const surface = (await waitFor(
      firefox,
      popup,
      () => {
        const image = document.querySelector<HTMLImageElement>('[data-testid="blackout-surface"] img');
        if (!image?.complete || image.naturalWidth === 0) return null;
        image.scrollIntoView({ block: 'center' });
        const box = image.getBoundingClientRect();
        return { x: box.left, y: box.top, width: box.width, height: box.height };
      },
      { description: 'the black-out preview' },
    ))!;
    const at = (fx: number, fy: number) => ({
      x: Math.round(surface.x + surface.width * fx),
      y: Math.round(surface.y + surface.height * fy),
    });
    await firefox.bidi.send('input.performActions', {
      context: popup,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', ...at(0.6, 0.6) },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerMove', ...at(0.7, 0.65), duration: 50 },
            { type: 'pointerMove', ...at(0.8, 0.7), duration: 50 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    const listed = await waitFor(
      firefox,
      popup,
      () => document.querySelector('[data-testid="blackout"] ol li button')?.textContent,
      { description: 'the dragged area in the list' },
    );
    // BiDi points are whole CSS pixels: the area is the drag's to within a pixel of the preview.
    const shown = /^Area 1: from ([\d.]+) % to ([\d.]+) % across, ([\d.]+) % to ([\d.]+) % down$/
      .exec(String(listed))
      ?.slice(1)
      .map(Number);
    expect(shown, String(listed)).toHaveLength(4);
    const slack = [surface.width, surface.width, surface.height, surface.height].map(
      (size) => 100 / size + 0.1,
    );
    [60, 80, 60, 70].forEach((wanted, i) =>
      expect(Math.abs(shown![i]! - wanted)).toBeLessThanOrEqual(slack[i]!),
    );
    await click(firefox, popup, '[data-testid="blackout"] ol li button[aria-label="Remove area 1"]');

    // Typed in percent of the image, with one CSS pixel to spare on each side.
    const percent = (value: number, of: number) => ((value / of) * 100).toFixed(3);
    // Real keys into each field, as a keyboard user types them (the field focused first).
    const typed = {
      x: percent(secret.x - 1, secret.viewportWidth),
      y: percent(secret.y - 1, secret.viewportHeight),
      width: percent(secret.width + 2, secret.viewportWidth),
      height: percent(secret.height + 2, secret.viewportHeight),
    };
    for (const [key, value] of Object.entries(typed)) {
      await evaluate(
        firefox,
        popup,
        (name) => document.querySelector<HTMLInputElement>(`[data-testid="blackout-${name}"]`)!.focus(),
        key,
      );
      await firefox.bidi.send('input.performActions', {
        context: popup,
        actions: [
          {
            type: 'key',
            id: 'keyboard',
            actions: [...value].flatMap((character) => [
              { type: 'keyDown', value: character },
              { type: 'keyUp', value: character },
            ]),
          },
        ],
      });
    }
    expect(
      await evaluate(firefox, popup, () =>
        ['x', 'y', 'width', 'height'].map(
          (name) => document.querySelector<HTMLInputElement>(`[data-testid="blackout-${name}"]`)!.value,
        ),
      ),
    ).toEqual(Object.values(typed));
    await click(firefox, popup, '[data-testid="blackout-add"]');
    await click(firefox, popup, '[data-testid="blackout-apply"]');
    await click(firefox, popup, '[data-testid="blackout-confirm"]');
    const outcome = await waitFor(
      firefox,
      popup,
      () =>
        document.querySelector('[data-testid="blackout"] [role="alert"]')?.textContent ||
        (/blacked out in the stored images/.test(
          document.querySelector('[data-testid="blackout-status"]')?.textContent ?? '',
        )
          ? 'done'
          : null),
      { timeout: 20_000, description: 'the black-out to finish or fail' },
    );
    expect(outcome).toBe('done');
    await closeTab(firefox, popup);

    const dump = await readDatabase(firefox);
    const record = dump.evidence.find((row) => row.id === captured.id)!;
    const blacked = readPng(bytesOf(dump, record, 'original.png'));
    const { dpr } = secret;
    for (let x = Math.ceil(secret.x * dpr); x < Math.floor((secret.x + secret.width) * dpr); x++)
      expect(blacked.pixel(x, centreY).slice(0, 3), `pixel ${x},${centreY}`).toEqual([0, 0, 0]);
    for (let y = Math.ceil(secret.y * dpr); y < Math.floor((secret.y + secret.height) * dpr); y++)
      expect(blacked.pixel(centreX, y).slice(0, 3), `pixel ${centreX},${y}`).toEqual([0, 0, 0]);
    expect(blacked.pixel(Math.round(secret.nameX * dpr), centreY).slice(0, 3)).not.toEqual([0, 0, 0]);
    const stamped = readPng(bytesOf(dump, record, 'stamped.png'));
    const band = stamped.height - blacked.height;
    expect(stamped.pixel(centreX, centreY + band).slice(0, 3)).toEqual([0, 0, 0]);
    const thumbnail = readPng(bytesOf(dump, record, 'thumbnail.png'));
    const scale = thumbnail.width / blacked.width;
    expect(thumbnail.pixel(Math.round(centreX * scale), Math.round(centreY * scale)).slice(0, 3)).toEqual([
      0, 0, 0,
    ]);

    // Every hash matches its bytes, the unredacted bytes are gone, and the chain holds.
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    const oldHashes = captured.artifacts
      .filter((artifact) => ['original.png', 'stamped.png', 'thumbnail.png'].includes(artifact.name))
      .map((artifact) => artifact.sha256);
    // This record's blobs only: the shortcut's capture of the same page may hold the very same bytes.
    const storedHashes = [...dump.blobs]
      .filter(([key]) => key.startsWith(`${record.id}/`))
      .map(([, blob]) => sha256Hex(blob.bytes!));
    expect(storedHashes.length).toBeGreaterThan(3);
    for (const hash of oldHashes) expect(storedHashes).not.toContain(hash);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    const entry = [...dump.custody].sort((a, b) => a.sequence - b.sequence).at(-1)!;
    expect(entry).toMatchObject({ event: 'redact', evidenceId: record.id });
    await closeTab(firefox, page);
  });
});

function bytesOf(dump: DatabaseDump, record: DatabaseDump['evidence'][number], name: string): Uint8Array {
  const entry = record.artifacts.find((item) => item.name === name);
  const bytes = entry ? dump.blobs.get(entry.blobKey)?.bytes : null;
  if (!bytes) throw new Error(`${name} is not stored for ${record.id}`);
  return bytes;
}
