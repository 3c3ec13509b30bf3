import type { FindingGrade, FindingSource, FindingStatus } from '@/utils/isms/types';

/** Words shown for the stored codes (the SoA CSV and the forms say the same thing). */
export { IMPLEMENTATION_LABELS } from '@/utils/soa/soa-csv';

export const GRADE_LABELS: Record<FindingGrade, string> = {
  observation: 'Observation',
  minor: 'Minor nonconformity',
  major: 'Major nonconformity',
};

export const SOURCE_LABELS: Record<FindingSource, string> = {
  'stage-1': 'Stage 1 audit',
  'stage-2': 'Stage 2 audit',
  surveillance: 'Surveillance audit',
  'internal-audit': 'Internal audit',
};

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  closed: 'Closed',
};

export function errorText(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
