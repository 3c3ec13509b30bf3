import { describe, expect, it, vi } from 'vitest';
import type { PageSnapshot } from '../page/types';
import { captureVisible, type CaptureAdapter } from './capture-visible';
import { CaptureError } from './errors';
import type { Suggestion } from '../rules/suggest';

function suggestion(controlId: string, preTicked = true): Suggestion {
  return { controlId, score: preTicked ? 10 : 2, strong: preTicked, preTicked, reasons: [] };
}

const PNG = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], {
  type: 'image/png',
});

const page: PageSnapshot = {
  url: 'https://backup.example.com/jobs',
  title: 'Backup job history',
  viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
  scroll: { x: 0, y: 0 },
  text: 'Backup job history\nNightly SQL Success',
  tables: [
    {
      name: 'table-1',
      caption: 'Jobs',
      rows: [
        ['Job', 'Status'],
        ['Nightly SQL', 'Success'],
        ['=cmd()', 'Failed'],
      ],
      source: 'table',
      truncated: false,
    },
  ],
  dom: { html: '<!DOCTYPE html><html></html>', truncated: false, originalBytes: 28 },
  notes: [],
  durationMs: 3,
};

function fakeAdapter(overrides: Partial<CaptureAdapter> = {}): CaptureAdapter {
  return {
    getTab: async (id) => ({ id, windowId: 7, url: page.url, title: page.title }),
    captureVisibleTab: async () => PNG,
    collectPage: async () => page,
    renderImages: async () => ({
      stamped: new Blob(['stamped'], { type: 'image/png' }),
      thumbnail: new Blob(['thumb'], { type: 'image/png' }),
    }),
    rankSuggestions: async () => [suggestion('A.8.13')],
    capturer: async () => 'Alice Admin',
    environment: () => ({ browser: { name: 'Chrome', version: '156' }, extensionVersion: '0.1.0' }),
    now: () => new Date('2026-11-27T22:15:04.000Z'),
    timeZone: () => 'Europe/Berlin',
    randomBytes: (length) => new Uint8Array(length),
    sleep: async () => {},
    ...overrides,
  };
}

describe('captureVisible', () => {
  it('keeps the original PNG byte for byte and hashes every artifact', async () => {
    const capture = await captureVisible(fakeAdapter(), 1, 'popup');
    const original = capture.prepared.blobs.find((blob) => blob.key.endsWith('original.png'));
    expect(original?.data).toBe(PNG);
    const names = capture.prepared.record.artifacts.map((artifact) => artifact.name);
    expect(names).toEqual([
      'original.png',
      'stamped.png',
      'thumbnail.png',
      'text.txt',
      'table-1.csv',
      'dom.html',
      'metadata.json',
    ]);
    for (const artifact of capture.prepared.record.artifacts)
      expect(artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records context, suggested controls, local effective date and needs-review status', async () => {
    const capture = await captureVisible(fakeAdapter(), 1, 'command');
    expect(capture.prepared.record).toMatchObject({
      id: 'EV-20261127-000000',
      url: page.url,
      site: 'backup.example.com',
      controls: ['A.8.13'],
      effectiveDate: '2026-11-27',
      status: 'needs-review',
      capturer: 'Alice Admin',
    });
    expect(capture.context).toMatchObject({
      timeZone: 'Europe/Berlin',
      utcOffsetMinutes: 60,
      method: 'captureVisibleTab',
      trigger: 'command',
    });
  });

  it('neutralises formula cells in the table CSV', async () => {
    const capture = await captureVisible(fakeAdapter(), 1, 'popup');
    const csv = await capture.prepared.blobs.find((blob) => blob.key.endsWith('table-1.csv'))!.data.text();
    expect(csv).toContain("'=cmd()");
    expect(csv.split('\r\n')[1]).toBe('Nightly SQL,Success');
  });

  it('retries with backoff when the browser rate-limits screenshots', async () => {
    const sleep = vi.fn(async (_milliseconds: number) => {});
    let calls = 0;
    const adapter = fakeAdapter({
      sleep,
      captureVisibleTab: async () => {
        calls++;
        if (calls < 3)
          throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
        return PNG;
      },
    });
    await captureVisible(adapter, 1, 'popup');
    expect(calls).toBe(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual(expect.arrayContaining([600, 1200]));
  });

  it('gives up after the retries with a sentence about the rate limit', async () => {
    const adapter = fakeAdapter({
      captureVisibleTab: async () => {
        throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      },
    });
    await expect(captureVisible(adapter, 1, 'popup')).rejects.toMatchObject({ code: 'rate-limited' });
  });

  it('refuses when the tab navigated away during the capture', async () => {
    let reads = 0;
    const adapter = fakeAdapter({
      getTab: async (id) => ({
        id,
        windowId: 7,
        url: reads++ === 0 ? page.url : 'https://backup.example.com/login',
      }),
    });
    await expect(captureVisible(adapter, 1, 'popup')).rejects.toMatchObject({ code: 'tab-navigated' });
  });

  it('refuses browser pages before touching them', async () => {
    const captureVisibleTab = vi.fn(async () => PNG);
    const adapter = fakeAdapter({
      getTab: async (id) => ({ id, windowId: 7, url: 'chrome://settings' }),
      captureVisibleTab,
    });
    await expect(captureVisible(adapter, 1, 'popup')).rejects.toBeInstanceOf(CaptureError);
    expect(captureVisibleTab).not.toHaveBeenCalled();
  });

  it('explains a closed tab', async () => {
    const adapter = fakeAdapter({
      collectPage: async () => {
        throw new Error('No tab with id: 1.');
      },
    });
    await expect(captureVisible(adapter, 1, 'popup')).rejects.toMatchObject({ code: 'tab-closed' });
  });

  it('ends with a clear error when the page never answers', async () => {
    const adapter = fakeAdapter({ collectPage: () => new Promise<PageSnapshot>(() => {}) });
    await expect(captureVisible(adapter, 1, 'popup')).rejects.toMatchObject({ code: 'collector-failed' });
  });
});
