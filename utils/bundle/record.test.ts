import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../evidence/types';
import { parseRecordJson, recordJson } from './record';

const record: EvidenceRecord = {
  id: 'EV-20250110-ABCDEF',
  sequence: 7,
  capturedAt: '2025-01-10T09:15:00.000Z',
  effectiveDate: '2025-01-10',
  url: 'https://example.com',
  title: 'Information security policy',
  site: 'example.com',
  capturer: 'Alice',
  kind: 'file',
  controls: ['5.2', 'A.5.1'],
  notes: 'v3',
  status: 'ready',
  artifacts: [
    {
      role: 'file',
      name: 'policy.pdf',
      mimeType: 'application/pdf',
      size: 3,
      sha256: 'a'.repeat(64),
      blobKey: 'k1',
    },
    { role: 'dom', name: 'dom.html', mimeType: 'text/html', size: 5, sha256: 'b'.repeat(64), blobKey: 'k2' },
  ],
  words: ['information', 'security'],
  document: { version: '3.0', approver: 'CEO', approvalDate: '2025-01-09' },
  supersededBy: 'EV-20250301-ABCDEF',
};

describe('record.json', () => {
  it('round-trips a record without its local search index and blob keys', () => {
    const text = recordJson(record, [record.artifacts[0]!], [record.artifacts[1]!]);
    expect(text).not.toContain('"words"');
    expect(text).not.toContain('blobKey');
    const parsed = parseRecordJson(text);
    if ('problem' in parsed) throw new Error(parsed.problem);
    const { sequence: _sequence, artifacts: _artifacts, words: _words, ...evidence } = record;
    expect(parsed.record.evidence).toEqual(evidence);
    expect(parsed.record.artifacts).toEqual([
      { role: 'file', name: 'policy.pdf', mimeType: 'application/pdf', size: 3, sha256: 'a'.repeat(64) },
    ]);
    expect(JSON.parse(text).omittedArtifacts[0]).toMatchObject({
      name: 'dom.html',
      reason: 'not included in this export',
    });
  });

  it.each([
    ['{', /is not valid JSON/],
    ['{"format":"other"}', /is not an isms-evidence-record\/1 document/],
    [
      JSON.stringify({ format: 'isms-evidence-record/1', evidence: { id: '../x' } }),
      /has no valid evidence id/,
    ],
  ])('names what is wrong with %s', (text, problem) => {
    const parsed = parseRecordJson(text);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });

  it('refuses unsafe artifact names and tombstones', () => {
    const unsafe = JSON.parse(recordJson(record, record.artifacts, [])) as {
      artifacts: { name: string }[];
      evidence: { status: string };
    };
    unsafe.artifacts[0]!.name = '../../evil';
    expect(parseRecordJson(JSON.stringify(unsafe))).toEqual({
      problem: 'artifact 1 has an unsafe or reserved name',
    });
    unsafe.artifacts[0]!.name = 'policy.pdf';
    unsafe.evidence.status = 'deleted';
    expect(parseRecordJson(JSON.stringify(unsafe))).toEqual({ problem: 'has an unknown status' });
  });
});
