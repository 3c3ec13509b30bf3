import { useEffect, useRef, useState } from 'preact/hooks';
import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import {
  DEFAULT_LIBRARY_STATUSES,
  LIBRARY_SORTS,
  type LibraryFacets,
  type LibraryQuery,
  type LibrarySort,
} from '@/utils/evidence/library-types';
import { EVIDENCE_STATUSES, type EvidenceStatus } from '@/utils/evidence/types';
import { SORT_LABELS, STATUS_LABELS } from './labels';
import { commonText, libraryText } from '@/utils/text';

export interface LibraryFiltersProps {
  catalogue: Catalogue;
  facets: LibraryFacets;
  query: LibraryQuery;
  onChange: (query: LibraryQuery) => void;
  /** Milliseconds to wait after typing before searching. */
  debounce?: number;
}

/** Search, filters and sort of the library; each change asks for a new query. */
export function LibraryFilters({ catalogue, facets, query, onChange, debounce = 150 }: LibraryFiltersProps) {
  const [text, setText] = useState(query.text ?? '');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(query);
  latest.current = query;
  useEffect(() => () => clearTimeout(timer.current), []);

  const set = (patch: { [Key in keyof LibraryQuery]?: LibraryQuery[Key] | undefined }) => {
    const next = { ...latest.current, ...patch };
    for (const key of Object.keys(patch) as (keyof LibraryQuery)[]) {
      if (patch[key] === undefined || patch[key] === '') delete next[key];
    }
    onChange(next as LibraryQuery);
  };
  const typed = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => set({ text: value }), debounce);
  };
  const statuses = query.statuses ?? DEFAULT_LIBRARY_STATUSES;
  const toggleStatus = (status: EvidenceStatus, on: boolean) =>
    set({
      statuses: EVIDENCE_STATUSES.filter((candidate) =>
        candidate === status ? on : statuses.includes(candidate),
      ),
    });
  const selectedControl = query.controls?.[0] ?? '';

  return (
    <form
      class="library-filters filters"
      role="search"
      aria-label={libraryText.filters}
      onSubmit={(event) => event.preventDefault()}
    >
      <label class="library-search">
        {commonText.search}
        <input
          type="search"
          data-testid="library-search"
          placeholder={libraryText.searchPlaceholder}
          value={text}
          onInput={(event) => typed(event.currentTarget.value)}
        />
      </label>
      <label>
        {commonText.control}
        <select
          data-testid="filter-control"
          value={selectedControl}
          onChange={(event) =>
            set({ controls: event.currentTarget.value ? [event.currentTarget.value] : undefined })
          }
        >
          <option value="">{libraryText.anyControl}</option>
          {facets.controls.map((controlId) => (
            <option key={controlId} value={controlId}>
              {controlId} {findItem(catalogue, controlId)?.title ?? ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {commonText.theme}
        <select
          data-testid="filter-theme"
          value={query.theme ?? ''}
          onChange={(event) => set({ theme: event.currentTarget.value })}
        >
          <option value="">{libraryText.anyTheme}</option>
          {catalogue.themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {libraryText.capturer}
        <select
          data-testid="filter-capturer"
          value={query.capturer ?? ''}
          onChange={(event) => set({ capturer: event.currentTarget.value })}
        >
          <option value="">{libraryText.anyone}</option>
          {facets.capturers.map((capturer) => (
            <option key={capturer} value={capturer}>
              {capturer}
            </option>
          ))}
        </select>
      </label>
      <label>
        {libraryText.site}
        <select
          data-testid="filter-site"
          value={query.site ?? ''}
          onChange={(event) => set({ site: event.currentTarget.value })}
        >
          <option value="">{libraryText.anySite}</option>
          {facets.sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </label>
      <label>
        {libraryText.dates}
        <select
          data-testid="filter-date-field"
          value={query.dateField ?? 'effectiveDate'}
          onChange={(event) =>
            set({ dateField: event.currentTarget.value === 'capturedAt' ? 'capturedAt' : 'effectiveDate' })
          }
        >
          <option value="effectiveDate">{libraryText.effectiveDate}</option>
          <option value="capturedAt">{libraryText.captureDate}</option>
        </select>
      </label>
      <label>
        {libraryText.from}
        <input
          type="date"
          data-testid="filter-from"
          value={query.from ?? ''}
          onChange={(event) => set({ from: event.currentTarget.value })}
        />
      </label>
      <label>
        {libraryText.to}
        <input
          type="date"
          data-testid="filter-to"
          value={query.to ?? ''}
          onChange={(event) => set({ to: event.currentTarget.value })}
        />
      </label>
      <fieldset class="status-filter">
        <legend>{libraryText.status}</legend>
        {EVIDENCE_STATUSES.map((status) => (
          <label key={status} class="inline">
            <input
              type="checkbox"
              data-status={status}
              checked={statuses.includes(status)}
              onChange={(event) => toggleStatus(status, event.currentTarget.checked)}
            />
            {STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
      <label>
        {libraryText.sort}
        <select
          data-testid="library-sort"
          value={query.sort ?? 'captured-desc'}
          onChange={(event) => set({ sort: event.currentTarget.value as LibrarySort })}
        >
          {LIBRARY_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => {
          clearTimeout(timer.current);
          setText('');
          onChange({ sort: query.sort ?? 'captured-desc' });
        }}
      >
        {libraryText.clearFilters}
      </button>
    </form>
  );
}
