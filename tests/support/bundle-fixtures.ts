/** Fixture evidence for the bundle tests: hostile strings included, hashes real. Not shipped. */
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { Artifact, ArtifactRole, CustodyEntry, EvidenceRecord } from '@/utils/evidence/types';
import { sealEntry } from '@/utils/integrity/custody';
import { sha256Hex } from '@/utils/integrity/sha256';
import type { AuditPlan, ControlState, Finding } from '@/utils/isms/types';
import type { BundleContext, BundleEvidence } from '@/utils/bundle/types';

export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
export const FORMULA_NOTES = '=HYPERLINK("http://evil.example","click")';

// A 1×1 PNG; bytes appended after IEND make bigger, still well-formed files.
const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (char) => char.charCodeAt(0),
);

/** Deterministic filler, so a test can make an artifact of any size without randomness. */
export function fillerBytes(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

export function pngBytes(extra: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(PNG_1X1.length + extra);
  bytes.set(PNG_1X1);
  bytes.set(fillerBytes(extra, seed), PNG_1X1.length);
  return bytes;
}

interface FixtureFile {
  role: ArtifactRole;
  name: string;
  mimeType: string;
  data: Uint8Array | string;
}

async function makeEvidence(
  base: Omit<EvidenceRecord, 'artifacts' | 'sequence'>,
  sequence: number,
  files: FixtureFile[],
  blobs: Map<string, Blob>,
): Promise<EvidenceRecord> {
  const artifacts: Artifact[] = [];
  for (const file of files) {
    const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
    const blobKey = `${base.id}/${file.name}`;
    blobs.set(blobKey, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }));
    artifacts.push({
      role: file.role,
      name: file.name,
      mimeType: file.mimeType,
      size: bytes.length,
      sha256: await sha256Hex(bytes),
      blobKey,
    });
  }
  return { ...base, sequence, artifacts };
}

function screenshotFiles(id: string, seed: number, text: string): FixtureFile[] {
  return [
    {
      role: 'original',
      name: 'original.png',
      mimeType: 'image/png',
      data: pngBytes(3000 + seed * 100, seed),
    },
    {
      role: 'stamped',
      name: 'stamped.png',
      mimeType: 'image/png',
      data: pngBytes(3200 + seed * 100, seed + 1),
    },
    { role: 'thumbnail', name: 'thumbnail.png', mimeType: 'image/png', data: pngBytes(200, seed + 2) },
    { role: 'text', name: 'text.txt', mimeType: 'text/plain;charset=utf-8', data: text },
    {
      role: 'table',
      name: 'table-1.csv',
      mimeType: 'text/csv;charset=utf-8',
      data: 'User,Role\r\nalice,admin\r\n',
    },
    {
      role: 'dom',
      name: 'dom.html',
      mimeType: 'text/html;charset=utf-8',
      data: `<html><body>${text}</body></html>`,
    },
    {
      role: 'metadata',
      name: 'metadata.json',
      mimeType: 'application/json',
      data: `{"evidenceId":"${id}"}\n`,
    },
  ];
}

export interface Fixture {
  records: EvidenceRecord[];
  blobs: Map<string, Blob>;
  context: BundleContext;
}

export function custodyChain(
  records: readonly EvidenceRecord[],
  actor = 'alice@example.com',
): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  for (const record of records) {
    entries.push(
      sealEntry(
        {
          at: record.capturedAt,
          event: 'capture',
          evidenceId: record.id,
          actor,
          details: { artifacts: record.artifacts.map(({ name, sha256 }) => ({ name, sha256 })) },
        },
        entries.at(-1),
      ),
    );
  }
  return entries;
}

