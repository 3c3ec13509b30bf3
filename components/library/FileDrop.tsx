import { useEffect, useRef, useState } from 'preact/hooks';
import { ControlPicker } from '@/components/soa/ControlPicker';
import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import {
  documentControlProblems,
  effectiveDateProblem,
  fileSizeProblem,
  formatBytes,
  MAX_FILE_BYTES,
} from '@/utils/evidence/checks';
import { DocumentControlFields, type DocumentControlDraft } from './DocumentControlFields';
import { errorText } from './labels';
import type { FileTagging } from './types';
import { NotesAndDateFields } from '../audit/NotesAndDateFields';
import { commonText, libraryText } from '@/utils/text';

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
  const [over, setOver] = useState(false);
  const [controls, setControls] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [document, setDocument] = useState<DocumentControlDraft>(EMPTY_DOCUMENT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);

  function stage(files: readonly File[]) {
    const refused: Outcome[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      const problem = fileSizeProblem(file.name, file.size, maxBytes);
      if (problem) refused.push({ name: file.name, ok: false, message: problem });
      else accepted.push(file);
    }
    setOutcomes(refused);
    setStaged((current) => [...current, ...accepted]);
  }

  useEffect(() => {
    if (!listenForPaste) return;
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0) return; // plain text pasted into a field: not ours
      event.preventDefault();
      stage(
        files.map((file, index) => (file.name && file.name !== 'image.png' ? file : pastedName(file, index))),
      );
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  });

  async function submit(event: Event) {
    event.preventDefault();
    const problems = [
      effectiveDateProblem(effectiveDate),
      ...(document.enabled ? documentControlProblems(document) : []),
    ].filter(Boolean);
    if (problems.length > 0) {
      setError(problems.join(' '));
      return;
    }
    setError('');
    setBusy(true);
    const tagging: FileTagging = {
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
    const results: Outcome[] = [];
    const failed: File[] = [];
    for (const file of staged) {
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
      <div
        class={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          stage([...(event.dataTransfer?.files ?? [])]);
        }}
      >
        <p>
          {libraryText.dropHere}{' '}
          <button type="button" class="link" onClick={() => input.current?.click()}>
            {libraryText.chooseFiles}
          </button>
          {libraryText.upTo(formatBytes(maxBytes))}
        </p>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          onChange={(event) => {
            stage([...(event.currentTarget.files ?? [])]);
            event.currentTarget.value = '';
          }}
        />
      </div>
      {outcomes.length > 0 && (
        <ul class="file-outcomes" aria-live="polite">
          {outcomes.map((outcome, index) => (
            <li key={index} class={outcome.ok ? 'saved' : 'error'}>
              {outcome.message}
            </li>
          ))}
        </ul>
      )}
      {staged.length > 0 && (
        <form class="file-tagging" onSubmit={submit} data-testid="file-tagging">
          <ul class="staged-files">
            {staged.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                {file.name} <span class="hint">{formatBytes(file.size)}</span>{' '}
                <button
                  type="button"
                  class="link"
                  aria-label={commonText.removeItem(file.name)}
                  onClick={() => setStaged((current) => current.filter((_, position) => position !== index))}
                >
                  {libraryText.remove}
                </button>
              </li>
            ))}
          </ul>
          <fieldset>
            <legend>{libraryText.filesShow}</legend>
            {controls.map((controlId) => (
              <label key={controlId} class="control-choice">
                <input
                  type="checkbox"
                  checked
                  onChange={() => setControls((current) => current.filter((id) => id !== controlId))}
                />
                <strong>{controlId}</strong> {findItem(catalogue, controlId)?.title ?? ''}
              </label>
            ))}
            <ControlPicker
              catalogue={catalogue}
              selected={controls}
              onAdd={(controlId) =>
                setControls((current) => (current.includes(controlId) ? current : [...current, controlId]))
              }
            />
          </fieldset>
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

/** Clipboard images come unnamed (or all as image.png): name them by the moment of pasting. */
function pastedName(file: File, index: number): File {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const extension = file.type.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'png';
  return new File([file], `pasted-screenshot-${stamp}${index > 0 ? `-${index + 1}` : ''}.${extension}`, {
    type: file.type,
    lastModified: Date.now(),
  });
}
