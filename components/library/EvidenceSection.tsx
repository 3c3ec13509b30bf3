import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type {
  LibraryFacets,
  LibraryQuery,
  LibraryResult,
  StorageHealth,
} from '@/utils/evidence/library-types';
import type { Artifact } from '@/utils/evidence/types';
import { EvidenceDetail } from './EvidenceDetail';
import { EvidenceLibrary, type LibraryView } from './EvidenceLibrary';
import { FileDrop } from './FileDrop';
import { IntegrityCheckPanel } from './IntegrityCheckPanel';
import { errorText } from './labels';
import { StorageHealthPanel } from './StorageHealthPanel';
import type { EvidenceChange, EvidenceDetailData, EvidenceSectionServices } from './types';
import { libraryText } from '@/utils/text';

export interface EvidenceSectionProps {
  catalogue: Catalogue;
  services: EvidenceSectionServices;
  /** Where a bundle is exported, for the backup prompt. */
  exportHref: string;
  initialQuery?: LibraryQuery;
  /** Opens this evidence at once (e.g. from a link to the item). */
  initialSelectedId?: string;
  /** Listen for pasted screenshots on the page. */
  listenForPaste?: boolean;
  /** Changing it reads everything again (captures taken meanwhile from the popup). */
  refreshKey?: number;
  /** Milliseconds after the first rows before storage health is read. */
  healthDelay?: number;
}

const NO_FACETS: LibraryFacets = { capturers: [], sites: [], controls: [] };
/** Enough rows to fill a tall screen before the full list of matches is read. */
const FIRST_PAGE = 100;
/** Read the rest anyway if the first rows take longer than this (e.g. the list is not visible). */
const FIRST_ROWS_TIMEOUT = 400;

