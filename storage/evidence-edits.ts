import {
  controlsProblems,
  deletionReasonProblem,
  documentControlProblems,
  effectiveDateProblem,
  isTextLike,
  notesProblem,
} from '@/utils/evidence/checks';
import type { DocumentControl, EvidenceRecord } from '@/utils/evidence/types';
import { searchWords } from '@/utils/search/words';
import { appendCustody } from './custody-log';
import { updateCoverageIndex } from './coverage-index';
import type { EvidenceDatabase } from './db';
import { ValidationError } from './isms-repository';
import { writeTransaction } from './write-transaction';
import { storageErrorText } from '@/utils/text';

/**
 * Corrections to stored evidence: every change is one transaction that updates the record, the
 * coverage index and appends chained custody entries saying what changed, from what, to what.
 */

export interface EvidenceEdit {
  controls?: string[];
  notes?: string;
  effectiveDate?: string;
  /** Superseded is set by `supersedeEvidence`; setting ready or needs-review on it reinstates it. */
  status?: 'needs-review' | 'ready';
  /** Document control of a Stage 1 document; null removes it. */
  document?: DocumentControl | null;
}

export interface EditOptions {
  knownControlIds?: ReadonlySet<string>;
}

const MAX_INDEXED_TEXT_BYTES = 5 * 1024 * 1024;

export async function editEvidence(
  db: EvidenceDatabase,
  evidenceId: string,
  edit: EvidenceEdit,
  actor: string,
  at: string,
  options: EditOptions = {},
): Promise<EvidenceRecord> {
  const problems = editProblems(edit, options.knownControlIds);
  if (problems.length > 0) throw new ValidationError(problems);
  // The search words include the captured text, which lives in a blob: read it before the transaction.
  const current = await db.evidence.get(evidenceId);
  const text =
    current && edit.notes !== undefined && edit.notes.trim() !== current.notes
      ? await readSearchText(db, current)
      : null;

  return writeTransaction(db, [db.evidence, db.custody, db.coverageIndex], async () => {
    const before = await editable(db, evidenceId);
    const after: EvidenceRecord = { ...before };
    if (edit.controls) after.controls = [...edit.controls];
    if (edit.notes !== undefined) after.notes = edit.notes.trim();
    if (edit.effectiveDate !== undefined) after.effectiveDate = edit.effectiveDate;
    if (edit.status !== undefined) after.status = edit.status;
    if (after.status !== 'superseded') delete after.supersededBy;
    if (edit.document === null) delete after.document;
    else if (edit.document) after.document = trimDocument(edit.document);
    if (after.notes !== before.notes) {
      after.words =
        text === null
          ? searchWords({
              title: after.title,
              url: after.url,
              notes: after.notes,
              ...(before.words ? { words: before.words } : {}),
            })
          : searchWords({ title: after.title, url: after.url, notes: after.notes, text });
    }

    await db.evidence.put(after);
    await updateCoverageIndex(db, before, after);
    if (before.controls.join() !== after.controls.join() || before.status !== after.status) {
      await appendCustody(db, {
        at,
        event: 'retag',
        evidenceId,
        actor,
        details: {
          from: before.controls,
          to: after.controls,
          statusFrom: before.status,
          statusTo: after.status,
        },
      });
    }
    const documentChanged =
      JSON.stringify(before.document ?? null) !== JSON.stringify(after.document ?? null);
    if (before.notes !== after.notes || before.effectiveDate !== after.effectiveDate || documentChanged) {
      await appendCustody(db, {
        at,
        event: 'annotate',
        evidenceId,
        actor,
        details: {
          notes: after.notes,
          notesFrom: before.notes,
          effectiveDateFrom: before.effectiveDate,
          effectiveDateTo: after.effectiveDate,
          ...(documentChanged
            ? { documentFrom: before.document ?? null, documentTo: after.document ?? null }
            : {}),
        },
      });
    }
    return after;
  });
}

function editProblems(edit: EvidenceEdit, knownControlIds: ReadonlySet<string> | undefined): string[] {
  const problems: string[] = [];
  if (edit.controls) problems.push(...controlsProblems(edit.controls, knownControlIds));
  if (edit.effectiveDate !== undefined) {
    const problem = effectiveDateProblem(edit.effectiveDate);
    if (problem) problems.push(problem);
  }
  if (edit.notes !== undefined) {
    const problem = notesProblem(edit.notes);
    if (problem) problems.push(problem);
  }
  if (edit.status !== undefined && edit.status !== 'ready' && edit.status !== 'needs-review') {
    problems.push(storageErrorText.statusNotSettable);
  }
  if (edit.document) problems.push(...documentControlProblems(edit.document));
  return problems;
}

function trimDocument(document: DocumentControl): DocumentControl {
  return {
    version: document.version.trim(),
    approver: document.approver.trim(),
    approvalDate: document.approvalDate,
  };
}

