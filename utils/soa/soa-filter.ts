import { searchItems } from '../catalogue/catalogue';
import type { Catalogue, CatalogueItem } from '../catalogue/types';
import type { ControlCoverage, CoverageStatus } from '../coverage/types';
import type { ControlState } from '../isms/types';
import { soaText } from '../text';

/** The SoA's decision filter: one of the choices its menu offers ('' is any decision). */
export type DecisionFilter = keyof typeof soaText.decisions;

export interface SoaFilterValues {
  query: string;
  theme: string;
  status: CoverageStatus | '';
  decision: DecisionFilter;
}

export const NO_FILTERS: SoaFilterValues = { query: '', theme: '', status: '', decision: '' };

/** The catalogue items the filters let through, in catalogue (or search) order. */
export function filterItems(
  catalogue: Catalogue,
  filters: SoaFilterValues,
  states: ReadonlyMap<string, ControlState>,
  coverageById: ReadonlyMap<string, ControlCoverage>,
): CatalogueItem[] {
  const { query, theme, status, decision } = filters;
  const found = query.trim() === '' ? catalogue.items : searchItems(catalogue, query);
  return found.filter((item) => {
    const state = states.get(item.id);
    const control = coverageById.get(item.id);
    if (theme !== '' && item.theme !== theme) return false;
    if (status !== '' && control?.status !== status) return false;
    if (decision === 'applicable') return control?.applicable ?? true;
    if (decision === 'excluded') return control?.applicable === false;
    if (decision === 'undecided') return item.kind === 'control' && state === undefined;
    if (decision === 'unjustified') return control?.missingJustification === true;
    return true;
  });
}
