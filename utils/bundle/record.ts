/**
 * `record.json`: the evidence record as the database holds it — tags, effective date, notes, status
 * and the artifact list with hashes — next to the artifacts, which keep their own names and bytes.
 * Import rebuilds the record from it.
 */
import {
  ARTIFACT_ROLES,
  EVIDENCE_KINDS,
  EVIDENCE_STATUSES,
  type Artifact,
  type ArtifactRole,
  type DocumentControl,
  type EvidenceKind,
  type EvidenceRecord,
  type EvidenceStatus,
} from '../evidence/types';
import { isSafeSegment } from './naming';

export const RECORD_FILE = 'record.json';
export const RECORD_FORMAT = 'isms-evidence-record/1';

export type BundledArtifact = Omit<Artifact, 'blobKey'>;

/** What a bundle carries of a record: everything but what is local to one database. */
export type BundledEvidence = Omit<EvidenceRecord, 'sequence' | 'artifacts' | 'words' | 'deletion'>;

export interface BundledRecord {
  evidence: BundledEvidence;
  artifacts: BundledArtifact[];
}

function bundled({ role, name, mimeType, size, sha256 }: Artifact): BundledArtifact {
  return { role, name, mimeType, size, sha256 };
}

/** The search index is rebuilt on import; tombstones are never exported. */
export function recordJson(
  record: EvidenceRecord,
  included: readonly Artifact[],
  omitted: readonly Artifact[],
): string {
  const { artifacts: _artifacts, words: _words, deletion: _deletion, ...evidence } = record;
  const document = {
    format: RECORD_FORMAT,
    evidence,
    artifacts: included.map(bundled),
    omittedArtifacts: omitted.map((artifact) => ({
      ...bundled(artifact),
      reason: 'not included in this export',
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

function parseArtifact(value: unknown, index: number): BundledArtifact | string {
  if (!isObject(value)) return `artifact ${index + 1} is not an object`;
  const { role, name, mimeType, size, sha256 } = value;
  if (!oneOf<ArtifactRole>(ARTIFACT_ROLES, role)) return `artifact ${index + 1} has an unknown role`;
  if (typeof name !== 'string' || !isSafeSegment(name) || name === RECORD_FILE) {
    return `artifact ${index + 1} has an unsafe or reserved name`;
  }
  if (typeof mimeType !== 'string') return `artifact ${name} has no MIME type`;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    return `artifact ${name} has no valid size`;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
    return `artifact ${name} has no valid SHA-256`;
  return { role, name, mimeType, size, sha256 };
}

/** undefined when absent, null when malformed. */
function parseDocumentControl(value: unknown): DocumentControl | undefined | null {
  if (value === undefined) return undefined;
  if (!isObject(value)) return null;
  const { version, approver, approvalDate } = value;
  if (typeof version !== 'string' || typeof approver !== 'string' || typeof approvalDate !== 'string')
    return null;
  return { version, approver, approvalDate };
}

function parseEvidence(evidence: Json): BundledEvidence | string {
  const {
    id,
    capturedAt,
    effectiveDate,
    url,
    title,
    site,
    capturer,
    kind,
    controls,
    notes,
    status,
    supersededBy,
  } = evidence;
  if (typeof id !== 'string' || !isSafeSegment(id)) return 'has no valid evidence id';
  const texts = { capturedAt, url, title, site, capturer, notes };
  for (const [field, value] of Object.entries(texts))
    if (typeof value !== 'string') return `has no ${field} text`;
  if (typeof effectiveDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) {
    return 'has no effective date (YYYY-MM-DD)';
  }
  if (!oneOf<EvidenceKind>(EVIDENCE_KINDS, kind)) return 'has an unknown evidence kind';
  if (!oneOf<EvidenceStatus>(EVIDENCE_STATUSES, status) || status === 'deleted')
    return 'has an unknown status';
  if (!isStringArray(controls)) return 'has no list of controls';
  if (supersededBy !== undefined && (typeof supersededBy !== 'string' || !isSafeSegment(supersededBy))) {
    return 'has a malformed supersededBy';
  }
  const documentControl = parseDocumentControl(evidence.document);
  if (documentControl === null) return 'has a malformed document control';
  return {
    id,
    capturedAt: capturedAt as string,
    effectiveDate,
    url: url as string,
    title: title as string,
    site: site as string,
    capturer: capturer as string,
    kind,
    controls,
    notes: notes as string,
    status,
    ...(documentControl === undefined ? {} : { document: documentControl }),
    ...(supersededBy === undefined ? {} : { supersededBy }),
  };
}

/** Validates a record.json read from a bundle; the problem text names what is wrong. */
export function parseRecordJson(text: string): { record: BundledRecord } | { problem: string } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { problem: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(document) || document.format !== RECORD_FORMAT)
    return { problem: `is not an ${RECORD_FORMAT} document` };
  if (!isObject(document.evidence)) return { problem: 'has no evidence object' };
  const evidence = parseEvidence(document.evidence);
  if (typeof evidence === 'string') return { problem: evidence };
  if (!Array.isArray(document.artifacts)) return { problem: 'has no artifact list' };
  const artifacts: BundledArtifact[] = [];
  const names = new Set<string>();
  for (const [index, value] of document.artifacts.entries()) {
    const artifact = parseArtifact(value, index);
    if (typeof artifact === 'string') return { problem: artifact };
    if (names.has(artifact.name)) return { problem: `lists artifact ${artifact.name} twice` };
    names.add(artifact.name);
    artifacts.push(artifact);
  }
  return { record: { evidence, artifacts } };
}
