import type { Catalogue } from '@/utils/catalogue/types';
import { COVERAGE_STATUSES, type CoverageStatus } from '@/utils/coverage/types';
import type { DecisionFilter, SoaFilterValues } from '@/utils/soa/soa-filter';
import { commonText, soaText } from '@/utils/text';
import { STATUS_META } from '../coverage/StatusBadge';

const DECISIONS = soaText.decisions;

export interface SoaFiltersProps {
  catalogue: Catalogue;
  filters: SoaFilterValues;
  onChange: (change: Partial<SoaFilterValues>) => void;
}

/** Search, theme, coverage and decision filters over the Statement of Applicability. */
export function SoaFilters({ catalogue, filters, onChange }: SoaFiltersProps) {
  return (
    <div class="filters" role="search" aria-label={soaText.filters}>
      <label>
        {commonText.search}
        <input
          type="search"
          placeholder={commonText.searchPlaceholder}
          value={filters.query}
          onInput={(event) => onChange({ query: event.currentTarget.value })}
        />
      </label>
      <label>
        {commonText.theme}
        <select value={filters.theme} onChange={(event) => onChange({ theme: event.currentTarget.value })}>
          <option value="">{commonText.allThemes}</option>
          {catalogue.themes.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {soaText.coverage}
        <select
          value={filters.status}
          onChange={(event) => onChange({ status: event.currentTarget.value as CoverageStatus | '' })}
        >
          <option value="">{soaText.anyCoverage}</option>
          {COVERAGE_STATUSES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {STATUS_META[candidate].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {soaText.decision}
        <select
          value={filters.decision}
          onChange={(event) => onChange({ decision: event.currentTarget.value as DecisionFilter })}
        >
          {Object.entries(DECISIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
