import { describe, expect, it, vi } from 'vitest';
import type { EvidenceRecord } from '../evidence/types';
import type { PageSnapshot } from '../page/types';
import type { PreparedCapture } from './assemble';
import { CaptureError } from './errors';
import {
  commitEvidence,
  prepareEvidence,
  startCapture,
  type CaptureReading,
  type CommitAdapter,
  type PipelineAdapter,
} from './pipeline';
import type { Suggestion } from '../rules/suggest';

function suggestion(controlId: string, preTicked = true): Suggestion {
  return { controlId, score: preTicked ? 10 : 2, strong: preTicked, preTicked, reasons: [] };
}

const png = (label: string) => new Blob([label], { type: 'image/png' });

const snapshot: PageSnapshot = {
  url: 'https://idp.example.com/users',
  title: 'Users',
  viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
  scroll: { x: 0, y: 0 },
  text: 'Users alice@example.com',
  tables: [],
  dom: { html: '<!DOCTYPE html><html></html>', truncated: false, originalBytes: 28 },
  notes: [],
  durationMs: 1,
};

function adapter(overrides: Partial<PipelineAdapter> = {}): PipelineAdapter {
  return {
    getTab: async (id) => ({ id, windowId: 1, url: snapshot.url, title: 'Tab title' }),
    rankSuggestions: async () => [suggestion('A.5.18')],
    capturer: async () => 'Alice Admin',
    organisation: async () => 'Northwind',
    environment: () => ({ browser: { name: 'Chrome', version: '156' }, extensionVersion: '0.1.0' }),
    now: () => new Date('2026-11-30T10:00:00Z'),
    timeZone: () => 'UTC',
    randomBytes: (length) => new Uint8Array(length),
    ...overrides,
  };
}

function reading(overrides: Partial<CaptureReading> = {}): CaptureReading {
  return {
    kind: 'visible',
    method: 'captureVisibleTab',
    trigger: 'popup',
    snapshot,
    pageChanges: [],
    notes: [],
    originals: [{ role: 'original', name: 'original.png', data: png('o') }],
    stamp: async () => [{ stamped: png('s'), thumbnail: png('t') }],
    masking: null,
    ...overrides,
  };
}

const names = (prepared: PreparedCapture) => prepared.record.artifacts.map((artifact) => artifact.name);

async function metadataOf(prepared: PreparedCapture): Promise<Record<string, unknown>> {
  const blob = prepared.blobs.find((entry) => entry.key.endsWith('/metadata.json'))!;
  return JSON.parse(await blob.data.text()) as Record<string, unknown>;
}