export async function makeFixture(
  options: { prefix?: string; largeOriginal?: number } = {},
): Promise<Fixture> {
  const prefix = options.prefix ?? 'A';
  const blobs = new Map<string, Blob>();
  const common = {
    site: 'admin.example.com',
    capturer: 'alice@example.com',
    kind: 'visible' as const,
    status: 'ready' as const,
  };
  const first = await makeEvidence(
    {
      ...common,
      id: `EV-20250110-${prefix}AAAAA`,
      capturedAt: '2025-01-10T09:15:00.000Z',
      effectiveDate: '2025-01-10',
      url: 'javascript:alert(1)',
      title: HOSTILE_TITLE,
      controls: ['A.5.15', 'A.8.2'],
      notes: FORMULA_NOTES,
    },
    1,
    screenshotFiles(`EV-20250110-${prefix}AAAAA`, 1, `Access review ${HOSTILE_TITLE} "quoted", commas`),
    blobs,
  );
  const secondFiles = screenshotFiles(`EV-20250215-${prefix}BBBBB`, 7, 'Backup job succeeded');
  if (options.largeOriginal) secondFiles[0]!.data = pngBytes(options.largeOriginal, 99);
  const second = await makeEvidence(
    {
      ...common,
      id: `EV-20250215-${prefix}BBBBB`,
      capturedAt: '2025-02-15T17:40:00.000Z',
      effectiveDate: '2025-02-14',
      url: 'https://backup.example.com/jobs?id=1&view=all',
      title: 'Veeam — backup jobs',
      controls: ['A.8.13'],
      notes: 'Nightly job, 14 Feb',
    },
    2,
    secondFiles,
    blobs,
  );
  const third = await makeEvidence(
    {
      ...common,
      id: `EV-20250301-${prefix}CCCCC`,
      capturedAt: '2025-03-01T08:00:00.000Z',
      effectiveDate: '2025-03-01',
      url: 'https://wiki.example.com/policy',
      title: 'Untagged policy page',
      controls: [],
      notes: '',
      status: 'needs-review',
    },
    3,
    screenshotFiles(`EV-20250301-${prefix}CCCCC`, 13, 'Policy'),
    blobs,
  );
  const records = [first, second, third];
  const plan: AuditPlan = {
    id: 'current',
    certificationBody: 'Cert & Co <b>',
    organisation: 'Acme GmbH',
    scope: 'Cloud platform <script>',
    stage1Date: '2025-04-01',
    stage2Date: '2025-05-15',
    windowStart: '2025-01-01',
    windowEnd: '2025-03-31',
    certificationDate: null,
    surveillance1Date: null,
    surveillance2Date: null,
    recertificationDate: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
  const controlStates: ControlState[] = [
    {
      controlId: 'A.7.4',
      applicable: false,
      justification: 'No physical premises — fully remote <i>team</i>',
      implementation: 'not-started',
      owner: '',
      cadenceDays: null,
      notes: '',
      updatedAt: '2025-01-02T00:00:00.000Z',
    },
  ];
  const findings: Finding[] = [
    {
      id: 'F-1',
      grade: 'minor',
      source: 'internal-audit',
      controls: ['A.5.15'],
      description: '@SUM(1+1) access reviews late',
      rootCause: 'No reminder',
      correctiveAction: 'Calendar reminder',
      dueDate: '2025-06-01',
      status: 'open',
      evidenceIds: [first.id],
      createdAt: '2025-02-01T00:00:00.000Z',
      updatedAt: '2025-02-01T00:00:00.000Z',
    },
  ];
  return {
    records,
    blobs,
    context: {
      organisation: 'Acme GmbH',
      baggingDate: '2025-04-02',
      generatedAt: '2025-04-02T10:00:00.000Z',
      generator: { name: 'ISMS Evidence Collector', version: '0.1.0' },
      window: { start: '2025-01-01', end: '2025-03-31' },
      plan,
      catalogue: DEFAULT_CATALOGUE,
      controlScope: null,
      controlStates,
      coverage: { 'A.5.15': 'covered', 'A.8.13': 'due-soon', 'A.7.4': 'not-applicable', 'A.5.1': 'missing' },
      readiness: [{ label: 'Stage 2 <certification>', ready: false, details: ['A.5.1 has no evidence'] }],
      findings,
      custody: custodyChain(records),
    },
  };
}

export function evidenceOf(fixture: Pick<Fixture, 'records' | 'blobs'>): BundleEvidence[] {
  return fixture.records.map((record) => ({
    record,
    readArtifact: async (artifact) => {
      const blob = fixture.blobs.get(artifact.blobKey);
      if (!blob) throw new Error(`missing blob ${artifact.blobKey}`);
      return blob;
    },
  }));
}

/** A WritableStream collecting the zip in memory, for tests. */
export function memoryOutput(): { stream: WritableStream<Uint8Array>; bytes: () => Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    stream: new WritableStream<Uint8Array>({ write: (chunk) => void chunks.push(chunk) }),
    bytes: () => {
      const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      const out = new Uint8Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      return out;
    },
  };
}
