import type { EvidenceRecord } from '../evidence/types';

/**
 * What one record object in the bucket holds (`…/records/<evidence-id>/<revision>.json`): the evidence record as
 * it was at that revision, minus the local search words, and the custody entries (by sequence) that made this
 * revision. A tombstone is a revision whose record has `status: "deleted"` and a `deletion`.
 */
export interface RecordObject {
  format: 'isms-evidence-record';
  formatVersion: 1;
  installationId: string;
  evidenceId: string;
  revision: number;
  /** The custody sequences of this installation's chain that led to this revision. */
  custody: number[];
  record: Omit<EvidenceRecord, 'words'>;
}

export function recordObject(
  installationId: string,
  revision: number,
  record: EvidenceRecord,
  custody: readonly number[],
): RecordObject {
  const { words: _words, ...rest } = record;
  return {
    format: 'isms-evidence-record',
    formatVersion: 1,
    installationId,
    evidenceId: record.id,
    revision,
    custody: [...custody],
    record: rest,
  };
}

/** Reads a record object pulled from the bucket; undefined when it is not one (never guessed). */
export function parseRecordObject(value: unknown): RecordObject | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const object = value as Partial<RecordObject>;
  if (object.format !== 'isms-evidence-record' || object.formatVersion !== 1) return undefined;
  if (typeof object.installationId !== 'string' || typeof object.evidenceId !== 'string') return undefined;
  if (!Number.isInteger(object.revision) || !Array.isArray(object.custody)) return undefined;
  if (typeof object.record !== 'object' || object.record === null) return undefined;
  if (object.record.id !== object.evidenceId) return undefined;
  return object as RecordObject;
}
