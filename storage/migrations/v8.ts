/**
 * Version 8 adds the records of clauses 9.2 and 9.3: `internalAudits` (the audit programme, indexed by status
 * and planned date) and `managementReviews` (indexed by meeting date). New tables only: no existing row is
 * rewritten.
 */
export const SCHEMA_V8 = {
  internalAudits: 'id, status, plannedDate',
  managementReviews: 'id, meetingDate',
} as const;