/** The dashboard's evidence section: library, detail, files, integrity check and storage health. */
export function EvidenceSection(props: EvidenceSectionProps) {
  const {
    catalogue,
    services,
    exportHref,
    initialQuery = {},
    initialSelectedId,
    listenForPaste = true,
    refreshKey = 0,
    healthDelay = 1000,
  } = props;
  const [query, setQuery] = useState<LibraryQuery>(initialQuery);
  const [result, setResult] = useState<LibraryResult | null>(null);
  const [elapsedMs, setElapsedMs] = useState<number | undefined>(undefined);
  const [facets, setFacets] = useState<LibraryFacets>(NO_FACETS);
  const [changes, setChanges] = useState(0);
  const revision = changes + refreshKey;
  const [healthRevision, setHealthRevision] = useState(0);
  const [view, setView] = useState<LibraryView>('list');
  const [selectedId, setSelectedId] = useState<string | null>(initialSelectedId ?? null);
  const [detail, setDetail] = useState<EvidenceDetailData | null>(null);
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const [error, setError] = useState('');
  const [healthError, setHealthError] = useState('');
  const querySerial = useRef(0);
  // Slower reads (all matches, filter values, storage health) wait until the first rows are on
  // screen: in the one IndexedDB connection they would queue in front of those rows.
  const [rowsShown, setRowsShown] = useState(false);
  const rowsWaiters = useRef<(() => void)[]>([]);
  const rowsShownOnce = useRef(false);
  const onRowsLoaded = useCallback(() => {
    rowsShownOnce.current = true;
    setRowsShown(true);
    for (const resolve of rowsWaiters.current.splice(0)) resolve();
  }, []);
  const afterFirstRows = (answer: LibraryResult) =>
    answer.ids.length === 0 || rowsShownOnce.current
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          rowsWaiters.current.push(resolve);
          setTimeout(resolve, FIRST_ROWS_TIMEOUT);
        });

  // A quick first page paints at once, then the full answer replaces it. A newer query wins:
  // answers to older ones arriving late are dropped.
  useEffect(() => {
    const serial = ++querySerial.current;
    const started = performance.now();
    const current = () => serial === querySerial.current;
    const show = (answer: LibraryResult) => {
      if (!current()) return false;
      setResult(answer);
      setElapsedMs(performance.now() - started);
      setError('');
      return true;
    };
    services
      .query(query, { firstPage: FIRST_PAGE })
      .then(async (first) => {
        if (!show(first)) return;
        // Without rows to wait for (or if they never come), the slower reads start anyway.
        if (first.ids.length === 0) setRowsShown(true);
        else setTimeout(() => setRowsShown(true), FIRST_ROWS_TIMEOUT);
        if (first.complete) return;
        await afterFirstRows(first);
        if (current()) show(await services.query(query));
      })
      .catch((failure: unknown) => {
        if (current()) setError(libraryText.libraryFailed(errorText(failure)));
      });
  }, [services, query, revision]);

  const ready = rowsShown;
  useEffect(() => {
    if (!ready) return;
    services.loadFacets().then(setFacets, () => setFacets(NO_FACETS));
  }, [services, revision, ready]);

  // Health walks the custody log: a moment later still, so a search typed at once is not queued behind it.
  useEffect(() => {
    if (!ready) return;
    let current = true;
    const timer = setTimeout(() => {
      services.loadStorageHealth().then(
        (loaded) => {
          if (!current) return;
          setHealth(loaded);
          setHealthError('');
        },
        (failure: unknown) => current && setHealthError(libraryText.healthFailed(errorText(failure))),
      );
    }, healthDelay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [services, revision, healthRevision, ready, healthDelay]);

  useEffect(() => {
    if (!selectedId) {
      setDetail(null);
      return;
    }
    let current = true;
    services.loadDetail(selectedId).then(
      (loaded) => {
        if (!current) return;
        setDetail(loaded);
        if (!loaded) setError(libraryText.noSuchEvidence(selectedId));
      },
      (failure: unknown) => current && setError(libraryText.evidenceFailed(selectedId, errorText(failure))),
    );
    return () => {
      current = false;
    };
  }, [services, selectedId, revision]);

  const changed = useCallback(() => setChanges((value) => value + 1), []);
  const record = detail?.record;
  const loadArtifact = useCallback(
    (artifact: Artifact) => services.loadArtifact(record!, artifact),
    [services, record],
  );

  return (
    <div class={`evidence-section${detail ? ' with-detail' : ''}`} data-testid="evidence-section">
      <FileDrop
        catalogue={catalogue}
        today={services.today()}
        listenForPaste={listenForPaste}
        onAdd={async (file, tagging) => {
          const id = await services.addFile(file, tagging);
          changed();
          return id;
        }}
      />
      <div class="evidence-columns">
        <EvidenceLibrary
          catalogue={catalogue}
          facets={facets}
          query={query}
          onQueryChange={setQuery}
          result={result}
          {...(elapsedMs === undefined ? {} : { elapsedMs })}
          revision={revision}
          loadRows={services.loadRows}
          loadThumbnail={services.loadThumbnail}
          selectedId={selectedId}
          onOpen={setSelectedId}
          view={view}
          onViewChange={setView}
          error={error}
          onRowsLoaded={onRowsLoaded}
        />
        {detail && record && (
          <EvidenceDetail
            key={record.id}
            catalogue={catalogue}
            detail={detail}
            loadArtifact={loadArtifact}
            onDownload={(artifact) => void services.downloadArtifact(record, artifact)}
            onEdit={async (change: EvidenceChange) => {
              await services.edit(record.id, change);
              changed();
            }}
            onSupersede={async (supersededBy, note) => {
              await services.supersede(record.id, supersededBy, note);
              changed();
            }}
            onDelete={async (reason, removeDescription) => {
              await services.remove(record.id, reason, removeDescription);
              changed();
            }}
            onOpen={setSelectedId}
            onClose={() => setSelectedId(null)}
          />
        )}
      </div>
      <details class="evidence-tools">
        <summary>{libraryText.integrityHeading}</summary>
        <IntegrityCheckPanel run={services.runIntegrityCheck} onOpen={setSelectedId} />
      </details>
      <details class="evidence-tools" open={health?.backupDue === true}>
        <summary>{libraryText.healthHeading(health?.backupDue === true)}</summary>
        <StorageHealthPanel
          health={health}
          error={healthError}
          exportHref={exportHref}
          onRequestPersistence={async () => {
            const granted = await services.requestPersistence();
            setHealthRevision((value) => value + 1);
            return granted;
          }}
        />
      </details>
    </div>
  );
}