/** Marks evidence as replaced by a newer capture; it leaves coverage but stays in the library and the log. */
export async function supersedeEvidence(
  db: EvidenceDatabase,
  evidenceId: string,
  supersededBy: string,
  actor: string,
  at: string,
  note = '',
): Promise<EvidenceRecord> {
  if (evidenceId === supersededBy) throw new ValidationError([storageErrorText.supersedeItself]);
  return writeTransaction(db, [db.evidence, db.custody, db.coverageIndex], async () => {
    const before = await editable(db, evidenceId);
    if (before.status === 'superseded') {
      throw new ValidationError([storageErrorText.alreadySuperseded(evidenceId, before.supersededBy)]);
    }
    const newer = await db.evidence.get(supersededBy);
    if (!newer || newer.status === 'deleted') {
      throw new ValidationError([storageErrorText.replacementMissing(supersededBy)]);
    }
    if (newer.status === 'superseded') {
      throw new ValidationError([storageErrorText.replacementSuperseded(supersededBy)]);
    }
    if (newer.effectiveDate < before.effectiveDate) {
      throw new ValidationError([
        storageErrorText.replacementOlder(supersededBy, newer.effectiveDate, before.effectiveDate),
      ]);
    }
    const after: EvidenceRecord = { ...before, status: 'superseded', supersededBy };
    await db.evidence.put(after);
    await updateCoverageIndex(db, before, after);
    await appendCustody(db, {
      at,
      event: 'supersede',
      evidenceId,
      actor,
      details: { supersededBy, statusFrom: before.status, ...(note.trim() ? { note: note.trim() } : {}) },
    });
    return after;
  });
}

export interface DeleteOptions {
  /** Also blank title, URL and notes on the tombstone (when they hold the secret being removed). */
  removeDescription?: boolean;
}

/**
 * Removes the bytes of evidence and keeps a tombstone: the record with status `deleted`, its artifact
 * hashes and the reason, plus a chained `delete` custody entry carrying the same, so the chain and
 * the record of what existed both survive.
 */
export async function deleteEvidence(
  db: EvidenceDatabase,
  evidenceId: string,
  reason: string,
  actor: string,
  at: string,
  options: DeleteOptions = {},
): Promise<EvidenceRecord> {
  const reasonProblem = deletionReasonProblem(reason);
  if (reasonProblem) throw new ValidationError([reasonProblem]);
  return writeTransaction(db, [db.evidence, db.blobs, db.custody, db.coverageIndex], async () => {
    const before = await db.evidence.get(evidenceId);
    if (!before) throw new ValidationError([storageErrorText.noSuchEvidence(evidenceId)]);
    if (before.status === 'deleted') throw new ValidationError([storageErrorText.alreadyDeleted(evidenceId)]);

    const keys = new Set([
      ...before.artifacts.map((artifact) => artifact.blobKey),
      ...((await db.blobs.where('evidenceId').equals(evidenceId).primaryKeys()) as string[]),
    ]);
    await db.blobs.bulkDelete([...keys]);

    const { words: _words, ...rest } = before;
    const after: EvidenceRecord = {
      ...rest,
      ...(options.removeDescription ? { title: '', url: '', site: '', notes: '' } : {}),
      status: 'deleted',
      deletion: { at, actor, reason: reason.trim() },
    };
    await db.evidence.put(after);
    await updateCoverageIndex(db, before, after);
    await appendCustody(db, {
      at,
      event: 'delete',
      evidenceId,
      actor,
      details: {
        reason: reason.trim(),
        statusFrom: before.status,
        controls: before.controls,
        artifacts: before.artifacts.map(({ name, sha256, size }) => ({ name, sha256, size })),
        bytesRemoved: keys.size,
        descriptionRemoved: options.removeDescription === true,
      },
    });
    return after;
  });
}

async function editable(db: EvidenceDatabase, evidenceId: string): Promise<EvidenceRecord> {
  const record = await db.evidence.get(evidenceId);
  if (!record) throw new ValidationError([storageErrorText.maybeDeleted(evidenceId)]);
  if (record.status === 'deleted')
    throw new ValidationError([storageErrorText.deletedUnchangeable(evidenceId)]);
  return record;
}

/** The text behind a record's search words: '' when it has none, null when its text could not be read. */
async function readSearchText(db: EvidenceDatabase, record: EvidenceRecord): Promise<string | null> {
  const sources = record.artifacts.filter(
    (artifact) => artifact.role === 'text' || (artifact.role === 'file' && isTextLike(artifact.mimeType)),
  );
  if (sources.some((artifact) => artifact.size > MAX_INDEXED_TEXT_BYTES)) return null;
  try {
    const texts = await Promise.all(
      sources.map(async (artifact) => (await db.blobs.get(artifact.blobKey))?.data.text()),
    );
    return texts.includes(undefined) ? null : texts.join('\n');
  } catch {
    return null;
  }
}
