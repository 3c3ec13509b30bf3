import { toCsv } from '../csv/csv';
import { riskText } from '../text';
import { inherentLevel, residualLevel } from './criteria';
import type { Risk, RiskCriteria, RiskLevel } from './types';

/** Column order of the register file; import maps columns by these names, so order there is free. */
export const RISK_CSV_HEADER = [
  'ID',
  'Title',
  'Asset',
  'Threat',
  'Vulnerability',
  'Consequence',
  'Owner',
  'Likelihood',
  'Impact',
  'Inherent score',
  'Inherent level',
  'Treatment',
  'Controls',
  'Residual likelihood',
  'Residual impact',
  'Residual score',
  'Residual level',
  'Accepted by',
  'Accepted on',
  'Accepted until',
  'Next review',
  'Status',
  'Notes',
  'Updated at',
] as const;

export type RiskCsvColumn = (typeof RISK_CSV_HEADER)[number];

/** Controls are one cell, separated by semicolons (commas would need quoting in every spreadsheet). */
export const CONTROL_SEPARATOR = '; ';

function levelCells(level: RiskLevel | null): [string, string] {
  return level ? [String(level.score), level.band.name] : ['', ''];
}

function optional(value: number | string | null): string {
  return value === null ? '' : String(value);
}

export function riskRow(criteria: RiskCriteria, risk: Risk): string[] {
  return [
    risk.id,
    risk.title,
    risk.asset,
    risk.threat,
    risk.vulnerability,
    risk.consequence,
    risk.owner,
    String(risk.likelihood),
    String(risk.impact),
    ...levelCells(inherentLevel(criteria, risk)),
    risk.treatment ? riskText.treatments[risk.treatment] : '',
    risk.controls.join(CONTROL_SEPARATOR),
    optional(risk.residualLikelihood),
    optional(risk.residualImpact),
    ...levelCells(residualLevel(criteria, risk)),
    risk.acceptance?.acceptedBy ?? '',
    risk.acceptance?.acceptedAt ?? '',
    risk.acceptance?.acceptedUntil ?? '',
    optional(risk.nextReview),
    riskText.statuses[risk.status],
    risk.notes,
    risk.updatedAt,
  ];
}

/** The register as CSV, formula-leading cells neutralised; the import reads this file back unchanged. */
export function riskRegisterCsv(criteria: RiskCriteria, risks: readonly Risk[]): string {
  return toCsv([[...RISK_CSV_HEADER], ...risks.map((risk) => riskRow(criteria, risk))]);
}
