import { auditPlanWarnings } from '@/utils/coverage/audit-plan';
import { isCalendarDate } from '@/utils/coverage/dates';
import type { AuditPlan } from '@/utils/isms/types';
import { planText } from '@/utils/text';

/** The audit plan as the form sends it to the background. */
export type AuditPlanInput = Omit<AuditPlan, 'id' | 'updatedAt'>;

export type DateField =
  | 'stage1Date'
  | 'stage2Date'
  | 'windowStart'
  | 'windowEnd'
  | 'certificationDate'
  | 'surveillance1Date'
  | 'surveillance2Date'
  | 'recertificationDate';
export type CycleField = 'surveillance1Date' | 'surveillance2Date' | 'recertificationDate';

export const DATE_LABELS: Record<DateField, string> = planText.dates;
export const CYCLE_FIELDS: readonly CycleField[] = [
  'surveillance1Date',
  'surveillance2Date',
  'recertificationDate',
];

/** Errors (refuse the save) and warnings (save, but say so) for the whole plan. */
export function checkPlan(plan: AuditPlanInput): { errors: string[]; warnings: string[] } {
  const { errors, warnings } = auditPlanWarnings(plan);
  for (const field of ['certificationDate', ...CYCLE_FIELDS] as const) {
    const value = plan[field];
    if (value !== null && !isCalendarDate(value)) {
      errors.push(planText.invalidDate(planText.datesInSentence[field], value));
    }
  }
  const { certificationDate, stage2Date } = plan;
  if (
    certificationDate &&
    stage2Date &&
    isCalendarDate(certificationDate) &&
    certificationDate < stage2Date
  ) {
    warnings.push(planText.certificationBeforeStage2(certificationDate, stage2Date));
  }
  for (const field of CYCLE_FIELDS) {
    const value = plan[field];
    if (certificationDate && value && isCalendarDate(value) && value <= certificationDate) {
      warnings.push(planText.cycleNotAfterCertification(planText.datesInSentence[field], value));
    }
  }
  return { errors, warnings };
}

/** The date inputs to mark invalid: malformed dates, Stage 2 before Stage 1, a window ending before it starts. */
export function invalidFields(plan: AuditPlanInput): Set<DateField> {
  const invalid = new Set<DateField>();
  for (const field of Object.keys(DATE_LABELS) as DateField[]) {
    const value = plan[field];
    if (value !== null && !isCalendarDate(value)) invalid.add(field);
  }
  const { stage1Date, stage2Date, windowStart, windowEnd } = plan;
  if (
    stage1Date &&
    stage2Date &&
    !invalid.has('stage1Date') &&
    !invalid.has('stage2Date') &&
    stage2Date < stage1Date
  ) {
    invalid.add('stage2Date');
  }
  if (
    windowStart &&
    windowEnd &&
    !invalid.has('windowStart') &&
    !invalid.has('windowEnd') &&
    windowEnd < windowStart
  ) {
    invalid.add('windowEnd');
  }
  return invalid;
}