describe('the one capture pipeline', () => {
  it('refuses a restricted page before anything is taken', async () => {
    const restricted = adapter({ getTab: async (id) => ({ id, windowId: 1, url: 'chrome://settings' }) });
    await expect(startCapture(restricted, 3)).rejects.toBeInstanceOf(CaptureError);
  });

  it('fixes the moment, the ID, the capturer and the organisation at the start', async () => {
    const start = await startCapture(adapter(), 3);
    expect(start.evidenceId).toMatch(/^EV-20261130-/);
    expect(start).toMatchObject({ capturer: 'Alice Admin', organisation: 'Northwind', timeZone: 'UTC' });
  });

  it('puts each part’s stamp beside its original, the thumbnail after the first, extras last', async () => {
    const start = await startCapture(adapter(), 3);
    const { prepared } = await prepareEvidence(
      adapter(),
      start,
      reading({
        kind: 'full-page',
        originals: [
          { role: 'original', name: 'original-1.png', data: png('1') },
          { role: 'original', name: 'original-2.png', data: png('2') },
        ],
        extraImages: [{ role: 'original', name: 'viewport.png', data: png('v') }],
        stamp: async () => [
          { stamped: png('s1'), thumbnail: png('t1') },
          { stamped: png('s2'), thumbnail: png('t2') },
        ],
      }),
    );
    expect(names(prepared).slice(0, 6)).toEqual([
      'original-1.png',
      'stamped-1.png',
      'thumbnail.png',
      'original-2.png',
      'stamped-2.png',
      'viewport.png',
    ]);
    expect(prepared.record.kind).toBe('full-page');
  });

  it('stamps for the URL the page reading reports, and suggests from the page', async () => {
    const stamp = vi.fn(async (_url: string) => [{ stamped: png('s'), thumbnail: png('t') }]);
    const suggest = vi.fn(async () => [
      suggestion('A.5.18'),
      suggestion('A.8.2'),
      suggestion('A.5.15', false),
    ]);
    const start = await startCapture(adapter(), 3);
    const result = await prepareEvidence(adapter({ rankSuggestions: suggest }), start, reading({ stamp }));
    expect(stamp).toHaveBeenCalledWith(snapshot.url);
    expect(suggest).toHaveBeenCalledWith({
      url: snapshot.url,
      title: 'Users',
      text: snapshot.text,
      headings: [],
    });
    // Only what starts ticked is on the record; the weaker suggestion is offered, not applied.
    expect(result.prepared.record.controls).toEqual(['A.5.18', 'A.8.2']);
    expect(result.suggestions.map((entry) => entry.controlId)).toEqual(['A.5.18', 'A.8.2', 'A.5.15']);
    expect(result.prepared.record.status).toBe('needs-review');
  });

  it('records masking counts, and never takes a masked page’s title from the tab', async () => {
    const start = await startCapture(adapter(), 3);
    const { prepared, context } = await prepareEvidence(
      adapter(),
      start,
      reading({
        snapshot: { ...snapshot, title: '' },
        masking: {
          rules: [
            { id: 'email', name: 'E-mail addresses', kind: 'pattern', pattern: '\\S+@\\S+', enabled: true },
          ],
          report: { pixelAreas: [['email', 2]], textMatches: [['email', 1]], problems: [] },
        },
      }),
    );
    expect(context.title).toBe('');
    const metadata = await metadataOf(prepared);
    expect(metadata.masking).toMatchObject({ enabled: true, problems: [] });
    expect(JSON.stringify(metadata.masking)).toContain('E-mail addresses');
  });

  it('says by origin which frames masking could not scan, in the metadata and for the tagging view', async () => {
    const start = await startCapture(adapter(), 3);
    const framed: PageSnapshot = {
      ...snapshot,
      frames: {
        included: [{ path: '1', url: 'https://idp.example.com/users/list', tables: 1 }],
        otherOrigins: [
          {
            origin: 'https://status.vendor.example',
            url: 'https://status.vendor.example/a',
            reason: 'no-permission',
          },
          {
            origin: 'https://status.vendor.example',
            url: 'https://status.vendor.example/b',
            reason: 'no-permission',
          },
          { origin: 'https://chat.example.net', url: 'https://chat.example.net/w', reason: 'no-permission' },
        ],
      },
    };
    const masking = {
      rules: [
        {
          id: 'email',
          name: 'E-mail addresses',
          kind: 'pattern' as const,
          pattern: '\\S+@\\S+',
          enabled: true,
        },
      ],
      report: { pixelAreas: [], textMatches: [], problems: [] },
    };
    const masked = await prepareEvidence(adapter(), start, reading({ snapshot: framed, masking }));
    const metadata = (await metadataOf(masked.prepared)) as {
      masking: { problems: string[]; framesNotScanned: unknown[] };
    };
    expect(metadata.masking.framesNotScanned).toEqual([
      { origin: 'https://status.vendor.example', frames: 2, reason: 'no-permission' },
      { origin: 'https://chat.example.net', frames: 1, reason: 'no-permission' },
    ]);
    expect(metadata.masking.problems).toHaveLength(2);
    expect(metadata.masking.problems[0]).toMatch(
      /^Not masked: 2 frames from https:\/\/status\.vendor\.example /,
    );
    expect(masked.maskingWarnings).toEqual(metadata.masking.problems);
    const outcome = await commitEvidence(
      { save: async (prepared) => ({ ...prepared.record, sequence: 1 }), thumbnailDataUrl: async () => '' },
      masked,
      'popup',
      { sendThumbnail: false },
    );
    expect(outcome.maskingWarnings).toEqual(metadata.masking.problems);

    // Without masking there is nothing to warn about: no pixels were meant to be filled.
    const plain = await prepareEvidence(
      adapter(),
      await startCapture(adapter(), 3),
      reading({ snapshot: framed }),
    );
    expect(plain.maskingWarnings).toEqual([]);
    expect((await metadataOf(plain.prepared)).masking).toBeUndefined();
  });

  it('names the frame each table of a framed page was read from, and none for the page’s own', async () => {
    const start = await startCapture(adapter(), 3);
    const table = { caption: '', rows: [['User'], ['user-001']], source: 'table' as const, truncated: false };
    const framed: PageSnapshot = {
      ...snapshot,
      tables: [
        { ...table, name: 'table-1' },
        { ...table, name: 'table-2', frame: 'https://idp.example.com/users/list' },
      ],
    };
    const { prepared } = await prepareEvidence(adapter(), start, reading({ snapshot: framed }));
    const metadata = (await metadataOf(prepared)) as { tables: Record<string, unknown>[] };
    expect(metadata.tables.map((entry) => [entry.file, entry.frame])).toEqual([
      ['table-1.csv', undefined],
      ['table-2.csv', 'https://idp.example.com/users/list'],
    ]);
    expect(metadata.tables[0]).not.toHaveProperty('frame');
  });

  it('takes the tab’s title when the page has none and nothing is masked', async () => {
    const start = await startCapture(adapter(), 3);
    const { context } = await prepareEvidence(
      adapter(),
      start,
      reading({ snapshot: { ...snapshot, title: '' } }),
    );
    expect(context.title).toBe('Tab title');
  });

  it('fails before anything is written when the stamp fails (a page that navigated away)', async () => {
    const start = await startCapture(adapter(), 3);
    const failing = reading({
      stamp: async () => {
        throw new CaptureError('tab-navigated', 'The page changed');
      },
    });
    await expect(prepareEvidence(adapter(), start, failing)).rejects.toThrow('The page changed');
  });

  it('commits through the adapter and sends the thumbnail only when asked', async () => {
    const start = await startCapture(adapter(), 3);
    const evidence = await prepareEvidence(adapter(), start, reading());
    const saved = { id: evidence.prepared.record.id } as EvidenceRecord;
    const commit: CommitAdapter = {
      save: vi.fn(async () => saved),
      thumbnailDataUrl: vi.fn(async () => 'data:image/png;base64,dA=='),
    };
    const withThumbnail = await commitEvidence(commit, evidence, 'popup', { sendThumbnail: true });
    expect(commit.save).toHaveBeenCalledWith(evidence.prepared, 'Alice Admin', 'popup');
    expect(withThumbnail).toEqual({
      evidence: saved,
      suggestedControls: ['A.5.18'],
      suggestions: [suggestion('A.5.18')],
      thumbnailDataUrl: 'data:image/png;base64,dA==',
    });
    const without = await commitEvidence(commit, evidence, 'popup', { sendThumbnail: false });
    expect(without.thumbnailDataUrl).toBe('');
  });

  it('passes a failed save on, so the caller reports it and nothing is half-stored', async () => {
    const start = await startCapture(adapter(), 3);
    const evidence = await prepareEvidence(adapter(), start, reading());
    const commit: CommitAdapter = {
      save: async () => {
        throw new Error('QuotaExceededError');
      },
      thumbnailDataUrl: async () => '',
    };
    await expect(commitEvidence(commit, evidence, 'popup', { sendThumbnail: true })).rejects.toThrow(
      'QuotaExceededError',
    );
  });
});
