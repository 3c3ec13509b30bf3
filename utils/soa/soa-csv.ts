import type { Catalogue } from '../catalogue/types';
import type { CoverageResult, CoverageStatus } from '../coverage/types';
import { toCsv } from '../csv/csv';
import type { ControlState, ImplementationStatus } from '../isms/types';
import { soaText, spreadsheetText } from '../text';

export const IMPLEMENTATION_LABELS: Record<ImplementationStatus, string> = soaText.implementationStatus;

const COVERAGE_LABELS: Record<CoverageStatus, string> = spreadsheetText.coverage;

export const SOA_CSV_HEADER = [
  'Control',
  'Title',
  'Theme',
  'Applicable',
  'Justification',
  'Implementation',
  'Owner',
  'Cadence (days)',
  'Cadence source',
  'Notes',
  'Coverage',
  'Evidence in window',
  'Newest evidence',
  'Decision recorded at',
] as const;

/**
 * The Statement of Applicability as CSV: every item of the catalogue in catalogue order. An item
 * without a recorded decision is listed as applicable with "no decision recorded", so the file never
 * claims a decision nobody took. Cells that a spreadsheet would run as formulas are neutralised.
 */
export function soaCsv(
  catalogue: Catalogue,
  controlStates: readonly ControlState[],
  coverage: Pick<CoverageResult, 'controls'> | null,
): string {
  const states = new Map(controlStates.map((state) => [state.controlId, state]));
  const themes = new Map(catalogue.themes.map((theme) => [theme.id, theme.name]));
  const coverageById = new Map((coverage?.controls ?? []).map((control) => [control.controlId, control]));
  const rows: string[][] = [[...SOA_CSV_HEADER]];
  for (const item of catalogue.items) {
    const state = states.get(item.id);
    const control = coverageById.get(item.id);
    // Clauses 4–10 are mandatory: they cannot be excluded.
    const applicable = item.kind === 'clause' || (state?.applicable ?? true);
    const override = state?.cadenceDays ?? null;
    rows.push([
      item.id,
      item.title,
      themes.get(item.theme) ?? item.theme,
      applicable ? spreadsheetText.yes : spreadsheetText.no,
      state?.justification ?? '',
      state ? IMPLEMENTATION_LABELS[state.implementation] : spreadsheetText.noDecision,
      state?.owner ?? '',
      String(control?.cadenceDays ?? override ?? item.cadenceDays),
      override === null ? spreadsheetText.catalogueDefault(item.cadenceLabel) : spreadsheetText.override,
      state?.notes ?? '',
      control ? COVERAGE_LABELS[control.status] : '',
      control ? String(control.evidenceCount) : '',
      control?.newestEvidenceDate ?? '',
      state?.updatedAt ?? '',
    ]);
  }
  return toCsv(rows);
}

/** `soa_<organisation>_<YYYY-MM-DD>.csv`, with the organisation reduced to safe file-name characters. */
export function soaCsvFileName(organisation: string, today: string): string {
  const safe = organisation
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `soa_${safe || 'organisation'}_${today}.csv`;
}
