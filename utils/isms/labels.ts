import type { FindingGrade, FindingSource, FindingStatus } from '@/utils/isms/types';
import { findingsText } from '@/utils/text';

/** Words shown for the stored codes (the SoA CSV and the forms say the same thing). */
export { IMPLEMENTATION_LABELS } from '@/utils/soa/soa-csv';

export const GRADE_LABELS: Record<FindingGrade, string> = findingsText.grades;
export const SOURCE_LABELS: Record<FindingSource, string> = findingsText.sources;
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = findingsText.statuses;

export function errorText(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
