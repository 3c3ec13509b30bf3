import { useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import {
  documentControlProblems,
  effectiveDateProblem,
  fileSizeProblem,
  MAX_FILE_BYTES,
} from '@/utils/evidence/checks';
import { DocumentControlFields, type DocumentControlDraft } from './DocumentControlFields';
import { DropZone } from './DropZone';
import { FileControls } from './FileControls';
import { errorText } from './labels';
import { StagedFiles } from './StagedFiles';
import type { FileTagging } from './types';
import { usePastedFiles } from './usePastedFiles';
import { NotesAndDateFields } from '../audit/NotesAndDateFields';
import { libraryText } from '@/utils/text';

export interface FileDropProps {
  catalogue: Catalogue;
  /** YYYY-MM-DD: the default effective date. */
  today: string;
  maxBytes?: number;
  /** Stores one file as evidence; resolves with its evidence id. */
  onAdd: (file: File, tagging: FileTagging) => Promise<string>;
  /** Listen for pasted images on the whole page (off in tests that mount several). */
  listenForPaste?: boolean;
}

interface Outcome {
  name: string;
  ok: boolean;
  message: string;
}

const EMPTY_DOCUMENT: DocumentControlDraft = { enabled: false, version: '', approver: '', approvalDate: '' };

/** The tagging every staged file gets; document control only when it is switched on. */
function fileTagging(
  controls: string[],
  notes: string,
  effectiveDate: string,
  document: DocumentControlDraft,
): FileTagging {
  return {
    controls,
    notes: notes.trim(),
    effectiveDate,
    ...(document.enabled
      ? {
          document: {
            version: document.version.trim(),
            approver: document.approver.trim(),
            approvalDate: document.approvalDate,
          },
        }
      : {}),
  };
}

function taggingProblems(effectiveDate: string, document: DocumentControlDraft): string[] {
  return [
    effectiveDateProblem(effectiveDate),
    ...(document.enabled ? documentControlProblems(document) : []),
  ].filter((problem): problem is string => Boolean(problem));
}

/** Adds the files one by one; a file that fails is reported and kept for another try, the rest go on. */
async function addFiles(files: readonly File[], tagging: FileTagging, onAdd: FileDropProps['onAdd']) {
  const results: Outcome[] = [];
  const failed: File[] = [];
  for (const file of files) {
    try {
      const id = await onAdd(file, tagging);
      results.push({ name: file.name, ok: true, message: libraryText.added(file.name, id) });
    } catch (failure) {
      failed.push(file);
      results.push({
        name: file.name,
        ok: false,
        message: libraryText.notAdded(file.name, errorText(failure)),
      });
    }
  }
  return { results, failed };
}

/** Splits files into those within the size limit and a refusal for each one over it. */
function checkSizes(files: readonly File[], maxBytes: number) {
  const refused: Outcome[] = [];
  const accepted: File[] = [];
  for (const file of files) {
    const problem = fileSizeProblem(file.name, file.size, maxBytes);
    if (problem) refused.push({ name: file.name, ok: false, message: problem });
    else accepted.push(file);
  }
  return { refused, accepted };
}

function FileOutcomes({ outcomes }: { outcomes: readonly Outcome[] }) {
  return (
    <ul class="file-outcomes" aria-live="polite">
      {outcomes.map((outcome, index) => (
        <li key={index} class={outcome.ok ? 'saved' : 'error'}>
          {outcome.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * Evidence that is not a web page: drop files (PDF reports, CSV exports, images), choose them, or paste
 * a screenshot. Each is checked against the size limit at once, then tagged and added like a capture.
 */
export function FileDrop({
  catalogue,
  today,
  maxBytes = MAX_FILE_BYTES,
  onAdd,
  listenForPaste = true,
}: FileDropProps) {
  const [staged, setStaged] = useState<File[]>([]);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [controls, setControls] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [document, setDocument] = useState<DocumentControlDraft>(EMPTY_DOCUMENT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  function stage(files: readonly File[]) {
    const { refused, accepted } = checkSizes(files, maxBytes);
    setOutcomes(refused);
    setStaged((current) => [...current, ...accepted]);
  }
  usePastedFiles(listenForPaste, stage);

  async function submit(event: Event) {
    event.preventDefault();
    const problems = taggingProblems(effectiveDate, document);
    if (problems.length > 0) {
      setError(problems.join(' '));
      return;
    }
    setError('');
    setBusy(true);
    const { results, failed } = await addFiles(
      staged,
      fileTagging(controls, notes, effectiveDate, document),
      onAdd,
    );
    setOutcomes(results);
    setStaged(failed);
    if (failed.length === 0) {
      setNotes('');
      setDocument(EMPTY_DOCUMENT);
    }
    setBusy(false);
  }

  return (
    <section class="file-drop" aria-label={libraryText.addFiles} data-testid="file-drop">
      <DropZone maxBytes={maxBytes} onFiles={stage} />
      {outcomes.length > 0 && <FileOutcomes outcomes={outcomes} />}
      {staged.length > 0 && (
        <form class="file-tagging" onSubmit={submit} data-testid="file-tagging">
          <StagedFiles
            files={staged}
            onRemove={(index) => setStaged((current) => current.filter((_, position) => position !== index))}
          />
          <FileControls catalogue={catalogue} controls={controls} onChange={setControls} />
          <NotesAndDateFields
            notes={notes}
            onNotes={setNotes}
            effectiveDate={effectiveDate}
            onEffectiveDate={setEffectiveDate}
            testIds={{ notes: 'file-notes', effectiveDate: 'file-effective-date' }}
            rows={2}
            dateHint={libraryText.filesDateHint}
          />
          <DocumentControlFields value={document} onChange={setDocument} />
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          <button type="submit" class="primary" data-testid="add-files" disabled={busy}>
            {busy ? libraryText.adding : libraryText.addCount(staged.length)}
          </button>
        </form>
      )}
    </section>
  );
}
