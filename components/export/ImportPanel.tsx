import { useRef, useState } from 'preact/hooks';
import { formatBytes } from '@/utils/bundle/format';
import type { BundleProgress, BundleSignature, BundleSummary, ImportOutcome } from '@/utils/bundle/types';
import { groupFingerprint } from '@/utils/signing/fingerprint';
import type { VerifiedBundle, VerifyResult } from '@/utils/bundle/verify';
import { ExportProgress } from './ExportProgress';
import { useThrottledProgress } from './useThrottledProgress';
import { bundleRiskText, importText, ismsRecordsText } from '@/utils/text';

export interface ImportPanelProps {
  /** Checks a bundle without changing anything; `password` only for encrypted bundles. */
  verify: (
    file: Blob,
    password: string | undefined,
    hooks: { signal: AbortSignal; onProgress: (progress: BundleProgress) => void },
  ) => Promise<VerifyResult>;
  /** Merges a verified bundle's evidence that is not held yet. */
  importVerified: (bundle: VerifiedBundle) => Promise<ImportOutcome>;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'verifying' }
  | { kind: 'refused'; problems: string[]; needsPassword: boolean }
  | { kind: 'verified'; bundle: VerifiedBundle }
  | { kind: 'importing'; summary: BundleSummary }
  | { kind: 'imported'; summary: BundleSummary; outcome: ImportOutcome }
  | { kind: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Who signed the bundle: a key this installation knows by its name, any other as unknown, with its fingerprint. */
function SignatureLine({ signature }: { signature: BundleSignature }) {
  const words = importText.summary;
  if (signature.state === 'unsigned') return <>{words.unsigned}</>;
  return (
    <>
      {words.signedBy(signature.algorithm, signature.signer)}{' '}
      <code>{groupFingerprint(signature.fingerprint)}</code>
      {signature.pin === 'not-pinned' && <span class="warning"> {words.notPinned}</span>}
      {signature.pin === 'pinned' && <> {words.pinned}</>}
    </>
  );
}

function Summary({ summary }: { summary: BundleSummary }) {
  const words = importText.summary;
  return (
    <dl class="bundle-summary" data-testid="bundle-summary">
      <dt>{words.bundle}</dt>
      <dd>{summary.name}</dd>
      <dt>{words.organisation}</dt>
      <dd>{summary.organisation}</dd>
      <dt>{words.baggingDate}</dt>
      <dd>{summary.baggingDate}</dd>
      <dt>{words.evidence}</dt>
      <dd>
        {words.evidenceCounts(
          summary.evidenceCount,
          summary.artifactCount,
          formatBytes(summary.payloadBytes),
        )}
      </dd>
      <dt>{words.signature}</dt>
      <dd data-testid="bundle-signature">
        <SignatureLine signature={summary.signature} />
      </dd>
      {summary.timestamps && (
        <>
          <dt>{words.timestamps}</dt>
          <dd data-testid="bundle-timestamps">
            {words.timestampsChecked(summary.timestamps.captures, summary.timestamps.tagManifest)}
          </dd>
        </>
      )}
      <dt>{words.custodyLog}</dt>
      <dd>
        {words.custodyEntries(summary.custodyEntries)}
        {summary.custodyWithheld > 0 && ` ${words.custodyWithheld(summary.custodyWithheld)}`}
      </dd>
      {summary.encrypted && (
        <>
          <dt>{words.encryption}</dt>
          <dd>{words.encrypted}</dd>
        </>
      )}
    </dl>
  );
}

/** What the bundle's audits and reviews would restore, and each row left out, before the user confirms. */
function RecordsPreview({ records }: { records: NonNullable<VerifiedBundle['ismsRecords']> }) {
  const words = ismsRecordsText.bundle;
  return (
    <div data-testid="import-records-preview">
      <p>{words.toRestore(records.internalAudits.length, records.managementReviews.length)}</p>
      {records.problems.length > 0 && (
        <>
          <p class="warning">{words.leftOut(records.problems.length)}</p>
          <ul data-testid="import-records-problems">
            {records.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Opens a bundle, shows what verification found, and imports the evidence not yet held. */
export function ImportPanel({ verify, importVerified }: ImportPanelProps) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [progress, setProgress] = useThrottledProgress();
  const controller = useRef<AbortController | null>(null);

  async function check(chosen: File, passphrase: string | undefined) {
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'verifying' });
    setProgress({ files: 0, bytes: 0 }, true);
    try {
      const result = await verify(chosen, passphrase, {
        signal: abort.signal,
        onProgress: (step) => setProgress(step),
      });
      setPhase(
        result.ok
          ? { kind: 'verified', bundle: result.bundle }
          : { kind: 'refused', problems: result.problems, needsPassword: result.needsPassword ?? false },
      );
    } catch (error) {
      setPhase(abort.signal.aborted ? { kind: 'idle' } : { kind: 'failed', message: messageOf(error) });
    }
  }

  async function merge(bundle: VerifiedBundle) {
    setPhase({ kind: 'importing', summary: bundle.summary });
    try {
      setPhase({ kind: 'imported', summary: bundle.summary, outcome: await importVerified(bundle) });
    } catch (error) {
      setPhase({ kind: 'failed', message: importText.nothingImported(messageOf(error)) });
    }
  }

  return (
    <section class="import-panel" data-testid="import-panel" aria-label={importText.label}>
      <p class="hint">{importText.intro}</p>
      <label>
        {importText.file}
        <input
          type="file"
          accept=".zip,application/zip"
          data-testid="import-file"
          disabled={phase.kind === 'verifying' || phase.kind === 'importing'}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0] ?? null;
            // Cleared, so that choosing the same file again (after fixing it, say) checks it again.
            event.currentTarget.value = '';
            setFile(chosen);
            setPassword('');
            if (chosen) void check(chosen, undefined);
          }}
        />
      </label>
      {phase.kind === 'verifying' && (
        <>
          <ExportProgress label={importText.progress} progress={progress} expected={null} />
          <button type="button" onClick={() => controller.current?.abort()}>
            {importText.stop}
          </button>
        </>
      )}
      {phase.kind === 'refused' && (
        <div role="alert" data-testid="import-refused">
          <p class="error">{phase.needsPassword ? importText.needsPassphrase : importText.refused}</p>
          <ul>
            {phase.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
          {phase.needsPassword && file && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void check(file, password);
              }}
            >
              <label>
                {importText.passphrase}
                <input
                  type="password"
                  data-testid="import-passphrase"
                  value={password}
                  onInput={(event) => setPassword(event.currentTarget.value)}
                />
              </label>
              <button type="submit" class="primary" disabled={password === ''}>
                {importText.open}
              </button>
            </form>
          )}
        </div>
      )}
      {phase.kind === 'verified' && (
        <div data-testid="import-verified">
          <p class="saved">{importText.verified}</p>
          <Summary summary={phase.bundle.summary} />
          {phase.bundle.ismsRecords && <RecordsPreview records={phase.bundle.ismsRecords} />}
          <button
            type="button"
            class="primary"
            data-testid="import-start"
            onClick={() => void merge(phase.bundle)}
          >
            {importText.start}
          </button>
        </div>
      )}
      {phase.kind === 'importing' && (
        <p aria-live="polite">{importText.importing(phase.summary.evidenceCount)}</p>
      )}
      {phase.kind === 'imported' && (
        <div data-testid="import-done">
          <p class="saved">{importText.imported(phase.outcome.added.length, phase.outcome.skipped.length)}</p>
          {phase.outcome.risks && (
            <p class="saved" data-testid="imported-risks">
              {bundleRiskText.imported(phase.outcome.risks.added.length, phase.outcome.risks.kept)}
              {phase.outcome.risks.unreadable > 0 &&
                ` ${bundleRiskText.unreadable(phase.outcome.risks.unreadable)}`}
            </p>
          )}
          {phase.outcome.ismsRecords && (
            <div data-testid="imported-records">
              <p class="saved">
                {ismsRecordsText.bundle.restored(
                  phase.outcome.ismsRecords.added.length,
                  phase.outcome.ismsRecords.kept,
                )}
              </p>
              {phase.outcome.ismsRecords.unlinked.length > 0 && (
                <ul>
                  {phase.outcome.ismsRecords.unlinked.map((sentence, index) => (
                    <li key={index}>{sentence}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {phase.outcome.conflicts.length > 0 && (
            <>
              <p class="error">{importText.conflicts(phase.outcome.conflicts.length)}</p>
              <ul data-testid="import-conflicts">
                {phase.outcome.conflicts.map((conflict) => (
                  <li key={conflict.evidenceId}>
                    {importText.conflict(conflict.evidenceId, conflict.reason)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {phase.kind === 'failed' && (
        <p class="error" role="alert" data-testid="import-error">
          {phase.message}
        </p>
      )}
    </section>
  );
}
