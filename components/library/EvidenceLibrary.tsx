import { useCallback, useRef, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { LibraryFacets, LibraryQuery, LibraryResult, LibraryRow } from '@/utils/evidence/library-types';
import { EvidenceCard } from './EvidenceCard';
import { EvidenceListRow } from './EvidenceListRow';
import { errorText, groupDigits } from './labels';
import { LibraryFilters } from './LibraryFilters';
import { VirtualList } from './VirtualList';
import { libraryText } from '@/utils/text';

export const LIST_ROW_HEIGHT = 58;
export const GRID_ROW_HEIGHT = 232;
const GRID_CELL_WIDTH = 210;
/** Rows kept in memory; beyond this, rows far from the view are read again when scrolled back to. */
const ROW_CACHE_LIMIT = 3000;

export type LibraryView = 'list' | 'grid';

export interface EvidenceLibraryProps {
  catalogue: Catalogue;
  facets: LibraryFacets;
  query: LibraryQuery;
  onQueryChange: (query: LibraryQuery) => void;
  /** Null while the first query runs. */
  result: LibraryResult | null;
  /** Milliseconds the last query took, shown beside the count. */
  elapsedMs?: number;
  /** Changes whenever stored rows may have changed: cached rows are read again. */
  revision: number;
  loadRows: (ids: string[]) => Promise<LibraryRow[]>;
  loadThumbnail: (row: LibraryRow) => Promise<string | null>;
  selectedId: string | null;
  onOpen: (id: string) => void;
  view: LibraryView;
  onViewChange: (view: LibraryView) => void;
  error?: string;
  /** Called whenever rows in view have been read (the section starts slower work after the first). */
  onRowsLoaded?: () => void;
}

/** Every capture as a list or a thumbnail grid, windowed: only the rows in view are read and drawn. */
export function EvidenceLibrary(props: EvidenceLibraryProps) {
  const { catalogue, facets, query, onQueryChange, result, elapsedMs, revision, loadRows, loadThumbnail } =
    props;
  const { selectedId, onOpen, view, onViewChange, error, onRowsLoaded } = props;
  const cache = useRef(new Map<string, LibraryRow>());
  const loading = useRef(new Set<string>());
  const generation = useRef(0);
  const [, setVersion] = useState(0);
  const [loadError, setLoadError] = useState('');
  const [columns, setColumns] = useState(4);
  const ids = result?.ids ?? [];
  const perLine = view === 'grid' ? columns : 1;

  // Cleared while rendering, before the list's effects ask for rows again.
  const seenRevision = useRef(revision);
  if (seenRevision.current !== revision) {
    seenRevision.current = revision;
    generation.current++;
    cache.current.clear();
    loading.current.clear();
  }

  const ensureRows = useCallback(
    (first: number, last: number) => {
      const wanted = ids
        .slice(first * perLine, last * perLine)
        .filter((id) => !cache.current.has(id) && !loading.current.has(id));
      if (wanted.length === 0) return;
      const started = generation.current;
      for (const id of wanted) loading.current.add(id);
      loadRows(wanted).then(
        (rows) => {
          if (started !== generation.current) return;
          for (const id of wanted) loading.current.delete(id);
          for (const row of rows) cache.current.set(row.id, row);
          trimCache(cache.current);
          setLoadError('');
          onRowsLoaded?.();
          setVersion((version) => version + 1);
        },
        (failure: unknown) => {
          for (const id of wanted) loading.current.delete(id);
          setLoadError(libraryText.readFailed(errorText(failure)));
        },
      );
    },
    // `revision` too: after a change the same range is read again.
    [ids, perLine, loadRows, revision, onRowsLoaded],
  );

  const onWidthChange = useCallback(
    (width: number) => setColumns(Math.max(1, Math.floor(width / GRID_CELL_WIDTH))),
    [],
  );
  const lineCount = Math.ceil(ids.length / perLine);

  const renderLine = (line: number) => {
    if (view === 'list') {
      const id = ids[line]!;
      return (
        <EvidenceListRow
          id={id}
          row={cache.current.get(id) ?? null}
          selected={id === selectedId}
          onOpen={onOpen}
        />
      );
    }
    return (
      <div class="library-grid-line" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {ids.slice(line * columns, line * columns + columns).map((id) => (
          <EvidenceCard
            key={id}
            id={id}
            row={cache.current.get(id) ?? null}
            selected={id === selectedId}
            onOpen={onOpen}
            loadThumbnail={loadThumbnail}
          />
        ))}
      </div>
    );
  };

  return (
    <section class="evidence-library" aria-label={libraryText.label}>
      <LibraryFilters catalogue={catalogue} facets={facets} query={query} onChange={onQueryChange} />
      <div class="library-status">
        <p role="status" data-testid="library-count">
          {result === null
            ? libraryText.searching
            : libraryText.count(
                groupDigits(ids.length),
                result.complete,
                groupDigits(result.totalStored),
                elapsedMs,
              )}
        </p>
        <div class="view-toggle" role="group" aria-label={libraryText.showAs}>
          <button type="button" aria-pressed={view === 'list'} onClick={() => onViewChange('list')}>
            {libraryText.list}
          </button>
          <button type="button" aria-pressed={view === 'grid'} onClick={() => onViewChange('grid')}>
            {libraryText.thumbnails}
          </button>
        </div>
      </div>
      {(error || loadError) && (
        <p role="alert" class="error">
          {error || loadError}
        </p>
      )}
      {result !== null && ids.length === 0 && (
        <p class="hint" data-testid="library-empty">
          {result.totalStored === 0 ? libraryText.emptyLibrary : libraryText.noMatch}
        </p>
      )}
      <VirtualList
        key={view}
        count={lineCount}
        rowHeight={view === 'list' ? LIST_ROW_HEIGHT : GRID_ROW_HEIGHT}
        overscan={view === 'list' ? 8 : 2}
        label={view === 'list' ? libraryText.listLabel : libraryText.gridLabel}
        resetKey={result}
        renderRow={renderLine}
        onRangeChange={ensureRows}
        onWidthChange={onWidthChange}
        testId="library-list"
      />
    </section>
  );
}

function trimCache(cache: Map<string, LibraryRow>): void {
  if (cache.size <= ROW_CACHE_LIMIT) return;
  // Maps iterate in insertion order: drop the rows read longest ago.
  let excess = cache.size - ROW_CACHE_LIMIT * 0.75;
  for (const id of cache.keys()) {
    if (excess-- <= 0) break;
    cache.delete(id);
  }
}
