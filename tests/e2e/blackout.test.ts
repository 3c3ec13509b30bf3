import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import {
  artifactBytes,
  captureFromPopup,
  clickToolbarButton,
  openTab,
  REPO_ROOT,
  sha256Hex,
  startSession,
  utf8,
  verifyArtifacts,
  verifyCustodyChain,
  type E2eSession,
  type StoredEvidence,
} from './harness';

describe('manual black-out of a capture, through the popup', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('replaces the stored images with solid black over the area, and the custody chain still verifies', async () => {
    const { extension } = session;
    const page = await openTab(extension.context, session.fixture('hostile/secrets.html'));
    // The secret cell, in CSS pixels of the viewport the screenshot shows.
    const secret = await page.evaluate(() => {
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

    const popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    const before = await session.read({ withBlobs: true });
    const captured = before.evidence.at(-1) as StoredEvidence;
    const secretPixels = readPng(artifactBytes(before, captured, 'original.png'));
    expect(secretPixels.width).toBe(Math.round(secret.viewportWidth * secret.dpr));
    const centreY = Math.round((secret.y + secret.height / 2) * secret.dpr);
    const centreX = Math.round((secret.x + secret.width / 2) * secret.dpr);
    // Before: the cell shows text on a light background, not black.
    const rowBefore = Array.from({ length: Math.floor(secret.width * secret.dpr) }, (_, i) =>
      secretPixels
        .pixel(Math.ceil(secret.x * secret.dpr) + i, centreY)
        .slice(0, 3)
        .join(),
    );
    expect(rowBefore.filter((rgb) => rgb === '0,0,0').length).toBeLessThan(rowBefore.length / 2);

    // A real pointer drag on the preview adds an area (removed again: the typed one below is checked by pixel).
    await popup.click('[data-testid="blackout-toggle"]');
    await popup.waitFor('[data-testid="blackout"]');
    const surface = await popup.evaluate(() => {
      const box = document.querySelector('[data-testid="blackout-surface"] img')!.getBoundingClientRect();
      return { x: box.left, y: box.top, width: box.width, height: box.height };
    });
    const at = (fx: number, fy: number) => ({
      x: surface.x + surface.width * fx,
      y: surface.y + surface.height * fy,
    });
    const mouse = (type: string, point: { x: number; y: number }, buttons: number) =>
      popup.send('Input.dispatchMouseEvent', { type, ...point, button: 'left', buttons, clickCount: 1 });
    await mouse('mousePressed', at(0.6, 0.6), 1);
    await mouse('mouseMoved', at(0.7, 0.65), 1);
    await mouse('mouseMoved', at(0.8, 0.7), 1);
    await mouse('mouseReleased', at(0.8, 0.7), 0);
    await popup.waitFor('[data-testid="blackout"] ol li');
    expect(await popup.text('[data-testid="blackout"] ol li button')).toMatch(
      /^Area 1: from 60 % to 80 % across, 60 % to 70 % down$/,
    );
    await popup.click('[data-testid="blackout"] ol li button[aria-label="Remove area 1"]');

    // Typed in percent of the image, as a keyboard user would, with one CSS pixel to spare on each side.
    const percent = (value: number, of: number) => ((value / of) * 100).toFixed(3);
    await popup.fill('[data-testid="blackout-x"]', percent(secret.x - 1, secret.viewportWidth));
    await popup.fill('[data-testid="blackout-y"]', percent(secret.y - 1, secret.viewportHeight));
    await popup.fill('[data-testid="blackout-width"]', percent(secret.width + 2, secret.viewportWidth));
    await popup.fill('[data-testid="blackout-height"]', percent(secret.height + 2, secret.viewportHeight));
    await popup.click('[data-testid="blackout-add"]');
    // The editor, open with one area listed, passes the same accessibility check as every screen.
    const axeSource = await readFile(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const violations = await popup.evaluate<string[]>(
      `${axeSource};
      axe.run(document).then((result) => result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => violation.id + ': ' + violation.nodes.map((node) => node.target.join(' ')).join(', ')))`,
    );
    expect(violations).toEqual([]);
    await popup.click('[data-testid="blackout-apply"]');
    await popup.click('[data-testid="blackout-confirm"]');
    await popup.waitForFunction(
      () =>
        /blacked out in the stored images/.test(
          document.querySelector('[data-testid="blackout-status"]')?.textContent ?? '',
        ) || document.querySelector('[data-testid="blackout"] [role="alert"]') !== null,
      { timeout: 20_000, description: 'the black-out to finish or fail' },
    );
    expect(await popup.text('[data-testid="blackout"] [role="alert"]')).toBeNull();
    await popup.close();

    const dump = await session.read({ withBlobs: true });
    const record = dump.evidence.find((row) => row.id === captured.id) as StoredEvidence;
    const original = readPng(artifactBytes(dump, record, 'original.png'));
    const dpr = secret.dpr;
    for (let x = Math.ceil(secret.x * dpr); x < Math.floor((secret.x + secret.width) * dpr); x++)
      expect(original.pixel(x, centreY).slice(0, 3), `pixel ${x},${centreY}`).toEqual([0, 0, 0]);
    for (let y = Math.ceil(secret.y * dpr); y < Math.floor((secret.y + secret.height) * dpr); y++)
      expect(original.pixel(centreX, y).slice(0, 3), `pixel ${centreX},${y}`).toEqual([0, 0, 0]);
    expect(original.pixel(Math.round(secret.nameX * dpr), centreY).slice(0, 3)).not.toEqual([0, 0, 0]);
    const stamped = readPng(artifactBytes(dump, record, 'stamped.png'));
    const band = stamped.height - original.height;
    expect(band).toBeGreaterThan(0);
    expect(stamped.pixel(centreX, centreY + band).slice(0, 3)).toEqual([0, 0, 0]);
    expect(stamped.pixel(Math.round(secret.nameX * dpr), centreY + band).slice(0, 3)).not.toEqual([0, 0, 0]);
    const thumbnail = readPng(artifactBytes(dump, record, 'thumbnail.png'));
    const scale = thumbnail.width / original.width;
    expect(thumbnail.pixel(Math.round(centreX * scale), Math.round(centreY * scale)).slice(0, 3)).toEqual([
      0, 0, 0,
    ]);

    // Every hash matches its bytes, the unmasked bytes are gone, and the chain holds.
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    const oldHashes = captured.artifacts
      .filter((artifact) => ['original.png', 'stamped.png', 'thumbnail.png'].includes(artifact.name))
      .map((artifact) => artifact.sha256);
    const storedHashes = [...dump.blobs.values()].map((blob) => sha256Hex(blob.bytes!));
    for (const hash of oldHashes) expect(storedHashes).not.toContain(hash);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    const entry = dump.custody.at(-1)!;
    expect(entry).toMatchObject({ event: 'redact', evidenceId: record.id });
    const changes = entry.details.artifacts as { name: string; sha256From: string; sha256To: string }[];
    expect(changes.map((change) => change.name).sort()).toEqual(
      ['metadata.json', 'original.png', 'stamped.png', 'thumbnail.png'].sort(),
    );
    for (const change of changes) {
      expect(change.sha256From).toBe(captured.artifacts.find((a) => a.name === change.name)!.sha256);
      expect(change.sha256To).toBe(record.artifacts.find((a) => a.name === change.name)!.sha256);
    }
    const metadata = JSON.parse(utf8(artifactBytes(dump, record, 'metadata.json'))) as {
      manualRedactions: { image: string; rectangles: { x: number; width: number }[]; scope: string }[];
    };
    expect(metadata.manualRedactions).toHaveLength(1);
    expect(metadata.manualRedactions[0]!.image).toBe('original.png');
    expect(
      Math.abs(metadata.manualRedactions[0]!.rectangles[0]!.x - (secret.x - 1) * dpr),
    ).toBeLessThanOrEqual(1);
    expect(metadata.manualRedactions[0]!.scope).toMatch(/^pixels only/);
    await page.close();
  });
});
