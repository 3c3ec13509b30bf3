import type { ControlCoverage } from '../coverage/types';
import { toCsv } from '../csv/csv';
import { riskText, spreadsheetText } from '../text';
import { inherentLevel, residualLevel } from './criteria';
import type { Risk, RiskCriteria } from './types';

/** One link of the chain risk → treating control → SoA decision → dated evidence. */
export interface TraceRow {
  risk: Risk;
  controlId: string;
  applicable: boolean;
  coverage: ControlCoverage | null;
  /** Active evidence of the control in the audit window, newest first. */
  evidenceIds: readonly string[];
}

export interface TraceInput {
  risks: readonly Risk[];
  applicable: (controlId: string) => boolean;
  coverage: readonly ControlCoverage[];
  evidenceInWindow: ReadonlyMap<string, readonly string[]>;
}

/** One row per risk × treating control; a risk with no control keeps a row so the break shows. */
export function traceRows({ risks, applicable, coverage, evidenceInWindow }: TraceInput): TraceRow[] {
  const byId = new Map(coverage.map((control) => [control.controlId, control]));
  return risks.flatMap((risk) =>
    (risk.controls.length > 0 ? risk.controls : ['']).map((controlId) => ({
      risk,
      controlId,
      applicable: controlId !== '' && applicable(controlId),
      coverage: byId.get(controlId) ?? null,
      evidenceIds: evidenceInWindow.get(controlId) ?? [],
    })),
  );
}

export const TRACEABILITY_CSV_HEADER = [
  'Risk',
  'Risk title',
  'Inherent level',
  'Residual level',
  'Treatment',
  'Control',
  'Applicable',
  'Coverage',
  'Newest evidence',
  'Evidence IDs',
] as const;

export function traceabilityCsv(criteria: RiskCriteria, rows: readonly TraceRow[]): string {
  const lines = rows.map((row) => [
    row.risk.id,
    row.risk.title,
    inherentLevel(criteria, row.risk)?.band.name ?? '',
    residualLevel(criteria, row.risk)?.band.name ?? '',
    row.risk.treatment ? riskText.treatments[row.risk.treatment] : '',
    row.controlId,
    row.controlId === '' ? '' : row.applicable ? spreadsheetText.yes : spreadsheetText.no,
    row.coverage ? spreadsheetText.coverage[row.coverage.status] : '',
    row.coverage?.newestEvidenceDate ?? '',
    row.evidenceIds.join(' '),
  ]);
  return toCsv([[...TRACEABILITY_CSV_HEADER], ...lines]);
}
