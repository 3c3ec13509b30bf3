/** The bundle's spreadsheets: register.csv, soa.csv and findings.csv (RFC 4180, formulas neutralised). */
import type { CoverageStatus } from '../coverage/types';
import { toCsv } from '../csv/csv';
import type { ControlState, Finding } from '../isms/types';
import type { BundleContext, WrittenEvidence } from './types';
import { spreadsheetText } from '../text';

const COVERAGE_LABELS: Record<CoverageStatus, string> = spreadsheetText.coverage;

export function coverageLabel(status: CoverageStatus | undefined): string {
  return status ? COVERAGE_LABELS[status] : spreadsheetText.unknown;
}

/** Absent SoA row = catalogue defaults: applicable, nothing recorded yet. */
export function controlStateOf(states: ReadonlyMap<string, ControlState>, controlId: string): ControlState {
  return (
    states.get(controlId) ?? {
      controlId,
      applicable: true,
      justification: '',
      implementation: 'not-started',
      owner: '',
      cadenceDays: null,
      notes: '',
      updatedAt: '',
    }
  );
}

function primaryFile(evidence: WrittenEvidence) {
  return (
    evidence.files.find((file) => file.role === 'original') ??
    evidence.files.find((file) => file.role !== 'record')
  );
}

/** One row per evidence and control; evidence without controls gets one row with the control empty. */
export function registerCsv(
  evidence: readonly WrittenEvidence[],
  titles: ReadonlyMap<string, string>,
): string {
  const rows: string[][] = [
    [
      'Evidence ID',
      'Control',
      'Control title',
      'Evidence title',
      'URL',
      'Captured at (UTC)',
      'Effective date',
      'Captured by',
      'Kind',
      'Status',
      'Notes',
      'Original file',
      'Original SHA-256',
    ],
  ];
  for (const item of evidence) {
    const primary = primaryFile(item);
    const controls = item.controls.length > 0 ? item.controls : [''];
    for (const control of controls) {
      rows.push([
        item.id,
        control,
        titles.get(control) ?? '',
        item.title,
        item.url,
        item.capturedAt,
        item.effectiveDate,
        item.capturer,
        item.kind,
        item.status,
        item.notes,
        primary ? `evidence/${item.id}/${primary.name}` : '',
        primary?.sha256 ?? '',
      ]);
    }
  }
  return toCsv(rows);
}

/** The Statement of Applicability: every item of the catalogue, whatever the export's filter. */
export function soaCsv(context: BundleContext, evidenceCounts: ReadonlyMap<string, number>): string {
  const states = new Map(context.controlStates.map((state) => [state.controlId, state]));
  const themes = new Map(context.catalogue.themes.map((theme) => [theme.id, theme.name]));
  const rows: string[][] = [
    [
      'Control',
      'Title',
      'Theme',
      'Applicable',
      'Justification',
      'Implementation',
      'Owner',
      'Cadence (days)',
      'Coverage',
      'Evidence in bundle',
      'Updated at',
    ],
  ];
  for (const item of context.catalogue.items) {
    const state = controlStateOf(states, item.id);
    rows.push([
      item.id,
      item.title,
      themes.get(item.theme) ?? item.theme,
      state.applicable ? spreadsheetText.yes : spreadsheetText.no,
      state.justification,
      state.implementation,
      state.owner,
      String(state.cadenceDays ?? item.cadenceDays),
      coverageLabel(context.coverage[item.id]),
      String(evidenceCounts.get(item.id) ?? 0),
      state.updatedAt,
    ]);
  }
  return toCsv(rows);
}

export function findingsCsv(findings: readonly Finding[]): string {
  const rows: string[][] = [
    [
      'Finding ID',
      'Grade',
      'Source',
      'Status',
      'Controls',
      'Description',
      'Root cause',
      'Corrective action',
      'Due date',
      'Linked evidence',
      'Created at',
      'Updated at',
    ],
  ];
  for (const finding of findings) {
    rows.push([
      finding.id,
      finding.grade,
      finding.source,
      finding.status,
      finding.controls.join(' '),
      finding.description,
      finding.rootCause,
      finding.correctiveAction,
      finding.dueDate ?? '',
      finding.evidenceIds.join(' '),
      finding.createdAt,
      finding.updatedAt,
    ]);
  }
  return toCsv(rows);
}
