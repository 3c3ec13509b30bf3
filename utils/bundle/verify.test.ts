import { describe, expect, it } from 'vitest';
import { evidenceOf, makeFixture, memoryOutput } from '@/tests/support/bundle-fixtures';
import type { BundleProgress } from './types';
import { verifyBundle } from './verify';
import { writeBundle } from './writer';

async function bundle(password?: string): Promise<Blob> {
  const fixture = await makeFixture();
  const output = memoryOutput();
  await writeBundle(output.stream, {
    context: fixture.context,
    evidence: evidenceOf(fixture),
    includeDomSnapshots: false,
    password,
  });
  return new Blob([output.bytes() as Uint8Array<ArrayBuffer>]);
}

describe('verifyBundle', () => {
  it('accepts a bundle the writer made and summarises it', async () => {
    const progress: BundleProgress[] = [];
    const result = await verifyBundle(await bundle(), { onProgress: (step) => progress.push(step) });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.summary).toMatchObject({
      name: 'isms-evidence_acme-gmbh_2025-04-02',
      organisation: 'Acme GmbH',
      baggingDate: '2025-04-02',
      evidenceCount: 3,
      artifactCount: 18,
      payloadFiles: 28,
      custodyEntries: 3,
      encrypted: false,
    });
    expect(result.summary.externalDescription).toContain('Audit window: 2025-01-01 to 2025-03-31');
    expect(result.bundle.custody.at(-1)?.hash).toBe(result.summary.lastCustodyHash);
    expect(progress.at(-1)?.files).toBe(32);
  });

  it('gives back the records and the exact bytes of every artifact', async () => {
    const fixture = await makeFixture();
    const result = await verifyBundle(await bundle());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const first = result.bundle.evidence.find((record) => record.evidence.id === fixture.records[0]!.id)!;
    const { artifacts: _artifacts, sequence: _sequence, ...expected } = fixture.records[0]!;
    expect(first.evidence).toEqual(expected);
    expect(first.artifacts.map((artifact) => artifact.name)).not.toContain('dom.html');
    for (const artifact of first.artifacts) {
      const blob = await result.bundle.readArtifact(first.evidence.id, artifact);
      const stored = fixture.blobs.get(`${first.evidence.id}/${artifact.name}`)!;
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array(await stored.arrayBuffer()));
      expect(blob.type).toBe(artifact.mimeType);
    }
  });

  it('opens an encrypted bundle only with its passphrase', async () => {
    const file = await bundle('pass phrase');
    expect(await verifyBundle(file)).toMatchObject({ ok: false, needsPassword: true });
    const opened = await verifyBundle(file, { password: 'pass phrase' });
    expect(opened.ok && opened.summary.encrypted).toBe(true);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('Verification cancelled', 'AbortError'));
    await expect(verifyBundle(await bundle(), { signal: controller.signal })).rejects.toThrow(
      'Verification cancelled',
    );
  });
});
