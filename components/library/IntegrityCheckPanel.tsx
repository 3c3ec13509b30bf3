import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  IntegrityProblemKind,
  IntegrityProgress,
  IntegrityReport,
} from '@/utils/evidence/library-types';
import { errorText, formatBytes, groupDigits } from './labels';
import { integrityProblemText, libraryText } from '@/utils/text';

export interface IntegrityCheckPanelProps {
  run: (onProgress: (progress: IntegrityProgress) => void, signal: AbortSignal) => Promise<IntegrityReport>;
  onOpen: (evidenceId: string) => void;
}

const KIND_LABELS: Record<IntegrityProblemKind, string> = libraryText.problemKinds;

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
      setError(libraryText.checkFailed(errorText(failure)));
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }

  return (
    <section class="integrity-check" aria-label={libraryText.integrityHeading} data-testid="integrity-check">
      <p class="hint">{libraryText.integrityExplained}</p>
      {progress ? (
        <div>
          <progress
            max={Math.max(1, progress.bytesTotal)}
            value={progress.bytesDone}
            aria-label={libraryText.integrityProgress}
            data-testid="integrity-progress"
          />
          <p class="hint" role="status">
            {progress.phase === 'artifacts'
              ? libraryText.filesProgress(
                  groupDigits(progress.done),
                  groupDigits(progress.total),
                  formatBytes(progress.bytesDone),
                  formatBytes(progress.bytesTotal),
                )
              : progress.phase === 'records'
                ? libraryText.readingRecords(groupDigits(progress.done))
                : libraryText.verifyingChain}
          </p>
          <button type="button" onClick={() => controller.current?.abort()}>
            {libraryText.stop}
          </button>
        </div>
      ) : (
        <button type="button" class="primary" data-testid="run-integrity-check" onClick={() => void start()}>
          {report ? libraryText.checkAgain : libraryText.checkIntegrity}
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
  const scope = libraryText.checkScope(
    groupDigits(report.artifactsChecked),
    formatBytes(report.bytesChecked),
    groupDigits(report.evidenceChecked),
    groupDigits(report.custodyEntriesChecked),
  );
  return (
    <div data-testid="integrity-result">
      {report.cancelled && <p class="hint">{libraryText.stopped}</p>}
      {report.problems.length === 0 ? (
        <p class="saved" role="status">
          {libraryText.noProblems(scope)}
        </p>
      ) : (
        <>
          <p class="error" role="status">
            {libraryText.problemsFound(report.problems.length, scope)}
          </p>
          <ul class="integrity-problems" data-testid="integrity-problems">
            {report.problems.map((problem, index) => (
              <li key={index} data-kind={problem.kind}>
                <strong>{KIND_LABELS[problem.kind]}</strong> — <code>{problem.item}</code>
                {problem.title && integrityProblemText.titled(problem.title)}: {problem.message}
                {problem.evidenceId && (
                  <>
                    {' '}
                    <button type="button" class="link" onClick={() => onOpen(problem.evidenceId!)}>
                      {libraryText.openProblem}
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
