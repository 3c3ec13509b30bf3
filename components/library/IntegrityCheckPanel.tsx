import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  IntegrityProblemKind,
  IntegrityProgress,
  IntegrityReport,
} from '@/utils/evidence/library-types';
import { errorText, formatBytes, groupDigits } from './labels';

export interface IntegrityCheckPanelProps {
  run: (onProgress: (progress: IntegrityProgress) => void, signal: AbortSignal) => Promise<IntegrityReport>;
  onOpen: (evidenceId: string) => void;
}

const KIND_LABELS: Record<IntegrityProblemKind, string> = {
  corrupt: 'Changed bytes',
  missing: 'Missing file',
  unreadable: 'Unreadable file',
  chain: 'Custody chain',
  'record-changed': 'Changed record',
  unlogged: 'Not in the custody log',
  removed: 'Removed without tombstone',
  'leftover-bytes': 'Bytes of deleted evidence',
};

/** Re-hashes every stored file and verifies the custody chain, with progress; lists every problem by name. */
export function IntegrityCheckPanel({ run, onOpen }: IntegrityCheckPanelProps) {
  const [progress, setProgress] = useState<IntegrityProgress | null>(null);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState('');
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function start() {
    const abort = new AbortController();
    controller.current = abort;
    setReport(null);
    setError('');
    setProgress({ phase: 'chain', done: 0, total: 0, bytesDone: 0, bytesTotal: 0, current: '' });
    try {
      setReport(await run(setProgress, abort.signal));
    } catch (failure) {
      setError(`The check could not finish: ${errorText(failure)}`);
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }

  return (
    <section class="integrity-check" aria-label="Integrity check" data-testid="integrity-check">
      <p class="hint">
        Re-computes the SHA-256 of every stored file, compares it with the hash recorded at capture, and
        verifies that the custody log is complete and unaltered.
      </p>
      {progress ? (
        <div>
          <progress
            max={Math.max(1, progress.bytesTotal)}
            value={progress.bytesDone}
            aria-label="Integrity check progress"
            data-testid="integrity-progress"
          />
          <p class="hint" role="status">
            {progress.phase === 'artifacts'
              ? `${groupDigits(progress.done)} of ${groupDigits(progress.total)} files (${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)})`
              : progress.phase === 'records'
                ? `Reading evidence records… ${groupDigits(progress.done)}`
                : 'Verifying the custody chain…'}
          </p>
          <button type="button" onClick={() => controller.current?.abort()}>
            Stop
          </button>
        </div>
      ) : (
        <button type="button" class="primary" data-testid="run-integrity-check" onClick={() => void start()}>
          {report ? 'Check again' : 'Check integrity'}
        </button>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {report && <IntegrityResult report={report} onOpen={onOpen} />}
    </section>
  );
}

function IntegrityResult({ report, onOpen }: { report: IntegrityReport; onOpen: (id: string) => void }) {
  const scope = `${groupDigits(report.artifactsChecked)} files (${formatBytes(report.bytesChecked)}) of ${groupDigits(report.evidenceChecked)} evidence items and ${groupDigits(report.custodyEntriesChecked)} custody entries`;
  return (
    <div data-testid="integrity-result">
      {report.cancelled && <p class="hint">Stopped: only part of the files were checked.</p>}
      {report.problems.length === 0 ? (
        <p class="saved" role="status">
          No problems: {scope} checked; every hash matches and the custody chain verifies.
        </p>
      ) : (
        <>
          <p class="error" role="status">
            {report.problems.length} problem{report.problems.length === 1 ? '' : 's'} found in {scope}.
            Everything else is intact and usable.
          </p>
          <ul class="integrity-problems" data-testid="integrity-problems">
            {report.problems.map((problem, index) => (
              <li key={index} data-kind={problem.kind}>
                <strong>{KIND_LABELS[problem.kind]}</strong> — <code>{problem.item}</code>: {problem.message}
                {problem.evidenceId && (
                  <>
                    {' '}
                    <button type="button" class="link" onClick={() => onOpen(problem.evidenceId!)}>
                      open
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
