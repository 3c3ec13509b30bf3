/** Which evidence an export takes, and what it will weigh, decided from records alone (no bytes read). */
import type { Catalogue } from '../catalogue/types';
import type { EvidenceRecord } from '../evidence/types';
import type { BundleEstimate } from './types';

export interface ExportFilter {
  /** Inclusive YYYY-MM-DD bounds on the effective date; null = open. */
  windowStart: string | null;
  windowEnd: string | null;
  /** Controls to export evidence for; null = all evidence, tagged or not. */
  controls: readonly string[] | null;
  includeDomSnapshots: boolean;
  /**
   * "Evidence for request list X": the audit whose request list decides what goes in (only evidence filed
   * against its requests); the window and controls are then not applied. Absent or null = no request list.
   */
  requestList?: string | null;
}

/** A request list decides by itself: its filter has no window and no control scope. */
export function effectiveFilter(filter: ExportFilter): ExportFilter {
  return filter.requestList ? { ...filter, windowStart: null, windowEnd: null, controls: null } : filter;
}

/** The union of the chosen controls and every item of the chosen themes; null when nothing is chosen. */
export function resolveControls(
  catalogue: Catalogue,
  themes: readonly string[],
  controls: readonly string[],
): string[] | null {
  if (themes.length === 0 && controls.length === 0) return null;
  const chosen = new Set(controls);
  for (const item of catalogue.items) if (themes.includes(item.theme)) chosen.add(item.id);
  return [...chosen];
}

export function matchesFilter(record: EvidenceRecord, filter: ExportFilter): boolean {
  if (record.status === 'deleted') return false;
  if (filter.windowStart && record.effectiveDate < filter.windowStart) return false;
  if (filter.windowEnd && record.effectiveDate > filter.windowEnd) return false;
  const { controls } = filter;
  return controls === null || record.controls.some((control) => controls.includes(control));
}

// Room for record.json per evidence, and for the report, registers, log and tag files per bundle.
const RECORD_BYTES = 1500;
const BYTES_PER_ARTIFACT_LISTED = 250;
const REPORT_BYTES_PER_EVIDENCE = 3000;
const FIXED_BYTES = 150_000;
// 7 summary files under data/, the risk register and traceability tables, the internal audit and management
// review tables, 4 BagIt tag files, the key and the signature.
const FIXED_FILES = 17;

/** Adds one record to an estimate (files and uncompressed bytes) from its artifact sizes. */
export function addToEstimate(
  estimate: BundleEstimate,
  record: EvidenceRecord,
  includeDomSnapshots: boolean,
): BundleEstimate {
  const artifacts = record.artifacts.filter((artifact) => includeDomSnapshots || artifact.role !== 'dom');
  return {
    evidence: estimate.evidence + 1,
    files: estimate.files + artifacts.length + 1,
    bytes:
      estimate.bytes +
      artifacts.reduce((sum, artifact) => sum + artifact.size + BYTES_PER_ARTIFACT_LISTED, 0) +
      RECORD_BYTES +
      REPORT_BYTES_PER_EVIDENCE * Math.max(1, record.controls.length),
  };
}

export const EMPTY_ESTIMATE: BundleEstimate = { evidence: 0, files: FIXED_FILES, bytes: FIXED_BYTES };
