import { useEffect, useRef, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import { resolveControls, type ExportFilter } from '@/utils/bundle/filter';
import { formatBytes } from '@/utils/bundle/format';
import type { BundleEstimate, BundleProgress } from '@/utils/bundle/types';
import type { WriteBundleResult } from '@/utils/bundle/writer';
import { ExportFilters, type ExportFilterState } from './ExportFilters';
import { ExportProgress } from './ExportProgress';
import { PassphraseFields } from './PassphraseFields';
import { useThrottledProgress } from './useThrottledProgress';

export interface ExportHooks {
  signal: AbortSignal;
  onProgress: (progress: BundleProgress) => void;
}

export interface ExportPanelProps {
  catalogue: Catalogue;
  organisation: string;
  defaultWindow: { start: string | null; end: string | null };
  /** Where the zip goes: streamed into a file the user picks (Chrome), or a download (Firefox). */
  saveTarget: 'file-picker' | 'download';
  estimate: (filter: ExportFilter) => Promise<BundleEstimate>;
  /** Resolves null when the user closed the save dialog. Must be called synchronously from the click (file pickers need it). */
  onExport: (
    filter: ExportFilter,
    password: string | null,
    hooks: ExportHooks,
  ) => Promise<WriteBundleResult | null>;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: WriteBundleResult }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

function toFilter(catalogue: Catalogue, state: ExportFilterState): ExportFilter {
  return {
    windowStart: state.windowStart || null,
    windowEnd: state.windowEnd || null,
    controls: resolveControls(catalogue, state.themes, state.controls),
    includeDomSnapshots: state.includeDomSnapshots,
  };
}

/** The export page: choose, see the estimate, export with progress, cancel. */
export function ExportPanel({
  catalogue,
  organisation,
  defaultWindow,
  saveTarget,
  estimate,
  onExport,
}: ExportPanelProps) {
  const [filters, setFilters] = useState<ExportFilterState>({
    windowStart: defaultWindow.start ?? '',
    windowEnd: defaultWindow.end ?? '',
    themes: [],
    controls: [],
    includeDomSnapshots: false,
  });
  const [password, setPassword] = useState<string | null>(null);
  const [expected, setExpected] = useState<BundleEstimate | null>(null);
  const [estimateError, setEstimateError] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [progress, setProgress] = useThrottledProgress();
  const controller = useRef<AbortController | null>(null);
  const filter = toFilter(catalogue, filters);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let current = true;
    setExpected(null);
    estimate(filter)
      .then((value) => current && (setExpected(value), setEstimateError('')))
      .catch(
        (error: unknown) =>
          current && setEstimateError(error instanceof Error ? error.message : String(error)),
      );
    return () => {
      current = false;
    };
    // The filter object is rebuilt on every render; its JSON says when it changed.
  }, [filterKey]);

  function start(event: Event) {
    event.preventDefault();
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'running' });
    setProgress({ files: 0, bytes: 0 }, true);
    // No await before onExport: the save dialog needs the click's user activation.
    onExport(filter, password, { signal: abort.signal, onProgress: (step) => setProgress(step) })
      .then((result) => setPhase(result ? { kind: 'done', result } : { kind: 'idle' }))
      .catch((error: unknown) =>
        setPhase(
          abort.signal.aborted
            ? { kind: 'cancelled' }
            : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
        ),
      );
  }

  const running = phase.kind === 'running';
  const empty = expected?.evidence === 0;
  return (
    <form class="export-panel" data-testid="export-panel" onSubmit={start}>
      <p>
        Bundle for <strong>{organisation}</strong>: a zip holding a BagIt bag with a report auditors open in
        any browser, and checksums they verify with stock tools.
      </p>
      <ExportFilters catalogue={catalogue} value={filters} disabled={running} onChange={setFilters} />
      <PassphraseFields disabled={running} onChange={setPassword} />
      <p data-testid="export-estimate" aria-live="polite">
        {estimateError ? (
          <span class="error">{estimateError}</span>
        ) : expected ? (
          `${expected.evidence} evidence records · about ${expected.files} files · about ${formatBytes(expected.bytes)}`
        ) : (
          'Estimating…'
        )}
      </p>
      {empty && (
        <p class="hint">
          No evidence matches these choices; the bundle would hold the SoA, findings and custody log only.
        </p>
      )}
      <p class="hint">
        {saveTarget === 'file-picker'
          ? 'You choose where to save; the zip is written straight into that file.'
          : 'The zip is assembled in memory, then downloaded: for very large exports, use Chrome or Edge.'}
      </p>
      <div class="export-actions">
        <button
          type="submit"
          class="primary"
          data-testid="export-start"
          disabled={running || password === ''}
        >
          Export bundle
        </button>
        {running && (
          <button
            type="button"
            data-testid="export-cancel"
            onClick={() => controller.current?.abort(new DOMException('Export cancelled', 'AbortError'))}
          >
            Cancel
          </button>
        )}
      </div>
      {(running || phase.kind === 'done') && (
        <ExportProgress label="Export progress" progress={progress} expected={expected} />
      )}
      {phase.kind === 'done' && (
        <p class="saved" data-testid="export-done">
          Saved {phase.result.name}.zip: {phase.result.evidenceCount} evidence records,{' '}
          {formatBytes(phase.result.zipBytes)}. Manifest SHA-256 <code>{phase.result.manifestSha256}</code> is
          recorded in the custody log.
        </p>
      )}
      {phase.kind === 'failed' && (
        <p class="error" role="alert" data-testid="export-error">
          Export failed: {phase.message}
        </p>
      )}
      {phase.kind === 'cancelled' && (
        <p data-testid="export-cancelled">Export cancelled; the partial file was discarded.</p>
      )}
    </form>
  );
}
