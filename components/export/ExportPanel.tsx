import { useEffect, useRef, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import { resolveControls, type ExportFilter } from '@/utils/bundle/filter';
import { formatBytes } from '@/utils/bundle/format';
import type { BundleEstimate, BundleProgress } from '@/utils/bundle/types';
import type { WriteBundleResult } from '@/utils/bundle/writer';
import { ExportFilters, type ExportFilterState } from './ExportFilters';
import { ExportProgress } from './ExportProgress';
import { PassphraseFields } from './PassphraseFields';
import { ReportChoices, type ReportChoicesValue } from './ReportChoices';
import { useThrottledProgress } from './useThrottledProgress';
import { commonText, exportText } from '@/utils/text';

export interface ExportHooks {
  signal: AbortSignal;
  onProgress: (progress: BundleProgress) => void;
}

export type ExportChoices = ReportChoicesValue;

export interface ExportPanelProps {
  catalogue: Catalogue;
  /** The organisation as set (settings, policy or audit plan); empty when none is, and the page asks. */
  organisation: string;
  defaultWindow: { start: string | null; end: string | null };
  /** Where the zip goes: streamed into a file the user picks (Chrome), or streamed into OPFS, then downloaded (Firefox). */
  saveTarget: 'file-picker' | 'download';
  estimate: (filter: ExportFilter) => Promise<BundleEstimate>;
  /** Audits with a request list: each can be exported as "evidence for request list X". */
  requestLists?: readonly string[];
  /** Resolves null when the user closed the save dialog. Must be called synchronously from the click (file pickers need it). */
  onExport: (
    filter: ExportFilter,
    password: string | null,
    hooks: ExportHooks,
    choices: ExportChoices,
  ) => Promise<WriteBundleResult | null>;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: WriteBundleResult }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

function toFilter(catalogue: Catalogue, state: ExportFilterState): ExportFilter {
  // A request list decides by itself: only the evidence filed against its requests, whatever its date or tags.
  if (state.requestList)
    return {
      windowStart: null,
      windowEnd: null,
      controls: null,
      includeDomSnapshots: state.includeDomSnapshots,
      requestList: state.requestList,
    };
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
  requestLists = [],
}: ExportPanelProps) {
  const [filters, setFilters] = useState<ExportFilterState>({
    windowStart: defaultWindow.start ?? '',
    windowEnd: defaultWindow.end ?? '',
    themes: [],
    controls: [],
    includeDomSnapshots: false,
    requestList: '',
  });
  const [password, setPassword] = useState<string | null>(null);
  const askOrganisation = organisation.trim() === '';
  const [choices, setChoices] = useState<ExportChoices>({ organisation, includeReadiness: true });
  const named = choices.organisation.trim() !== '';
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
    const chosen = { ...choices, organisation: choices.organisation.trim() };
    onExport(filter, password, { signal: abort.signal, onProgress: (step) => setProgress(step) }, chosen)
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
        {exportText.bundleFor} <strong>{choices.organisation.trim() || exportText.organisationUnset}</strong>
        {exportText.bundleIntro}
      </p>
      <ReportChoices
        askOrganisation={askOrganisation}
        value={choices}
        disabled={running}
        onChange={setChoices}
      />
      <ExportFilters
        catalogue={catalogue}
        value={filters}
        disabled={running}
        onChange={setFilters}
        requestLists={requestLists}
      />
      <PassphraseFields disabled={running} onChange={setPassword} />
      <p data-testid="export-estimate" aria-live="polite">
        {estimateError ? (
          <span class="error">{estimateError}</span>
        ) : expected ? (
          exportText.estimate(expected.evidence, expected.files, formatBytes(expected.bytes))
        ) : (
          exportText.estimating
        )}
      </p>
      {empty && <p class="hint">{exportText.nothingMatches}</p>}
      <p class="hint">{saveTarget === 'file-picker' ? exportText.filePicker : exportText.download}</p>
      <div class="export-actions">
        <button
          type="submit"
          class="primary"
          data-testid="export-start"
          disabled={running || password === '' || !named}
        >
          {exportText.exportBundle}
        </button>
        {running && (
          <button
            type="button"
            data-testid="export-cancel"
            onClick={() => controller.current?.abort(new DOMException(exportText.cancelled, 'AbortError'))}
          >
            {commonText.cancel}
          </button>
        )}
      </div>
      {(running || phase.kind === 'done') && (
        <ExportProgress label={exportText.progress} progress={progress} expected={expected} />
      )}
      {phase.kind === 'done' && (
        <p class="saved" data-testid="export-done">
          {exportText.saved(
            phase.result.name,
            phase.result.evidenceCount,
            formatBytes(phase.result.zipBytes),
          )}{' '}
          <code>{phase.result.manifestSha256}</code> {exportText.savedInLog}
        </p>
      )}
      {phase.kind === 'done' && phase.result.timestamps && (
        <p
          data-testid="export-timestamps"
          class={phase.result.timestamps.tagManifest.state === 'unstamped' ? 'warning' : ''}
        >
          {exportText.timestamps(phase.result.timestamps)}
        </p>
      )}
      {phase.kind === 'failed' && (
        <p class="error" role="alert" data-testid="export-error">
          {exportText.failed(phase.message)}
        </p>
      )}
      {phase.kind === 'cancelled' && <p data-testid="export-cancelled">{exportText.cancelledDiscarded}</p>}
    </form>
  );
}
