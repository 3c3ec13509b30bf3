import { plural } from '../plural';

function listIds(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1] ?? ''}`;
}

/** The internal audit programme (clause 9.2) and the management reviews (clause 9.3). */
export const ismsRecordsText = {
  inputs: {
    'previous-actions': 'Status of actions from previous management reviews',
    issues: 'Changes in external and internal issues',
    'interested-party-needs': 'Changes in the needs and expectations of interested parties',
    nonconformities: 'Nonconformities and corrective actions',
    'monitoring-results': 'Monitoring and measurement results',
    'audit-results': 'Audit results',
    objectives: 'Fulfilment of information security objectives',
    'interested-party-feedback': 'Feedback from interested parties',
    'risk-assessment': 'Results of risk assessment and status of the risk treatment plan',
    improvement: 'Opportunities for continual improvement',
  },
  /** The clause 9.3.2 item each input answers. */
  inputClauses: {
    'previous-actions': '9.3.2 a',
    issues: '9.3.2 b',
    'interested-party-needs': '9.3.2 c',
    nonconformities: '9.3.2 d 1',
    'monitoring-results': '9.3.2 d 2',
    'audit-results': '9.3.2 d 3',
    objectives: '9.3.2 d 4',
    'interested-party-feedback': '9.3.2 e',
    'risk-assessment': '9.3.2 f',
    improvement: '9.3.2 g',
  },
  auditStatuses: {
    planned: 'Planned',
    'in-progress': 'In progress',
    completed: 'Completed',
    cancelled: 'Cancelled',
  },
  reviewStatuses: { planned: 'Planned', held: 'Held' },
  actionStatuses: { open: 'Open', 'in-progress': 'In progress', done: 'Done' },
  problems: {
    badId: (kind: string, example: string) => `Give the ${kind} an ID such as ${example}.`,
    titleRequired: 'Give the audit a title.',
    scopeRequired: 'Say what the audit covers (its scope).',
    criteriaRequired: 'Say what the audit checks against (its criteria).',
    auditorRequired: 'Name the auditor.',
    badPlannedDate: 'The planned date is not a valid date (YYYY-MM-DD).',
    badCompletedDate: 'The completion date is not a valid date (YYYY-MM-DD).',
    completedNeedsDate: 'A completed audit needs the date it was completed.',
    completedBeforePlanned: 'The completion date is before the planned date.',
    chooseAuditStatus: 'Choose a status: planned, in progress, completed or cancelled.',
    unknownEvidence: (role: string, id: string) => `The ${role} ${id} is not in the evidence library.`,
    unknownFindings: (ids: readonly string[]) =>
      `${plural(ids.length, 'Finding', 'Findings')} ${listIds(ids)} ${plural(ids.length, 'is', 'are')} not in the findings register.`,
    badMeetingDate: 'The meeting date is not a valid date (YYYY-MM-DD).',
    chooseReviewStatus: 'Choose a status: planned or held.',
    heldNeedsAttendees: 'Name who attended the review.',
    unknownInputs: (ids: readonly string[]) => `Unknown review inputs: ${ids.join(', ')}.`,
    actionIncomplete: (number: number) =>
      `Action ${number} needs a description, an owner and a due date (YYYY-MM-DD).`,
    chooseActionStatus: (number: number) => `Action ${number}: choose open, in progress or done.`,
    malformed: (kind: string) => `The ${kind} could not be read: a field is missing or of the wrong kind.`,
  },
  roles: { report: 'audit report', minutes: 'minutes' },
  kinds: { audit: 'internal audit', review: 'management review' },
  readiness: {
    noAuditCompleted: (planned: readonly string[]) =>
      planned.length > 0
        ? `No internal audit is completed yet (clause 9.2); planned: ${listIds(planned)}.`
        : 'No internal audit is planned or completed (clause 9.2): add one under Audits & reviews.',
    noReport: (ids: readonly string[]) =>
      `${plural(ids.length, 'Internal audit', 'Internal audits')} ${listIds(ids)} ${plural(ids.length, 'is', 'are')} completed without a linked report.`,
    notIndependent: (ids: readonly string[]) =>
      `The auditor of ${listIds(ids)} is not noted as independent of the work audited (clause 9.2.2).`,
    noReviewHeld: (planned: readonly string[]) =>
      planned.length > 0
        ? `No management review has been held yet (clause 9.3); planned: ${listIds(planned)}.`
        : 'No management review is planned or held (clause 9.3): add one under Audits & reviews.',
    inputsMissing: (id: string, labels: readonly string[]) =>
      `Management review ${id} did not cover ${labels.length} of the clause 9.3.2 inputs: ${labels.join('; ')}.`,
    noTopManagement: (id: string) =>
      `Management review ${id} was held without top management (clause 9.3.1).`,
    noMinutes: (id: string) => `Management review ${id} links no minutes.`,
    auditNotRepeated: (since: string, last: string | null) =>
      `No internal audit was completed after the Stage 1 audit on ${since}: Stage 2 expects it repeated${last ? ` (the last: ${last})` : ''}.`,
    reviewNotRepeated: (since: string, last: string | null) =>
      `No management review was held after the Stage 1 audit on ${since}: Stage 2 expects it repeated${last ? ` (the last: ${last})` : ''}.`,
    auditNotRepeatedUnplanned:
      'Only one internal audit is completed: Stage 2 expects it repeated after Stage 1 (set the Stage 1 date in the audit plan if it was).',
    reviewNotRepeatedUnplanned:
      'Only one management review is held: Stage 2 expects it repeated after Stage 1 (set the Stage 1 date in the audit plan if it was).',
    overdueActions: (items: readonly string[]) =>
      `Management review ${plural(items.length, 'action is', 'actions are')} overdue: ${items.join('; ')}.`,
    overdueAction: (reviewId: string, number: number, description: string, owner: string, due: string) =>
      `${reviewId} action ${number} “${description}” (${owner}, due ${due})`,
    overdueFindings: (items: readonly string[]) =>
      `Internal audit ${plural(items.length, 'finding is', 'findings are')} open past the due date: ${items.join('; ')}.`,
    overdueFinding: (findingId: string, auditId: string, due: string) =>
      `${findingId} from ${auditId}, due ${due}`,
    auditRecord: (id: string, date: string) => `${id} on ${date}`,
  },
  /** Reading a bundle's internal-audits.csv and management-reviews.csv back, and their part of index.html. */
  bundle: {
    line: (file: string, line: number, problem: string) => `${file} line ${line}: ${problem}`,
    unreadable: (file: string, reason: string) => `${file} cannot be read: ${reason}`,
    missingColumns: (columns: readonly string[]) =>
      `the ${plural(columns.length, 'column', 'columns')} ${columns.map((column) => `“${column}”`).join(', ')} ${plural(columns.length, 'is', 'are')} missing, so no row of this file is restored.`,
    tooManyCells: (cells: number, header: number) =>
      `the row has ${cells} cells where the header has ${header}; a comma is probably unquoted.`,
    notYesNo: (column: string, value: string) => `“${column}” is “${value}”; write yes or no.`,
    badUpdatedAt: (value: string) =>
      `“Updated at” is “${value}”; write a UTC time such as 2025-05-12T17:00:00.000Z.`,
    badAction: (number: number, text: string) =>
      `action ${number} “${text}” is not “description | owner | due YYYY-MM-DD | status”.`,
    duplicate: (id: string, firstLine: number) =>
      `${id} is already on line ${firstLine}; each record appears once.`,
    toRestore: (audits: number, reviews: number) =>
      `Internal audits and management reviews: the bundle holds ${audits} ${plural(audits, 'audit', 'audits')} and ${reviews} ${plural(reviews, 'review', 'reviews')}; those not held here are restored, one held here is kept as it is.`,
    leftOut: (count: number) =>
      `${count} ${plural(count, 'row is', 'rows are')} left out of the restore, each for the reason given:`,
    restored: (added: number, kept: number) =>
      `Internal audits and management reviews: ${added} ${plural(added, 'record', 'records')} restored, ${kept} already held ${plural(kept, 'was', 'were')} kept as ${plural(kept, 'it is', 'they are')} here.`,
    unlinked: (id: string, role: string, target: string) =>
      `${id}: the ${role} ${target} is not held here, so the link was left out.`,
    roleFinding: 'finding',
    sectionSummary: (audits: number, completed: number, reviews: number, held: number) =>
      `${audits} ${plural(audits, 'internal audit', 'internal audits')} (${completed} completed), ${reviews} ${plural(reviews, 'management review', 'management reviews')} (${held} held).`,
    auditsCsv: 'Internal audits (CSV)',
    reviewsCsv: 'Management reviews (CSV)',
    noAudits: 'No internal audit was recorded when this bundle was made.',
    noReviews: 'No management review was recorded when this bundle was made.',
    auditColumns: [
      'Audit',
      'Title',
      'Scope',
      'Criteria',
      'Auditor',
      'Planned',
      'Completed',
      'Status',
      'Report',
      'Findings',
    ],
    reviewColumns: [
      'Review',
      'Meeting date',
      'Status',
      'Attendees',
      'Top management',
      'Inputs covered (9.3.2)',
      'Decisions',
      'Actions',
      'Minutes',
    ],
    independent: 'independent',
    notIndependent: 'not independent',
    yes: 'Yes',
    no: 'No',
    missingInputs: (labels: readonly string[]) => `missing: ${labels.join('; ')}`,
    action: (description: string, owner: string, due: string, status: string) =>
      `${description} (${owner}, due ${due}): ${status}`,
    notInBundle: 'not in this bundle',
  },
  screen: {
    heading: 'Internal audits and management reviews',
    auditsHeading: 'Internal audit programme (clause 9.2)',
    reviewsHeading: 'Management reviews (clause 9.3)',
    newAudit: 'New internal audit',
    newReview: 'New management review',
    noAudits: 'No internal audit is planned yet.',
    noReviews: 'No management review is recorded yet.',
    auditsCaption: 'Internal audits',
    reviewsCaption: 'Management reviews',
    columns: {
      id: 'ID',
      title: 'Title',
      auditor: 'Auditor',
      date: 'Date',
      status: 'Status',
      report: 'Report',
      findings: 'Findings',
      inputs: 'Inputs covered',
      actions: 'Actions',
      minutes: 'Minutes',
    },
    inputsCovered: (covered: number, total: number) => `${covered} of ${total}`,
    auditForm: (editing: boolean, id: string) =>
      editing ? `Edit internal audit ${id}` : `New internal audit ${id}`,
    reviewForm: (editing: boolean, id: string) =>
      editing ? `Edit management review ${id}` : `New management review ${id}`,
    title: 'Title',
    scope: 'Scope: processes, sites or controls audited',
    criteria: 'Criteria: what the audit checks against',
    auditor: 'Auditor',
    independent: 'The auditor is independent of the work audited',
    independenceNote: 'How independence is assured',
    plannedDate: 'Planned date',
    completedDate: 'Completed on',
    status: 'Status',
    reportId: 'Report: evidence ID of the audit report',
    findingIds: 'Findings raised: finding IDs, separated by spaces',
    notes: 'Notes',
    meetingDate: 'Meeting date',
    attendees: 'Attendees, one per line',
    topManagement: 'Top management was present',
    inputsLegend: 'Inputs considered (clause 9.3.2)',
    decisions: 'Decisions and changes to the ISMS (clause 9.3.3)',
    actionsLegend: 'Actions',
    actionDescription: (number: number) => `Action ${number}`,
    actionOwner: (number: number) => `Owner of action ${number}`,
    actionDue: (number: number) => `Due date of action ${number}`,
    actionStatus: (number: number) => `Status of action ${number}`,
    addAction: 'Add an action',
    removeAction: (number: number) => `Remove action ${number}`,
    minutesId: 'Minutes: evidence ID of the minutes',
    saveAudit: (id: string) => `Save internal audit ${id}`,
    saveReview: (id: string) => `Save management review ${id}`,
    saved: (id: string) => `Saved ${id}.`,
    deleted: (id: string) => `Deleted ${id}.`,
    deleteRecord: (id: string) => `Delete ${id}`,
    none: '—',
  },
};
