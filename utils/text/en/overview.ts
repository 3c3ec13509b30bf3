import { counted, plural } from '../plural';

/** Coverage, readiness and gaps: the dashboard overview and the popup's coverage summary. */
export const overviewText = {
  status: {
    covered: 'covered',
    'due-soon': 'due soon',
    stale: 'stale',
    missing: 'missing',
    'not-applicable': 'not applicable',
  },
  readinessHeading: 'Readiness',
  stage1Title: 'Stage 1 (documentation)',
  stage2Title: 'Stage 2 (operating evidence)',
  readinessOf: (title: string) => `${title} readiness`,
  daysLeftSuffix: (when: string) => ` (${when})`,
  past: ' (past)',
  ready: 'Ready',
  notReady: (reasons: number) => `Not ready: ${counted(reasons, 'reason', 'reasons')}`,
  showFewerReasons: 'Show fewer reasons',
  showAllReasons: (reasons: number) => `Show all ${reasons} reasons`,
  /** "today", "tomorrow", "in 23 days". */
  daysLeft: (days: number) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`),
  audits: {
    'stage-1': 'Stage 1',
    'stage-2': 'Stage 2',
    'surveillance-1': 'First surveillance audit',
    'surveillance-2': 'Second surveillance audit',
    recertification: 'Recertification audit',
  },
  coverageHeading: 'Coverage',
  nextAudit: (label: string) => `Next: ${label}`,
  noPlan: 'No audit plan yet.',
  noAuditAhead: 'No audit date ahead in the plan.',
  setUpPlan: 'Set up the audit plan',
  updatePlan: 'Update the audit plan',
  window: (start: string, end: string) => `Audit window ${start} to ${end}`,
  windowJudged: (start: string, end: string, referenceDate: string) =>
    `Audit window ${start} to ${end}; freshness judged on ${referenceDate}.`,
  noWindow: (start: string, end: string) => `No audit window planned: showing ${start} to ${end}`,
  openFindings: (total: number) => `${total} open ${plural(total, 'finding', 'findings')}`,
  unresolvedFindings: (total: number) => `${total} unresolved ${plural(total, 'finding', 'findings')}`,
  majorFindings: (major: number) => ` (${major} major)`,
  controlsHeading: 'Controls',
  gapsHeading: 'Gaps, most urgent first',
  gapsByUrgency: (count: number) => `Gaps by urgency (${count})`,
  themesHeading: 'Coverage by theme',
  periodHeading: 'Operating period: evidence by month',
  noGaps: 'Every applicable control has fresh evidence.',
  openGap: (controlId: string) => `Open ${controlId} in the dashboard`,
  captureForGap: (controlId: string) => `Capture this tab as evidence for ${controlId}`,
  captureGap: 'Capture',
  open: 'Open',
  moreGaps: (count: number) => `and ${count} more ${plural(count, 'gap', 'gaps')}`,
  gapMissing: 'No evidence in the audit window',
  gapStale: (newest: string, overdue: number) =>
    `Newest evidence ${newest}; overdue by ${counted(overdue, 'day', 'days')}`,
  gapDueSoon: (newest: string, when: string) => `Newest evidence ${newest}; goes stale ${when}`,
  cellLabel: (controlId: string, title: string, status: string, unjustified: boolean) =>
    `${controlId} ${title} — ${status}${unjustified ? ', exclusion not justified' : ''}`,
  themeBars: 'Coverage by theme',
  overall: 'Overall',
  nothingApplicable: 'nothing applicable',
  percentCovered: (percent: number) => `${percent}% covered`,
  noApplicableItems: 'no applicable items',
  statusCount: (count: number, status: string) => `${count} ${status}`,
};

/** The operating period table: evidence per month of the audit window. */
export const periodText = {
  window: (start: string, end: string) => `Audit window ${start} to ${end}`,
  lastTwelveMonths: ' (no window planned: the last twelve months)',
  itemsWithGaps: (withGaps: number, applicable: number) => `${withGaps} of ${applicable} applicable items`,
  haveEmptyMonth: 'have at least one month without evidence.',
  onlyEmptyMonths: 'Only items with empty months',
  theme: 'Theme',
  allThemes: 'All themes',
  caption: 'Evidence per month of the audit window',
  control: 'Control',
  notYetTitle: (month: string) => `${month}: not yet`,
  notYet: 'not yet',
  noEvidenceTitle: (month: string) => `${month}: no evidence`,
  empty: 'empty',
  evidenceTitle: (month: string, count: number) => `${month}: ${count} evidence`,
  noMatch: 'No item matches these filters.',
};

/** 'A.5.1', 'A.5.1 and A.5.2', 'A.5.1, A.5.2 and A.5.3'. */
function listIds(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1] ?? ''}`;
}

/** Why an audit stage is not ready yet, one sentence per reason. */
export const readinessText = {
  listIds,
  undocumented: (ids: readonly string[]) =>
    `No documented information is recorded for ${plural(ids.length, 'clause', 'clauses')} ${listIds(ids)}: tag the document's evidence to the clause.`,
  noInternalAudit: (clause: string) => `No internal audit is recorded (clause ${clause}).`,
  noManagementReview: (clause: string) => `No management review is recorded (clause ${clause}).`,
  undecided: (ids: readonly string[]) =>
    `The Statement of Applicability has no decision for ${counted(ids.length, 'control', 'controls')}: ${listIds(ids)}.`,
  unjustified: (ids: readonly string[]) =>
    `${listIds(ids)} ${plural(ids.length, 'is', 'are')} excluded without a justification.`,
  noEvidenceInWindow: (controlId: string) => `${controlId} has no evidence in the audit window.`,
  interval: (start: string, end: string) => `${start} to ${end}`,
  noEvidenceFor: (controlId: string, ranges: readonly string[]) =>
    `${controlId} has no evidence for ${listIds(ranges)}.`,
  noWindow: 'No audit window (operating period) is set in the audit plan.',
  shortWindow: (start: string, end: string) =>
    `The audit window ${start} to ${end} is shorter than three months.`,
  windowRunning: (end: string, today: string) =>
    `The audit window runs until ${end}: evidence for the intervals after ${today} cannot exist yet.`,
  openMajor: (id: string, controls: readonly string[]) =>
    `Major nonconformity ${id}${controls.length > 0 ? ` on ${listIds(controls)}` : ''} is still open.`,
};
