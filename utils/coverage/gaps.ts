import { compareControlIds } from '../catalogue/catalogue';
import type { ControlCoverage, CoverageResult, CoverageStatus } from './types';

const URGENCY: Partial<Record<CoverageStatus, number>> = { missing: 0, stale: 1, 'due-soon': 2 };

/**
 * Applicable controls that need evidence, most urgent first: missing, then stale (longest overdue
 * first), then due soon (soonest first); natural id order breaks ties.
 */
export function gapsByUrgency(result: CoverageResult): ControlCoverage[] {
  return result.controls
    .filter((control) => control.applicable && URGENCY[control.status] !== undefined)
    .sort(
      (left, right) =>
        (URGENCY[left.status] ?? 0) - (URGENCY[right.status] ?? 0) ||
        (left.daysUntilStale ?? 0) - (right.daysUntilStale ?? 0) ||
        compareControlIds(left.controlId, right.controlId),
    );
}
