import { describe, expect, it } from 'vitest';
import { layoutStamp, type MeasureText } from './stamp-layout';

// A monospace stand-in: every character is 0.6 em wide.
const monospace: MeasureText = (text, fontSize) => text.length * fontSize * 0.6;

const facts = {
  evidenceId: 'EV-20261127-7K3QZ9',
  url: 'https://admin.google.com/ac/accessreview?id=42',
  capturedAt: new Date('2026-11-27T22:15:04.123Z'),
  timeZone: 'Europe/Berlin',
  capturer: 'Alice Admin',
};

describe('layoutStamp', () => {
  it('states evidence ID, capturer, local time with offset, UTC time and the URL', () => {
    const layout = layoutStamp(facts, 1280, 1, monospace);
    const text = layout.lines.join('\n');
    expect(text).toContain('EV-20261127-7K3QZ9');
    expect(text).toContain('Alice Admin');
    expect(text).toContain('Local 2026-11-27 23:15:04 UTC+01:00 (Europe/Berlin)');
    expect(text).toContain('UTC 2026-11-27T22:15:04Z');
    expect(text).toContain(facts.url);
  });

  it('makes the band tall enough for every line plus padding', () => {
    const layout = layoutStamp(facts, 1280, 1, monospace);
    expect(layout.lines).toHaveLength(3);
    expect(layout.bandHeight).toBe(8 * 2 + 3 * 18);
  });

  it('scales with the device pixel ratio', () => {
    const layout = layoutStamp(facts, 2560, 2, monospace);
    expect(layout.fontSize).toBe(26);
    expect(layout.bandHeight).toBe(16 * 2 + 3 * 36);
  });

  it('wraps a long URL over several lines without losing characters, up to three lines', () => {
    const url = `https://console.aws.amazon.com/iam/home#/users/${'x'.repeat(100)}`;
    const layout = layoutStamp({ ...facts, url }, 800, 1, monospace);
    const urlLines = layout.lines.slice(2);
    expect(urlLines.length).toBe(2);
    expect(urlLines.join('')).toBe(`URL ${url}`);
    for (const line of urlLines) expect(monospace(line, layout.fontSize)).toBeLessThanOrEqual(800 - 16);
  });

  it('ends a URL too long for three lines with an ellipsis', () => {
    const url = `https://example.com/${'y'.repeat(1000)}`;
    const layout = layoutStamp({ ...facts, url }, 400, 1, monospace);
    expect(layout.lines).toHaveLength(5);
    expect(layout.lines.at(-1)?.endsWith('…')).toBe(true);
  });
});
