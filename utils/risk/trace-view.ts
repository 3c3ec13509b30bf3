import type { Catalogue } from '../catalogue/types';
import type { ControlCoverage, CoverageResult, EvidenceSummary } from '../coverage/types';
import { inherentLevel } from './criteria';
import type { Risk, RiskCriteria, RiskLevel } from './types';

export interface TraceFilter {
  /** '' = every level; otherwise the inherent level. */
  bandId: string;
  owner: string;
  /** A catalogue theme: only the controls of that theme are columns. */
  theme: string;
}

export const NO_TRACE_FILTER: TraceFilter = { bandId: '', owner: '', theme: '' };

/** One link risk → control: what the SoA decided, the control's coverage and its evidence in the window. */
export interface TraceCell {
  controlId: string;
  coverage: ControlCoverage | null;
  /** Active evidence of the control dated in the audit window, newest first. */
  evidenceIds: readonly string[];
  newestDate: string | null;
}

export interface TraceRisk {
  risk: Risk;
  level: RiskLevel | null;
  /** The cells of the risk's treating controls that are columns, by control ID. */
  cells: ReadonlyMap<string, TraceCell>;
}

export interface TraceMatrix {
  /** Controls treating at least one shown risk, in catalogue order: the columns. */
  controls: string[];
  rows: TraceRisk[];
}

/**
 * Active evidence per control dated from the window's start to the reference date, newest first: what
 * an auditor samples for Stage 2. Superseded and deleted records no longer count, as in coverage.
 */
export function evidenceInWindow(
  evidence: readonly EvidenceSummary[],
  coverage: Pick<CoverageResult, 'window' | 'referenceDate'>,
): Map<string, { id: string; date: string }[]> {
  const start = coverage.window.start;
  const end = coverage.referenceDate;
  const byControl = new Map<string, { id: string; date: string }[]>();
  for (const summary of evidence) {
    if (summary.status === 'deleted' || summary.status === 'superseded') continue;
    if (summary.effectiveDate < start || summary.effectiveDate > end) continue;
    for (const controlId of new Set(summary.controls)) {
      let list = byControl.get(controlId);
      if (!list) byControl.set(controlId, (list = []));
      list.push({ id: summary.id, date: summary.effectiveDate });
    }
  }
  for (const list of byControl.values())
    list.sort((left, right) => (left.date === right.date ? 0 : left.date < right.date ? 1 : -1));
  return byControl;
}

export interface TraceMatrixInput {
  catalogue: Catalogue;
  criteria: RiskCriteria;
  risks: readonly Risk[];
  coverage: CoverageResult;
  evidence: readonly EvidenceSummary[];
  filter: TraceFilter;
}

/** The matrix risks × treating controls, filtered by inherent level, owner and control theme. */
export function traceMatrix({
  catalogue,
  criteria,
  risks,
  coverage,
  evidence,
  filter,
}: TraceMatrixInput): TraceMatrix {
  const themeOf = new Map(catalogue.items.map((item) => [item.id, item.theme]));
  const order = new Map(catalogue.items.map((item, index) => [item.id, index]));
  const coverageById = new Map(coverage.controls.map((control) => [control.controlId, control]));
  const inWindow = evidenceInWindow(evidence, coverage);
  const columns = new Set<string>();
  const rows: TraceRisk[] = [];
  for (const risk of risks) {
    const level = inherentLevel(criteria, risk);
    if (filter.bandId !== '' && level?.band.id !== filter.bandId) continue;
    if (filter.owner !== '' && risk.owner !== filter.owner) continue;
    const cells = new Map<string, TraceCell>();
    for (const controlId of risk.controls) {
      if (filter.theme !== '' && themeOf.get(controlId) !== filter.theme) continue;
      const found = inWindow.get(controlId) ?? [];
      cells.set(controlId, {
        controlId,
        coverage: coverageById.get(controlId) ?? null,
        evidenceIds: found.map((entry) => entry.id),
        newestDate: found[0]?.date ?? null,
      });
      columns.add(controlId);
    }
    if (filter.theme !== '' && cells.size === 0) continue;
    rows.push({ risk, level, cells });
  }
  rows.sort(
    (left, right) =>
      (right.level?.score ?? -1) - (left.level?.score ?? -1) ||
      left.risk.id.localeCompare(right.risk.id, 'en', { numeric: true }),
  );
  const controls = [...columns].sort((left, right) => (order.get(left) ?? 0) - (order.get(right) ?? 0));
  return { controls, rows };
}

/** Where the chain breaks in one cell: excluded in the SoA, or no current evidence. */
export function cellBreak(cell: TraceCell): 'excluded' | 'no-evidence' | null {
  if (cell.coverage && !cell.coverage.applicable) return 'excluded';
  return cell.evidenceIds.length === 0 ? 'no-evidence' : null;
}
