import type { AuditPlan } from '../isms/types';
import { addDays, addMonths, addYears, daysBetween, isCalendarDate, spansThreeMonths } from './dates';
import { planText } from '../text';

const MAX_DAYS_BETWEEN_STAGES = 42;

export interface PlanCheck {
  /** The plan cannot be saved while any of these stand. */
  errors: string[];
  warnings: string[];
}

type PlanDates = Pick<AuditPlan, 'stage1Date' | 'stage2Date' | 'windowStart' | 'windowEnd'>;

const LABELS: Record<keyof PlanDates, string> = {
  stage1Date: planText.datesInSentence.stage1Date,
  stage2Date: planText.datesInSentence.stage2Date,
  windowStart: planText.datesInSentence.windowStart,
  windowEnd: planText.datesInSentence.windowEnd,
};

/** Sanity checks of the audit plan's dates, worded for the person editing it. */
export function auditPlanWarnings(plan: PlanDates): PlanCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const valid: Partial<Record<keyof PlanDates, string>> = {};
  for (const key of Object.keys(LABELS) as (keyof PlanDates)[]) {
    const value = plan[key];
    if (value === null || value === '') continue;
    if (isCalendarDate(value)) valid[key] = value;
    else errors.push(planText.invalidDate(LABELS[key], value));
  }
  const { stage1Date, stage2Date, windowStart, windowEnd } = valid;

  if (stage1Date !== undefined && stage2Date !== undefined) {
    const gap = daysBetween(stage1Date, stage2Date);
    if (gap < 0) errors.push(planText.stage2BeforeStage1(stage2Date, stage1Date));
    else if (gap > MAX_DAYS_BETWEEN_STAGES) {
      warnings.push(planText.stagesFarApart(stage2Date, gap, stage1Date));
    }
  }
  if (windowStart !== undefined && windowEnd !== undefined) {
    if (windowEnd < windowStart) {
      errors.push(planText.windowEndsBeforeStart(windowEnd, windowStart));
    } else if (!spansThreeMonths(windowStart, windowEnd)) {
      warnings.push(planText.windowShort(windowStart, windowEnd));
    }
  }
  if (windowEnd !== undefined && stage2Date !== undefined && windowEnd > stage2Date) {
    warnings.push(planText.windowAfterStage2(windowEnd, stage2Date));
  }
  return { errors, warnings };
}

export interface CycleDates {
  surveillance1Date: string;
  surveillance2Date: string;
  /** Three months before expiry, leaving time to close findings and renew without a lapse. */
  recertificationDate: string;
  /** Last day of the three-year certificate. */
  expiryDate: string;
}

/** The three-year certification cycle from the certification date; null for an invalid date. */
export function deriveCycleDates(certificationDate: string): CycleDates | null {
  if (!isCalendarDate(certificationDate)) return null;
  return {
    surveillance1Date: addYears(certificationDate, 1),
    surveillance2Date: addYears(certificationDate, 2),
    recertificationDate: addMonths(certificationDate, 33),
    expiryDate: addDays(addYears(certificationDate, 3), -1),
  };
}
