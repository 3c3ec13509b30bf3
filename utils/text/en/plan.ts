import { plural } from '../plural';

/** The audit plan: its form, the date checks and the certification cycle. */
export const planText = {
  heading: 'Audit plan',
  dates: {
    stage1Date: 'Stage 1 date',
    stage2Date: 'Stage 2 date',
    windowStart: 'Audit window start',
    windowEnd: 'Audit window end',
    certificationDate: 'Certification date',
    surveillance1Date: 'First surveillance audit',
    surveillance2Date: 'Second surveillance audit',
    recertificationDate: 'Recertification audit',
  },
  /** The same dates inside a sentence ("The audit window end … is not a valid date"). */
  datesInSentence: {
    stage1Date: 'Stage 1 date',
    stage2Date: 'Stage 2 date',
    windowStart: 'audit window start',
    windowEnd: 'audit window end',
    certificationDate: 'certification date',
    surveillance1Date: 'first surveillance audit',
    surveillance2Date: 'second surveillance audit',
    recertificationDate: 'recertification audit',
  },
  certificationBody: 'Certification body',
  organisation: 'Organisation',
  scope: 'Scope of the ISMS',
  certificationAudit: 'Certification audit',
  stage1Hint: '(documentation review)',
  stage2Hint: '(usually 4–6 weeks after Stage 1)',
  auditWindow: 'Audit window (the operating period evidence must cover: 3–6 months)',
  certificationCycle: 'Certification cycle',
  validUntil: (expiry: string) =>
    `Certificate valid until ${expiry}. Surveillance in years one and two, recertification before expiry: derived below, and editable.`,
  enterCertificationDate:
    'Enter the certification date to derive the surveillance and recertification dates.',
  derive: 'Derive from the certification date',
  saved: (warnings: number) =>
    `Audit plan saved${warnings > 0 ? `, with ${warnings} ${plural(warnings, 'warning', 'warnings')}.` : '.'}`,
  save: 'Save audit plan',
  // Checks of the dates, shown while typing and run again by the background.
  invalidDate: (date: string, value: string) => `The ${date} "${value}" is not a valid date (YYYY-MM-DD).`,
  certificationBeforeStage2: (certification: string, stage2: string) =>
    `The certification date (${certification}) is before Stage 2 (${stage2}).`,
  cycleNotAfterCertification: (date: string, value: string) =>
    `The ${date} (${value}) is not after the certification date.`,
  stage2BeforeStage1: (stage2: string, stage1: string) =>
    `Stage 2 (${stage2}) is before Stage 1 (${stage1}).`,
  stagesFarApart: (stage2: string, gap: number, stage1: string) =>
    `Stage 2 (${stage2}) is ${gap} days after Stage 1 (${stage1}); more than six weeks apart, the Stage 1 findings may need a fresh look.`,
  windowEndsBeforeStart: (end: string, start: string) =>
    `The audit window ends (${end}) before it starts (${start}).`,
  windowShort: (start: string, end: string) =>
    `The operating period ${start} to ${end} is shorter than three months; Stage 2 auditors usually expect three to six months of evidence.`,
  windowAfterStage2: (end: string, stage2: string) =>
    `The audit window ends (${end}) after Stage 2 (${stage2}): evidence after the audit cannot be sampled.`,
};
