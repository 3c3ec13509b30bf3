import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import {
  artifactBytes,
  clickToolbarButton,
  openTab,
  startSession,
  utf8,
  type E2eSession,
  type StoredEvidence,
} from './harness';

const SECRETS = [
  'grace.kim@northwind-finance.example',
  'pedro.alves@northwind-finance.example',
  'farid.haddad@northwind-finance.example',
  'oncall.secops@northwind-finance.example',
  'AKIAIOSFODNN7EXAMPLE',
  'AKIAJ4EXAMPLEKEY2ABC',
  'AKIAZZZZEXAMPLE9KEY0',
];

describe('masking secrets in a full-page capture', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('leaves no secret in any stored byte and blacks them out in the pixels', async () => {
    const { extension } = session;
    const page = await openTab(extension.context, session.fixture('hostile/secrets.html'));
    const textBox = await page.evaluate(() => {
      const cell = document.getElementById('email-1')!;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const box = range.getBoundingClientRect();
      return {
        x: box.left,
        y: box.top + window.scrollY,
        width: box.width,
        height: box.height,
        dpr: window.devicePixelRatio,
      };
    });

    const popup = await clickToolbarButton(extension, page);
    await popup.click('input[data-testid="masking-enabled"]');
    await popup.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('input[data-testid="masking-enabled"]')?.checked === true,
    );
    // The setting is saved by the background before the capture reads it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await popup.click('button[data-testid="capture-full-page"]');
    await popup.waitForFunction(
      () => document.querySelector('[data-testid="tagging"], [data-testid="capture-error"]') !== null,
      { timeout: 60_000, description: 'the tagging view or an error' },
    );
    expect(await popup.text('[data-testid="capture-error"]')).toBeNull();
    await popup.close();

    const dump = await session.read({ withBlobs: true });
    const record = dump.evidence.at(-1) as StoredEvidence;
    expect(record.kind).toBe('full-page');

    // Every stored byte of this evidence: the record itself (title, URL, search words), every blob, the custody log.
    const haystacks: [string, string][] = [['record', JSON.stringify(record)]];
    haystacks.push([
      'custody',
      JSON.stringify(dump.custody.filter((entry) => entry.evidenceId === record.id)),
    ]);
    for (const [key, blob] of dump.blobs) {
      if (blob.evidenceId !== record.id) continue;
      const bytes = Buffer.from(blob.bytes!);
      haystacks.push([key, bytes.toString('latin1')], [`${key} (utf-16)`, bytes.toString('utf16le')]);
    }
    expect(haystacks.length).toBeGreaterThan(10);
    for (const [where, text] of haystacks)
      for (const secret of SECRETS)
        expect(text.toLowerCase().includes(secret.toLowerCase()), `${secret} in ${where}`).toBe(false);

    const text = utf8(artifactBytes(dump, record, 'text.txt'));
    expect(text).toContain('Grace Kim');
    expect(text).toContain('[masked]');
    const csv = record.artifacts
      .filter((artifact) => artifact.role === 'table')
      .map((artifact) => utf8(artifactBytes(dump, record, artifact.name)));
    expect(csv.join('\n')).toContain('Grace Kim,[masked],[masked],Active');

    const metadata = JSON.parse(utf8(artifactBytes(dump, record, 'metadata.json'))) as {
      masking: {
        enabled: boolean;
        pixels: string;
        rules: { ruleId: string; pixelAreas: number; textMatches: number }[];
      };
    };
    expect(metadata.masking.enabled).toBe(true);
    expect(metadata.masking.pixels).toMatch(/no unmasked copy/);
    const email = metadata.masking.rules.find((rule) => rule.ruleId === 'email')!;
    const aws = metadata.masking.rules.find((rule) => rule.ruleId === 'aws-access-key')!;
    expect(email.pixelAreas).toBe(3); // the table cell, the link text, the break-glass line (the data attribute is not drawn)
    expect(aws.pixelAreas).toBe(3);
    expect(email.textMatches).toBeGreaterThanOrEqual(4);
    expect(aws.textMatches).toBeGreaterThanOrEqual(3);

    // The pixels of the e-mail cell's text are solid black, in the original and the stamped image alike.
    const png = readPng(artifactBytes(dump, record, 'original-1.png'));
    const { dpr } = textBox;
    const y = Math.round((textBox.y + textBox.height / 2) * dpr);
    for (let x = Math.ceil(textBox.x * dpr); x < Math.floor((textBox.x + textBox.width) * dpr); x++)
      expect(png.pixel(x, y).slice(0, 3), `pixel ${x},${y}`).toEqual([0, 0, 0]);
    for (let yy = Math.ceil(textBox.y * dpr); yy < Math.floor((textBox.y + textBox.height) * dpr); yy++)
      expect(png.pixel(Math.round((textBox.x + textBox.width / 2) * dpr), yy).slice(0, 3)).toEqual([0, 0, 0]);
    const stamped = readPng(artifactBytes(dump, record, 'stamped-1.png'));
    const band = stamped.height - png.height;
    expect(stamped.pixel(Math.round((textBox.x + 5) * dpr), y + band).slice(0, 3)).toEqual([0, 0, 0]);
    // And not everything is black: the user's name beside it is readable.
    const nameColumn = Math.round(30 * dpr);
    expect(png.pixel(nameColumn, y).slice(0, 3)).not.toEqual([0, 0, 0]);
    await page.close();
  });
});
