import type { Catalogue } from '../catalogue/types';
import {
  COVERAGE_STATUSES,
  type ControlCoverage,
  type CoverageRollup,
  type StatusCounts,
  type ThemeCoverage,
} from './types';

function emptyCounts(): StatusCounts {
  return Object.fromEntries(COVERAGE_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

export function rollup(controls: readonly ControlCoverage[]): CoverageRollup {
  const counts = emptyCounts();
  let missingJustifications = 0;
  for (const control of controls) {
    counts[control.status]++;
    if (control.missingJustification) missingJustifications++;
  }
  const applicable = controls.length - counts['not-applicable'];
  // Due-soon evidence is still fresh today, so it counts as covered.
  const fresh = counts.covered + counts['due-soon'];
  return {
    counts,
    total: controls.length,
    applicable,
    percentCovered: applicable === 0 ? 0 : Math.floor((fresh * 100) / applicable),
    missingJustifications,
  };
}

/** One roll-up per catalogue theme, in the catalogue's theme order. */
export function rollupByTheme(catalogue: Catalogue, controls: readonly ControlCoverage[]): ThemeCoverage[] {
  const byTheme = new Map<string, ControlCoverage[]>(catalogue.themes.map((theme) => [theme.id, []]));
  for (const control of controls) byTheme.get(control.theme)?.push(control);
  return catalogue.themes.map((theme) => ({
    themeId: theme.id,
    name: theme.name,
    ...rollup(byTheme.get(theme.id) ?? []),
  }));
}
